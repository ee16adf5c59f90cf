from modeltranslation.translator import TranslationOptions, register

from nejat.publishing.models import Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label",)
