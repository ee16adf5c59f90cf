from modeltranslation.translator import TranslationOptions, register

from nejat.publishing.tags import Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label", "label_slug")
