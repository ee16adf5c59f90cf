from modeltranslation.translator import TranslationOptions, register

from publications.models import Book, Issue, Periodical

PDF_FIELDS = ("pdf", "pdf_pages", "pdf_size")


@register(Periodical)
class PeriodicalTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Book)
class BookTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "subtitle", "description", "authors", "publisher", *PDF_FIELDS)


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("title", "contents", "text", *PDF_FIELDS)
