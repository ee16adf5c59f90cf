"""Files of items readers may not see stay out of their reach.

Every upload is stored in a folder named by 128 random bits (nejat.media.uploads), so
a draft's or a scheduled item's files cannot be found before a published page links
them. Once published, the addresses are public; unpublishing an item therefore moves
its files (an image's renditions with it, and those of its parts, such as an album's
photos) to new random folders, after which the old addresses answer 404. A picture of
the image library moves with it unless readers still see it elsewhere. The move goes
through the storage API (local disk or S3 alike); the old files are deleted once the
change has committed.
"""

from pathlib import PurePosixPath

from django.db import transaction
from django.db.models.signals import post_save

from nejat.media.cleanup import file_fields
from nejat.media.images import ResponsiveImageFieldFile
from nejat.media.library import places_choosing, places_showing, whole_of
from nejat.media.models import LibraryImage
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
        size = (fieldfile.original_width or 0, fieldfile.original_height or 0, fieldfile.focal)
        for old_rendition, new_rendition in zip(
            rendition_names(old, *size), rendition_names(new, *size), strict=True
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


def image_fields(model):
    """The model's choices of a library image (a featured image, a photo)."""
    return [
        f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is LibraryImage
    ]


def part_relations(model):
    """The model's relations to parts that have files or pictures of their own (an
    album's photos)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and (file_fields(relation.related_model) or image_fields(relation.related_model))
    ]


def parts_of(item):
    for relation in part_relations(type(item)):
        yield from relation.related_model._base_manager.filter(**{relation.field.name: item})


def hide_files(item, only_guessable=False):
    """Move the files of the item and of its parts to new random folders (with
    ``only_guessable``, only those not in one yet: files stored before names were)."""
    moved = {}
    for obj in [item, *parts_of(item)]:
        move_files_of(obj, moved, only_guessable)
        for field in image_fields(type(obj)):
            image = getattr(obj, field.name)
            if image and not seen_elsewhere(image, item):
                move_files_of(image, moved, only_guessable)


def seen_elsewhere(image, item):
    """Whether readers see the library image anywhere but in ``item``: in a text (which
    holds its address), or chosen by another published item. Items that chose it
    follow it wherever it moves."""
    if places_showing(image, limit=1):
        return True
    return any(
        isinstance(whole, Publishable)
        and whole != item
        and whole.status == Publishable.Status.PUBLISHED
        for whole in map(whole_of, places_choosing(image))
    )


def hide_when_unpublished(sender, instance, created, **kwargs):
    Status = Publishable.Status
    if instance.stored_status == Status.PUBLISHED and instance.status != Status.PUBLISHED:
        hide_files(instance)


def connect():
    for model in publishable_models():
        if file_fields(model) or image_fields(model) or part_relations(model):
            uid = f"hiding {model._meta.label}"
            post_save.connect(hide_when_unpublished, sender=model, dispatch_uid=uid)
