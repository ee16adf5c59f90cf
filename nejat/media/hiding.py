"""Files of items readers may not see stay out of their reach.

Every upload is stored in a folder named by 128 random bits (nejat.media.uploads), so
a draft's or a scheduled item's files cannot be found before a published page links
them. Once published, the addresses are public; unpublishing an item therefore moves
its files (an image's renditions with it, and those of its parts, such as an album's
photos) to new random folders, after which the old addresses answer 404. The move goes
through the storage API (local disk or S3 alike); the old files are deleted once the
change has committed.
"""

from pathlib import PurePosixPath

from django.db import transaction
from django.db.models.signals import post_save

from nejat.media.cleanup import file_fields
from nejat.media.images import ResponsiveImageFieldFile
from nejat.media.renditions import rendition_names
from nejat.media.uploads import TOKEN, unguessable
from nejat.publishing.models import Publishable, publishable_models


def copy(storage, old, new):
    with storage.open(old, "rb") as content:
        return storage.save(new, content)


def move_file(fieldfile, moved):
    """Copy a file (and an image's renditions) to a new random folder; returns the new
    name. ``moved`` maps names already moved in this pass (a translated field and its
    default-language twin point at one file)."""
    old = fieldfile.name
    if old in moved:
        return moved[old]
    storage = fieldfile.storage
    new = copy(storage, old, unguessable(old))
    leftovers = [old]
    if isinstance(fieldfile, ResponsiveImageFieldFile):
        width = fieldfile.original_width or 0
        for old_rendition, new_rendition in zip(
            rendition_names(old, width), rendition_names(new, width), strict=True
        ):
            if storage.exists(old_rendition):
                storage.delete(new_rendition)
                copy(storage, old_rendition, new_rendition)
                leftovers.append(old_rendition)
    transaction.on_commit(lambda: [storage.delete(name) for name in leftovers])
    moved[old] = new
    return new


def move_files_of(obj, moved, only_guessable=False):
    changes = {}
    for field in file_fields(type(obj)):
        fieldfile = getattr(obj, field.attname)
        if not (fieldfile and fieldfile.name):
            continue
        if only_guessable and TOKEN.match(PurePosixPath(fieldfile.name).parent.name):
            continue
        changes[field.attname] = move_file(fieldfile, moved)
    if changes:
        type(obj)._base_manager.filter(pk=obj.pk).update(**changes)
        for name, value in changes.items():
            setattr(obj, name, value)


def part_relations(model):
    """The model's relations to parts that have files of their own (an album's photos)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many and file_fields(relation.related_model)
    ]


def parts_of(item):
    for relation in part_relations(type(item)):
        yield from relation.related_model._base_manager.filter(**{relation.field.name: item})


def hide_files(item, only_guessable=False):
    """Move the files of the item and of its parts to new random folders (with
    ``only_guessable``, only those not in one yet: files stored before names were)."""
    moved = {}
    move_files_of(item, moved, only_guessable)
    for part in parts_of(item):
        move_files_of(part, moved, only_guessable)


def hide_when_unpublished(sender, instance, created, **kwargs):
    Status = Publishable.Status
    if instance.stored_status == Status.PUBLISHED and instance.status != Status.PUBLISHED:
        hide_files(instance)


def connect():
    for model in publishable_models():
        if file_fields(model) or part_relations(model):
            uid = f"hiding {model._meta.label}"
            post_save.connect(hide_when_unpublished, sender=model, dispatch_uid=uid)
