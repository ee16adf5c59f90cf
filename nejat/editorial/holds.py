"""Per-language publishing in the admin (see nejat.publishing.holds).

A translator who adds a language to a published item does not publish it: the new
language is kept from readers until someone who may publish that language releases
it. Editors publish every language: they untick it under *Kept from readers*, or use
the list's action. ``NEJAT_TRANSLATORS_PUBLISH`` names the languages whose translators
publish their own language too, and nothing else of the item: they get a checkbox for
each of their languages and the same action, limited to those languages.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from nejat.editorial.roles import translator_languages
from nejat.publishing.holds import stored
from nejat.publishing.languages import in_every_language, localized_fields
from nejat.publishing.models import Publishable

# The translator's checkboxes, one for each language of theirs they may publish.
OWN_HOLDS = "held_own_languages"
# What says whether and when readers see an item and each language: kept as it is
# when an older version is restored.
PUBLISHING_STATE = (
    "status",
    "publish_at",
    "held_languages",
    *in_every_language("language_publish_at"),
)


def language_names(codes):
    return ", ".join(str(get_language_info(code)["name_translated"]) for code in codes)


def translators_publishing(user):
    """The languages this user's translator groups may publish (``NEJAT_TRANSLATORS_PUBLISH``)."""
    allowed = {code.strip() for code in settings.NEJAT_TRANSLATORS_PUBLISH if code.strip()}
    unknown = allowed - {code for code, _name in settings.LANGUAGES}
    if unknown:
        raise ImproperlyConfigured(
            f"NEJAT_TRANSLATORS_PUBLISH: unknown languages ({', '.join(sorted(unknown))})."
        )
    return tuple(code for code in translator_languages(user) if code in allowed)


def with_own_holds(form_class, languages):
    """The form with a checkbox for each of ``languages``: ticked, kept from readers."""
    field = Publishable._meta.get_field("held_languages")
    choices = [(code, name) for code, name in settings.LANGUAGES if code in languages]

    class OwnHoldsForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[OWN_HOLDS] = forms.MultipleChoiceField(
                label=capfirst(field.verbose_name),
                help_text=field.help_text,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=[code for code in languages if code in self.instance.held_languages],
            )

    OwnHoldsForm.__name__ = form_class.__name__
    return OwnHoldsForm


def with_own_times(form_class, languages):
    """The form with a language's own publish time changed only by those who may
    publish that language: a later time takes it from readers."""

    class OwnTimesForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, code in localized_fields(Publishable).items():
                if name in self.fields and code not in languages:
                    self.fields[name].disabled = True

    OwnTimesForm.__name__ = form_class.__name__
    return OwnTimesForm


def replaced(fieldsets, name, by):
    return [
        (title, {**options, "fields": [by if f == name else f for f in options["fields"]]})
        for title, options in fieldsets
    ]


class HeldLanguagesAdmin:
    # Who may publish which language.

    def languages_to_publish(self, request):
        """The languages whose holds this user may lift, on any item."""
        if self.has_publish_permission(request):
            return tuple(code for code, _name in settings.LANGUAGES)
        return translators_publishing(request.user)

    def has_publish_translations_permission(self, request):
        return self.has_change_permission(request) and bool(self.languages_to_publish(request))

    def own_languages_to_publish(self, request, obj):
        """The languages of this item a translator publishes with their checkboxes
        (those who may change everything have the whole field)."""
        if obj is None or self.may_change_everything(request, obj):
            return ()
        return tuple(
            code
            for code in translators_publishing(request.user)
            if code in obj.held_languages or obj.is_written_in(code)
        )

    # The change form.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.may_change_everything(request, obj):
            return fieldsets
        shown = OWN_HOLDS if self.own_languages_to_publish(request, obj) else "kept_from_readers"
        return replaced(fieldsets, "held_languages", shown)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_change_everything(request, obj):
            readonly.append("kept_from_readers")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = self.form_with_own_holds(request, obj, change, **kwargs)
        return with_own_times(form, self.languages_to_publish(request))

    def form_with_own_holds(self, request, obj, change, **kwargs):
        languages = self.own_languages_to_publish(request, obj)
        if not languages:
            return super().get_form(request, obj, change=change, **kwargs)
        # The model form knows nothing of the checkboxes: they are added to it after.
        if "fields" in kwargs:
            fields = kwargs.pop("fields")
        else:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            kwargs["fields"] = [name for name in fields if name != OWN_HOLDS]
        form = super().get_form(request, obj, change=change, **kwargs)
        return with_own_holds(form, languages)

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

    # Saving.

    def save_model(self, request, obj, form, change):
        held = self.hold_new_languages(request, obj) if change else []
        if OWN_HOLDS in form.changed_data:
            # Only the languages of the checkboxes change: the others stay as they are.
            mine = {code for code, _name in form.fields[OWN_HOLDS].choices}
            others = [code for code in obj.held_languages.split() if code not in mine]
            obj.held_languages = stored([*others, *form.cleaned_data[OWN_HOLDS]])
        super().save_model(request, obj, form, change)
        held = [code for code in held if code in obj.held_languages]
        if held:
            self.say_what_waits(request, held)

    def say_what_waits(self, request, held):
        yours = set(translators_publishing(request.user))
        mine = [code for code in held if code in yours]
        others = [code for code in held if code not in yours]
        if mine:
            message = ngettext(
                "Your translation into %(languages)s is saved and kept from readers "
                "until you publish it.",
                "Your translations into %(languages)s are saved and kept from readers "
                "until you publish them.",
                len(mine),
            )
            messages.info(request, message % {"languages": language_names(mine)})
        if others:
            message = ngettext(
                "Your translation into %(languages)s is saved and kept from readers "
                "until an editor publishes it.",
                "Your translations into %(languages)s are saved and kept from readers "
                "until an editor publishes them.",
                len(others),
            )
            messages.info(request, message % {"languages": language_names(others)})

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

    # The list.

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "publish_translations" in actions and not self.has_publish_permission(request):
            func, name, _description = actions["publish_translations"]
            description = _("Publish the translations in %(languages)s") % {
                "languages": language_names(self.languages_to_publish(request))
            }
            actions[name] = (func, name, description)
        return actions

    @admin.action(
        description=_("Publish translations kept from readers"),
        permissions=["publish_translations"],
    )
    def publish_translations(self, request, queryset):
        languages = self.languages_to_publish(request)
        published = not_yours = 0
        for item in queryset.exclude(held_languages=""):
            held = item.held_languages.split()
            codes = [code for code in held if code in languages]
            not_yours += len(held) - len(codes)
            if codes:
                self.release(request, item, codes)
                published += len(codes)
        self.message_user(
            request,
            ngettext(
                "%(count)d translation was published.",
                "%(count)d translations were published.",
                published,
            )
            % {"count": published},
            messages.SUCCESS,
        )
        if not_yours:
            self.message_user(
                request,
                ngettext(
                    "%(count)d translation kept from readers is not yours to publish.",
                    "%(count)d translations kept from readers are not yours to publish.",
                    not_yours,
                )
                % {"count": not_yours},
                messages.WARNING,
            )

    def release(self, request, item, codes):
        """Let readers find the item in these languages; a saved change like any other
        (a revision, a history entry, a new page-cache generation)."""
        names = dict(settings.LANGUAGES)
        message = [
            part
            for code in codes
            for part in self.logged(_("Published in %(language)s."), language=names[code])
        ]
        with self.create_revision(request):
            item.held_languages = stored(c for c in item.held_languages.split() if c not in codes)
            item.updated_by = request.user
            item.save()
            self.log_change(request, item, message)
