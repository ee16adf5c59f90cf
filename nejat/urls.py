from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from nejat import (
    converters,  # noqa: F401  (registers <uslug:…>)
    feeds,
    search_views,
    sitemaps,
    translation_board,
    views,
)

urlpatterns = [
    path("admin/translations/", translation_board.view, name="translation_board"),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section_sitemap, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("publications/", include("publications.urls")),
    path("media/", include("media_library.urls")),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path("search/", search_views.SearchView.as_view(), name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.ArticleAtomFeed(), name="feed_atom"),
    path("feed/category/<slug:slug>/", feeds.CategoryFeed(), name="category_feed"),
    path("feed/category/<slug:slug>/atom/", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    # Pages take whatever single-segment address no section above claims.
    path("<uslug:slug>/", views.PageView.as_view(), name="page"),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
