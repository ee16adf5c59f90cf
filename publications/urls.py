from django.urls import path

from nejat.publishing import converters  # noqa: F401  (registers <uslug:…>)
from publications import views
from publications.feeds import IssueFeed
from publications.models import BOOKS_BY_YEAR

app_name = "publications"

book = "books/<uslug:slug>/"
issue = "<slug:periodical>/<int:number>/"

urlpatterns = [
    path("", views.PublicationsView.as_view(), name="index"),
    path("books/", views.BookListView.as_view(), name="books"),
    path(f"books/{BOOKS_BY_YEAR}/", views.BooksByYearView.as_view(), name="books_by_year"),
    path(book, views.BookDetailView.as_view(), name="book"),
    path(f"{book}download/", views.BookPdfView.as_view(), name="book_download"),
    path(f"{book}read/", views.BookPdfView.as_view(as_attachment=False), name="book_read"),
    path("<slug:periodical>/", views.IssueListView.as_view(), name="periodical"),
    path("<slug:periodical>/feed/", IssueFeed(), name="feed"),
    path(issue, views.IssueDetailView.as_view(), name="issue"),
    path(f"{issue}download/", views.IssuePdfView.as_view(), name="issue_download"),
    path(f"{issue}read/", views.IssuePdfView.as_view(as_attachment=False), name="issue_read"),
]
