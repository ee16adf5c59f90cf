from modeltranslation.translator import TranslationOptions, register

from nejat.site.models import Page, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("name", "tagline", "copyright_holder")


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")
