"""The admin of terms, the categories and tags with a page in each edition that names
them: which editions name each term, which terms an edition lacks, and translators
naming terms in their own languages.

Those who may add terms change all of a term. A translator changes only the names and
addresses in their languages: the other languages' are disabled, the fields every
language shares (a tag's key) read-only, and adding or deleting terms is not theirs.
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from nejat.editorial.desk import changelist_url
from nejat.editorial.filters import MissingNameFilter, missing_in
from nejat.editorial.form_errors import TabbedAdmin
from nejat.editorial.language_locks import lock_other_languages, untranslated_fields
from nejat.editorial.roles import translator_languages
from nejat.publishing.languages import filled_in, in_every_language, localized_fields


def naming_languages(user, model):
    """Codes of the languages in which the user may name terms of the model."""
    opts = model._meta
    if user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
        return tuple(code for code, _name in settings.LANGUAGES)
    if user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return translator_languages(user)
    return ()


def unnamed_entries(user, model, label):
    """For the admin's desk: for each language the user may name terms in, how many
    terms have no name there, linked to the list of them; in one query."""
    languages = naming_languages(user, model)
    if not languages:
        return []
    named = {
        code: Count("pk", filter=filled_in(code, model.name_field, model.slug_field))
        for code in languages
    }
    counts = model._default_manager.aggregate(every=Count("pk"), **named)
    names = dict(settings.LANGUAGES)
    return [
        (
            label % {"language": names[code]},
            counts["every"] - counts[code],
            changelist_url(model, missing=code),
        )
        for code in languages
    ]


def edition_badge(term, code, language_name):
    if term.has_page_in(code):
        return format_html(
            '<a class="edition-badge" lang="{}" hreflang="{}" href="{}">{}</a>',
            code,
            code,
            term.url_in(code),
            code,
        )
    return format_html(
        '<span class="edition-badge edition-badge--missing" title="{}">{}</span>',
        missing_in(language_name),
        code,
    )


class TermAdmin(TabbedAdmin):
    list_filter = (MissingNameFilter,)
    change_form_template = "editorial/term_change_form.html"

    class Media:
        css = {"all": ("editorial/admin.css",)}

    def editable_languages(self, request):
        return naming_languages(request.user, self.model)

    def may_change_everything(self, request):
        return self.has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return bool(self.editable_languages(request))

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_change_everything(request):
            readonly += [name for name in untranslated_fields(self) if name not in readonly]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        prepopulated = super().get_prepopulated_fields(request, obj)
        if self.may_change_everything(request):
            return prepopulated
        # A field the form does not take (read-only, or another language's) is not filled in.
        languages = self.editable_languages(request)
        return {
            name: sources
            for name, sources in prepopulated.items()
            if localized_fields(self.model).get(name) in languages
        }

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.may_change_everything(request):
            form = lock_other_languages(form, self.model, self.editable_languages(request))
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if not self.may_change_everything(request) and self.has_change_permission(request, obj):
            names = dict(settings.LANGUAGES)
            context["editable_languages"] = [
                str(names[code]) for code in self.editable_languages(request)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("editions"))
    def editions(self, term):
        """A link to the term's page in each edition that names it; the others marked
        as missing it."""
        return format_html_join(
            " ",
            "{}",
            ((edition_badge(term, code, name),) for code, name in settings.LANGUAGES),
        )


class TagAdmin(TermAdmin):
    """Registered by this app's AppConfig: the publishing core, where tags live, may not
    know the editorial roles."""

    list_display = ("name", "label", "slug", "editions")
    search_fields = ("name", "slug", *in_every_language("label", "label_slug"))
    prepopulated_fields = {"slug": ("name",), "label_slug": ("label",)}
