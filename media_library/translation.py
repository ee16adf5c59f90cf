from modeltranslation.translator import TranslationOptions, register

from media_library.models import Album, Cartoon, NewsPic, Video


@register([Cartoon, NewsPic])
class PictureTranslationOptions(TranslationOptions):
    fields = ("title", "caption", "image_alt")


@register(Album)
class AlbumTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Video)
class VideoTranslationOptions(TranslationOptions):
    fields = ("title", "description")
