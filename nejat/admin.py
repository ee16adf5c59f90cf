from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager
from taggit.models import Tag as UntranslatedTag

from nejat.images import rendition_name, rendition_widths
from nejat.models import ContactMessage, Page, SiteSettings, Tag


def thumbnail_html(image, width=80):
    """A small preview of an image field for admin lists, from its smallest rendition."""
    if not image:
        return ""
    smallest = rendition_widths(getattr(image.instance, image.field.width_field))[0]
    url = image.storage.url(rendition_name(image.name, smallest, "webp"))
    return format_html('<img src="{}" alt="" width="{}" loading="lazy">', url, width)


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


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    fieldsets = (
        (None, {"fields": ("name", "tagline", "copyright_start_year", "copyright_holder")}),
        (
            _("Social links"),
            {
                "fields": (
                    "facebook_url",
                    "twitter_url",
                    "instagram_url",
                    "youtube_url",
                    "telegram_url",
                )
            },
        ),
        (_("E-mail"), {"fields": ("notification_emails",)}),
        (_("Sharing"), {"fields": ("share_image",)}),
    )
    formfield_overrides = PublishableAdmin.formfield_overrides

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one record: open it (or the form to create it) directly."""
        settings_record = SiteSettings.objects.first()
        if settings_record:
            return redirect("admin:nejat_sitesettings_change", settings_record.pk)
        return redirect("admin:nejat_sitesettings_add")


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ("__str__", "placement", "order", "status", "editions")
    list_editable = ("order",)
    list_filter = PublishableAdmin.list_filter + ("placement",)
    search_fields = in_every_language("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = None
    fieldsets = (
        (None, {"fields": ("title", "slug", "body")}),
        (_("Place on the site"), {"fields": ("placement", "order")}),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """An inbox: messages are read, answered by e-mail and sorted, never edited."""

    list_display = ("subject", "name", "language", "sent_at", "is_read", "is_spam")
    list_display_links = ("subject",)
    list_filter = ("is_read", "is_spam", "language")
    search_fields = ("subject", "name", "email", "message")
    date_hierarchy = "sent_at"
    readonly_fields = ("name", "email", "reply_link", "subject", "message", "language", "sent_at")
    fields = readonly_fields + ("is_read", "is_spam")
    actions = ("mark_read", "mark_unread", "mark_spam")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reply"))
    def reply_link(self, message):
        query = urlencode({"subject": f"Re: {message.subject}"}, quote_via=quote)
        return format_html(
            '<a href="mailto:{}?{}">{}</a>', message.email, query, _("Reply by e-mail")
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ContactMessage.objects.filter(pk=object_id, is_read=False).update(is_read=True)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request, queryset):
        queryset.update(is_read=True)

    @admin.action(description=_("Mark as unread"))
    def mark_unread(self, request, queryset):
        queryset.update(is_read=False)

    @admin.action(description=_("Mark as spam"))
    def mark_spam(self, request, queryset):
        queryset.update(is_spam=True, is_read=True)
