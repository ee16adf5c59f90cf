"""Revisions of content (django-reversion): every admin save keeps one; staff compare
two of them field by field and language by language, and restore an older one."""

import html
import re
from datetime import datetime
from difflib import SequenceMatcher

import reversion
from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext_noop
from django.utils.translation import gettext as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from nejat.editorial.history import HistoryMixin
from nejat.editorial.restore import RestoreMixin
from nejat.editorial.roles import can_recover_deleted
from nejat.publishing.richtext import RichTextField

BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|pre|tr)>|<br\s*/?>", re.I)
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def readable_html(value):
    """Rich text as the words a reader sees, one paragraph a line."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", value)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def word_diff(old, new):
    """Both texts as one, removed words in <del> and added words in <ins>."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    parts = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(after[j1:j2])))
    # Safe: each part escaped above.
    return mark_safe("".join(parts))  # nosec B308 B703


def shown_value(field, value):
    """A stored value as staff read it."""
    if value in (None, ""):
        return ""
    if isinstance(field, RichTextField):
        return readable_html(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_one:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return formats.localize(timezone.localtime(value) if timezone.is_aware(value) else value)
    return str(value)


def compared_fields(model):
    """(label, language code or None, field) for each field staff edit, translated
    fields once per language, in the model's order."""
    options = translator.get_options_for_model(model)
    translated = set(options.all_fields)
    localized = {
        build_localized_fieldname(name, code)
        for name in translated
        for code, _ in settings.LANGUAGES
    }
    rows = []
    for field in model._meta.concrete_fields:
        if field.name in translated:
            for code, _name in settings.LANGUAGES:
                localized_field = model._meta.get_field(build_localized_fieldname(field.name, code))
                if localized_field.editable:
                    rows.append((field.verbose_name, code, localized_field))
        elif field.editable and not field.primary_key and field.name not in localized:
            rows.append((field.verbose_name, None, field))
    return rows


def changes_between(model, older, newer):
    """The fields whose value differs between two versions, each with a word diff."""
    before, after = older.field_dict, newer.field_dict
    changes = []
    for label, code, field in compared_fields(model):
        old, new = before.get(field.attname), after.get(field.attname)
        if old == new:
            continue
        language = get_language_info(code) if code else None
        changes.append(
            {
                "label": label,
                "language": code,
                "language_name": language["name_translated"] if language else "",
                "direction": "rtl" if language and language["bidi"] else "ltr",
                "diff": word_diff(shown_value(field, old), shown_value(field, new)),
            }
        )
    return changes


class RevisionAdmin(HistoryMixin, RestoreMixin, VersionAdmin):
    """One revision per item and save, readable comparisons, restore (``restore``),
    and recovery of deleted items for those allowed to recover them."""

    object_history_template = "editorial/object_history.html"
    history_latest_first = True

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{info}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{info}_restore",
            ),
            *super().get_urls(),
        ]

    def has_recover_permission(self, request):
        return can_recover_deleted(request.user) and self.has_add_permission(request)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin gathers every save of a list page into one revision; here each
        # item keeps revisions of its own (see save_model), so restoring one item never
        # rewinds another.
        context = {"has_recover_permission": self.has_recover_permission(request)}
        return super(VersionAdmin, self).changelist_view(
            request, {**context, **(extra_context or {})}
        )

    def save_model(self, request, obj, form, change):
        if reversion.is_active():
            super().save_model(request, obj, form, change)
        else:
            with self.create_revision(request):
                super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        self.keep_before_deleting(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.keep_before_deleting(request, obj)
        super().delete_queryset(request, queryset)

    def keep_before_deleting(self, request, obj):
        """A last revision, so the item can be recovered even if it never had one."""
        with self.create_revision(request):
            reversion.add_to_revision(obj)
            # Kept untranslated: the history shows it in its reader's language.
            reversion.set_comment(gettext_noop("Deleted."))

    def versions_of(self, object_id):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = list(self.versions_of(object_id))
        context = {
            "action_list": [
                {
                    "version": version,
                    "revision": version.revision,
                    "url": reverse(self.url_name("revision"), args=(quote(object_id), version.pk)),
                }
                for version in versions
            ],
            "compare_url": reverse(self.url_name("compare"), args=(quote(object_id),)),
            **(extra_context or {}),
        }
        return super(VersionAdmin, self).history_view(request, quote(object_id), context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(self.versions_of(obj.pk))
        if len(versions) < 2:
            return HttpResponseRedirect(reverse(self.url_name("history"), args=[obj.pk]))
        by_id = {str(version.pk): version for version in versions}
        newer = by_id.get(request.GET.get("to"), versions[0])
        older = by_id.get(request.GET.get("from"), versions[1])
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Compare versions"),
            "versions": versions,
            "older": older,
            "newer": newer,
            "changes": changes_between(self.model, older, newer),
            "may_restore": self.may_restore(request, obj),
            "restore_url": reverse(self.url_name("restore"), args=[quote(obj.pk), older.pk]),
        }
        return TemplateResponse(request, "editorial/compare_versions.html", context)

    def url_name(self, view):
        return f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}"
