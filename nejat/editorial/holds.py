"""Per-language publishing in the admin (see nejat.publishing.holds).

A translator who adds a language to a published item does not publish it: the new
language is kept from readers until an editor unticks it under *Kept from readers*.
Editors choose freely; the change form tells translators what waits.
"""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from nejat.publishing.holds import stored
from nejat.publishing.models import Publishable


def language_names(codes):
    return ", ".join(str(get_language_info(code)["name_translated"]) for code in codes)


class HeldLanguagesAdmin:
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.may_change_everything(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [shown_to_translators(f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_change_everything(request, obj):
            readonly.append("kept_from_readers")
        return readonly

    @admin.display(description=_("editions"))
    def editions(self, obj):
        """A link to each edition readers find the item in; the languages kept from
        them after, not linked."""
        live = format_html_join(
            " ",
            '<a class="edition-badge" lang="{}" hreflang="{}" href="{}">{}</a>',
            ((code, code, url, code) for code, url in obj.edition_urls().items()),
        )
        held = format_html_join(
            " ",
            '<span class="edition-badge edition-badge--held" title="{}">{}</span>',
            (
                (_("kept from readers"), code)
                for code in obj.held_languages.split()
                if obj.is_written_in(code)
            ),
        )
        return format_html("{} {}", live, held) if held else live

    @admin.display(description=_("kept from readers"))
    def kept_from_readers(self, obj):
        return language_names(obj.held_languages.split()) if obj else ""

    def save_model(self, request, obj, form, change):
        held = self.hold_new_languages(request, obj) if change else []
        super().save_model(request, obj, form, change)
        if held:
            message = ngettext(
                "Your translation into %(languages)s is saved and kept from readers "
                "until an editor publishes it.",
                "Your translations into %(languages)s are saved and kept from readers "
                "until an editor publishes them.",
                len(held),
            ) % {"languages": language_names(held)}
            messages.info(request, message)

    def hold_new_languages(self, request, obj):
        """Hold the languages this save adds to a published item, unless the user
        may publish; returns them."""
        if self.has_publish_permission(request):
            return []
        if obj.stored_status != Publishable.Status.PUBLISHED:
            return []
        before = type(obj)._base_manager.get(pk=obj.pk)
        added = [code for code in obj.written_languages if not before.is_written_in(code)]
        if added:
            obj.held_languages = stored([*obj.held_languages.split(), *added])
        return added


def shown_to_translators(field):
    return "kept_from_readers" if field == "held_languages" else field
