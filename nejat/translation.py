from modeltranslation.translator import TranslationOptions, register

from nejat.models import Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label",)
