from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Category


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "body",
        "image_alt",
        "image_caption",
        "byline",
        "source_name",
        "translator",
    )
