from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from nejat.publishing.languages import in_every_language
from nejat.publishing.tags import Tag


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name", "label", "slug")
    search_fields = ("name", "slug", *in_every_language("label", "label_slug"))
    prepopulated_fields = {"slug": ("name",), "label_slug": ("label",)}
