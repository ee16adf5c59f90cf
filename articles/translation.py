from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Author, Category, Source


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("name", "bio")


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "body",
        "byline",
        "translator",
    )
