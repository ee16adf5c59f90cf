from modeltranslation.translator import TranslationOptions, register

from nejat.media.models import LibraryImage


@register(LibraryImage)
class LibraryImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
