from modeltranslation.translator import TranslationOptions, register

from nejat.publishing.models import Publishable
from nejat.publishing.tags import Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label", "label_slug")


@register(Publishable)
class PublishableTranslationOptions(TranslationOptions):
    """Every content type: a publish time of each language's own."""

    fields = ("language_publish_at",)
