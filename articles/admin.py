from django.contrib import admin
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from articles.models import Article, Author, Category, Comment, Source
from nejat.caching.generation import invalidate
from nejat.editorial.admin import PublishableAdmin
from nejat.editorial.picture_select import PictureChoiceMixin
from nejat.editorial.term_admin import TermAdmin
from nejat.media.renditions import thumbnail_html
from nejat.publishing.languages import in_every_language


@admin.register(Category)
class CategoryAdmin(TermAdmin):
    list_display = ("name", "slug", "editions")
    search_fields = in_every_language("name", "slug")
    # Each language's address from that language's name.
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Author)
class AuthorAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "slug")
    search_fields = ("slug", *in_every_language("name"))
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "bio")


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "slug", "url")
    search_fields = ("slug", *in_every_language("name"))
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "url")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Article)
class ArticleAdmin(PictureChoiceMixin, PublishableAdmin):
    list_display = ("thumbnail", "__str__", "category", "status", "publish_at", "editions")
    list_display_links = ("thumbnail", "__str__")
    list_filter = PublishableAdmin.list_filter + ("category", "featured")
    list_select_related = ("category", "image")
    search_fields = in_every_language("title", "summary", "byline", "slug")
    autocomplete_fields = ("category", "authors", "source", "image")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Featured image"), {"fields": ("image",)}),
        (_("Classification"), {"fields": ("category", "tags", "featured", "comments_open")}),
        (
            _("Credits"),
            {"fields": ("authors", "byline", "source", "source_url", "translator")},
        ),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return thumbnail_html(obj.image)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("name", "excerpt", "article", "language", "status", "created_at")
    list_filter = ("status", "language")
    list_select_related = ("article",)
    search_fields = ("name", "email", "text")
    date_hierarchy = "created_at"
    autocomplete_fields = ("article", "parent")
    readonly_fields = ("created_at", "language")
    fields = ("article", "parent", "name", "email", "text", "status", "language", "created_at")
    actions = ("approve", "mark_spam")

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.text).words(12)

    @admin.action(description=_("Approve selected comments"))
    def approve(self, request, queryset):
        queryset.update(status=Comment.Status.APPROVED)
        invalidate()

    @admin.action(description=_("Mark selected comments as spam"))
    def mark_spam(self, request, queryset):
        queryset.update(status=Comment.Status.SPAM)
        invalidate()
