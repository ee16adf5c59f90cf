from django.urls import path

from articles import views
from articles.models import ARCHIVE_SLUG
from nejat.publishing import converters  # noqa: F401  (registers <uslug:…>)

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("category/<uslug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("source/<uslug:slug>/", views.SourceView.as_view(), name="source"),
    path("<int:year>/<int:month>/", views.ArticleMonthView.as_view(), name="month"),
    path(f"{ARCHIVE_SLUG}/", views.ArchiveView.as_view(), name="archive"),
    path("<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
