from modeltranslation.translator import TranslationOptions, register

from nejat.models import Page, SiteSettings, Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("name", "tagline", "copyright_holder")


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")
