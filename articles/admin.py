from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from articles.models import Article, Category
from nejat.admin import PublishableAdmin, in_every_language
from nejat.images import rendition_name, rendition_widths


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *in_every_language("name"))
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("thumbnail", "__str__", "category", "status", "publish_at", "editions")
    list_display_links = ("thumbnail", "__str__")
    list_filter = PublishableAdmin.list_filter + ("category",)
    list_select_related = ("category",)
    search_fields = in_every_language("title", "summary", "byline", "slug")
    autocomplete_fields = ("category",)
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Featured image"), {"fields": ("image", "image_alt", "image_caption")}),
        (_("Classification"), {"fields": ("category", "tags")}),
        (
            _("Credits"),
            {"fields": ("byline", "source_name", "source_url", "translator")},
        ),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        smallest = rendition_widths(obj.image_width)[0]
        url = obj.image.storage.url(rendition_name(obj.image.name, smallest, "webp"))
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', url)
