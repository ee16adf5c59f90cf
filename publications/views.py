import re

from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView

from nejat.publishing.editions import same_page_in
from nejat.publishing.views import EditionDetailMixin, EditionListMixin
from publications.models import Book, Issue, Periodical
from publications.pdfs import pdf_response

LATEST_ON_INDEX = 4


def periodical_in_edition(slug):
    return get_object_or_404(Periodical.objects.in_language(get_language()), slug=slug)


class PublicationsView(TemplateView):
    template_name = "publications/index.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        return super().get_context_data(
            periodicals=Periodical.objects.in_language(language),
            books=Book.objects.published().in_language(language)[:LATEST_ON_INDEX],
            issues=Issue.objects.published()
            .in_language(language)
            .select_related("periodical")
            .order_by("-issue_date", "-number")[:LATEST_ON_INDEX],
            **kwargs,
        )


class BookListView(EditionListMixin, ListView):
    model = Book
    by_year = False


class BooksByYearView(BookListView):
    ordering = (F("year").desc(nulls_last=True), "-publish_at", "-pk")
    by_year = True


class StructuredDataMixin:
    """schema.org data for search engines, in the edition's language."""

    def get_context_data(self, **kwargs):
        item = self.object
        data = {
            "@context": "https://schema.org",
            "name": item.title,
            "inLanguage": get_language(),
            "url": self.request.build_absolute_uri(item.get_absolute_url()),
            **self.item_data(item),
        }
        if item.cover:
            data["image"] = self.request.build_absolute_uri(item.cover.url)
        if item.pdf_pages:
            data["numberOfPages"] = item.pdf_pages
        return super().get_context_data(structured_data=data, **kwargs)


class BookDetailView(StructuredDataMixin, EditionDetailMixin, DetailView):
    model = Book

    def item_data(self, book):
        data = {"@type": "Book"}
        if book.authors:
            data["author"] = [
                {"@type": "Person", "name": name.strip()}
                for name in re.split("[,،]", book.authors)
                if name.strip()
            ]
        if book.year:
            data["datePublished"] = str(book.year)
        if book.publisher:
            data["publisher"] = {"@type": "Organization", "name": book.publisher}
        if book.isbn:
            data["isbn"] = book.isbn
        return data


class IssueListView(EditionListMixin, ListView):
    """The issues of one periodical, newest first."""

    model = Issue
    list_related = ("periodical",)
    ordering = ("-issue_date", "-number")

    def get_queryset(self):
        self.periodical = periodical_in_edition(self.kwargs["periodical"])
        return super().get_queryset().filter(periodical=self.periodical)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            periodical=self.periodical,
            alternates=same_page_in(self.request, self.periodical.languages),
            **kwargs,
        )


class IssueDetailView(StructuredDataMixin, EditionDetailMixin, DetailView):
    model = Issue

    def item_data(self, issue):
        return {
            "@type": "PublicationIssue",
            "issueNumber": str(issue.number),
            "datePublished": issue.issue_date.isoformat(),
            "isPartOf": {"@type": "Periodical", "name": issue.periodical.name},
        }

    def get_object(self, queryset=None):
        periodical = periodical_in_edition(self.kwargs["periodical"])
        issue = (
            Issue.objects.visible_to(self.request.user)
            .in_language(get_language())
            .filter(periodical=periodical, number=self.kwargs["number"])
            .first()
        )
        if issue is None:
            raise Http404
        issue.periodical = periodical
        return issue

    def get_context_data(self, **kwargs):
        issue = self.object
        siblings = (
            Issue.objects.published()
            .in_language(get_language())
            .filter(periodical=issue.periodical)
            .select_related("periodical")
        )
        return super().get_context_data(
            previous_issue=siblings.filter(number__lt=issue.number).order_by("-number").first(),
            next_issue=siblings.filter(number__gt=issue.number).order_by("number").first(),
            **kwargs,
        )


class PdfMixin:
    """The item's PDF in the current edition, to download or (``as_attachment=False``)
    to read in the browser; found exactly as its page is, so drafts stay hidden."""

    as_attachment = True

    def get(self, request, *args, **kwargs):
        item = self.get_object()
        if not item.pdf:
            raise Http404
        filename, fallback = item.file_names()
        return pdf_response(item.pdf, filename, fallback, self.as_attachment)


class BookPdfView(PdfMixin, BookDetailView):
    pass


class IssuePdfView(PdfMixin, IssueDetailView):
    pass
