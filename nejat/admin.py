from django.conf import settings
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager
from taggit.models import Tag as UntranslatedTag

from nejat.models import Tag


def in_every_language(*fields):
    """Field names for admin search across every language's column."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code, _name in settings.LANGUAGES
    ]


admin.site.site_header = _("Nejat administration")
admin.site.site_title = _("Nejat administration")
# Every tag in Nejat is a translated nejat.Tag; taggit's own model stays unused.
admin.site.unregister(UntranslatedTag)


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, _("Missing in %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            complete = queryset.model.objects.in_language(self.value()).values("pk")
            return queryset.exclude(pk__in=complete)
        return queryset


class PublishableAdmin(TabbedTranslationAdmin):
    """What every content admin shares: translation tabs, publishing fields,
    authorship, the editions column and filter, and preview."""

    publishing_fieldset = (
        _("Publishing"),
        {"fields": ("status", "publish_at")},
    )
    history_fieldset = (
        _("History"),
        {
            "classes": ("collapse",),
            "fields": ("created_at", "created_by", "updated_at", "updated_by"),
        },
    )
    list_filter = ("status", MissingLanguageFilter)
    readonly_fields = ("created_at", "created_by", "updated_at", "updated_by")
    date_hierarchy = "publish_at"
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ("nejat/admin.css",)}
        js = ("nejat/tag-autocomplete.js",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, TaggableManager):
            query = urlencode(
                {
                    "app_label": self.model._meta.app_label,
                    "model_name": self.model._meta.model_name,
                    "field_name": db_field.name,
                }
            )
            formfield.widget.attrs["data-autocomplete-url"] = (
                f"{reverse('admin:autocomplete')}?{query}"
            )
        return formfield

    @admin.display(description=_("editions"))
    def editions(self, obj):
        return format_html_join(
            " ", '<span class="edition-badge" lang="{}">{}</span>', ((c, c) for c in obj.languages)
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name", "label", "slug")
    search_fields = ("name", "slug", *in_every_language("label"))
    prepopulated_fields = {"slug": ("name",)}
