from nejat.site.sitemaps import EditionItemSitemap
from publications.models import Book, Issue

FRONT_PAGES = ["publications:index", "publications:books"]


class BookSitemap(EditionItemSitemap):
    model = Book


class IssueSitemap(EditionItemSitemap):
    model = Issue
    related = ("periodical",)


SITEMAPS = {"books": BookSitemap, "issues": IssueSitemap}
