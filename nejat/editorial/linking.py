"""Linking and unlinking translations in the admin, for what an import (or an editor)
could not know: items that are one story in different languages become one item, and
the languages of one item can become items of their own again.

Two actions on every content list, for those who may publish. Each language keeps its
address: an item's address in a language is made of that language's slug, which moves
with the language.
"""

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.translator import translator
from reversion.models import Version

from nejat.publishing.holds import stored
from nejat.publishing.languages import language_fields, localized_fields, other_languages_fields
from nejat.publishing.models import Publishable
from nejat.publishing.tags import TaggedItem


def clear(item, names):
    for name in names:
        setattr(item, name, None if item._meta.get_field(name).null else "")


def shared_file_fields(model):
    translated = {*localized_fields(model), *translator.get_options_for_model(model).all_fields}
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and field.name not in translated
    ]


def divisible(model):
    """Whether each part of an item belongs to one language (comments do; an album's
    photos, captioned in every language, do not)."""
    return all(
        any(field.name == "language" for field in relation.related_model._meta.fields)
        for relation in parts_relations(model)
    )


def parts_relations(model):
    """The model's one-to-many relations (an article's comments, an album's photos)."""
    return [relation for relation in model._meta.related_objects if relation.one_to_many]


def generic_links(obj):
    """Rows of other tables that point at ``obj`` by content type and id and belong to
    it (where it was imported from), not to its history (revisions, the audit list) or
    its tags (moved as tags)."""
    kind = ContentType.objects.get_for_model(obj)
    history = {Version, LogEntry, TaggedItem}
    for model in apps.get_models():
        names = {field.name for field in model._meta.concrete_fields}
        if {"content_type", "object_id"} <= names and model not in history:
            yield model._base_manager.filter(content_type=kind, object_id=obj.pk)


@admin.action(
    description=_("Make the selected items one item in several languages"),
    permissions=["publish"],
)
def link_translations(modeladmin, request, queryset):
    items = list(queryset.order_by("pk"))
    languages = [item.written_languages for item in items]
    shared = [code for code in {c for codes in languages for c in codes}
              if sum(code in codes for codes in languages) > 1]  # fmt: skip
    if len(items) < 2 or shared:
        modeladmin.message_user(
            request,
            _("Choose two or more items written in different languages.")
            if not shared
            else _("Not linked: more than one of them is written in %(languages)s.")
            % {"languages": ", ".join(sorted(shared))},
            messages.ERROR,
        )
        return
    target, others = items[0], items[1:]
    with transaction.atomic(), modeladmin.create_revision(request):
        for other in others:
            take_languages(target, other)
        target.updated_by = request.user
        target.save()
        names = ", ".join(f"#{other.pk}" for other in others)
        modeladmin.log_change(
            request, target, modeladmin.logged(_("Linked with %(items)s."), items=names)
        )
    modeladmin.message_user(
        request,
        _("“%(item)s” is now one item in %(languages)s.")
        % {"item": target, "languages": ", ".join(target.written_languages)},
        messages.SUCCESS,
    )


def take_languages(target, other):
    """Move ``other``'s languages, parts, tags and records to ``target``; delete it."""
    for code in other.written_languages:
        for name in language_fields(type(target), code):
            setattr(target, name, getattr(other, name))
        if code in other.held_languages:
            target.held_languages = stored([*target.held_languages.split(), code])
    target.translated_at = {**(other.translated_at or {}), **(target.translated_at or {})}
    published = Publishable.Status.PUBLISHED
    if other.status == published and target.status != published:
        target.status, target.publish_at = other.status, other.publish_at
    for relation in parts_relations(type(other)):
        relation.related_model._base_manager.filter(**{relation.field.name: other}).update(
            **{relation.field.name: target}
        )
    if hasattr(target, "tags"):
        target.tags.add(*other.tags.all())
    for rows in generic_links(other):
        rows.update(object_id=target.pk)
    # The other item's slugs are free once it is gone.
    other.delete()


@admin.action(
    description=_("Make each language of the selected items an item of its own"),
    permissions=["publish"],
)
def split_languages(modeladmin, request, queryset):
    made = 0
    if not divisible(queryset.model):
        message = _("Not split: its parts, such as an album's photos, serve every language.")
        modeladmin.message_user(request, message, messages.ERROR)
        return
    for item in queryset:
        with transaction.atomic(), modeladmin.create_revision(request):
            for code in item.written_languages[1:]:
                split_off(modeladmin, request, item, code)
                made += 1
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d language became an item of its own.",
            "%(count)d languages became items of their own.",
            made,
        )
        % {"count": made},
        messages.SUCCESS,
    )


def split_off(modeladmin, request, item, code):
    model = type(item)
    copy = model._base_manager.get(pk=item.pk)
    copy.pk, copy._state.adding = None, True
    clear(copy, other_languages_fields(model, code))
    clear(item, language_fields(model, code))
    # Files every language shares are the item's own: the new item gets copies.
    for field in shared_file_fields(model):
        original = getattr(item, field.attname)
        if original:
            with original.open("rb"):
                content = ContentFile(original.read(), name=original.name.rsplit("/", 1)[-1])
            setattr(copy, field.attname, content)
    copy.held_languages = stored([code] if code in item.held_languages else [])
    copy.translated_at = {code: (item.translated_at or {}).get(code)}
    copy.source_language = code
    copy.created_by = copy.updated_by = request.user
    item.held_languages = stored(c for c in item.held_languages.split() if c != code)
    item.save()
    copy.save()
    for relation in parts_relations(model):
        parts = relation.related_model._base_manager.filter(**{relation.field.name: item})
        parts.filter(language=code).update(**{relation.field.name: copy})
    if hasattr(item, "tags"):
        copy.tags.add(*item.tags.all())
    modeladmin.log_change(
        request, copy, modeladmin.logged(_("Split off from #%(item)s."), item=item.pk)
    )
