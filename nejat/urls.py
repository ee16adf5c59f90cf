"""The site's addresses: the one place that names every app."""

from functools import partial

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

import articles.sitemaps
import media_library.sitemaps
import publications.sitemaps
from articles import feeds as article_feeds
from articles.views import HomeView
from nejat.editorial import translation_board
from nejat.publishing import converters  # noqa: F401  (registers <uslug:…>)
from nejat.search.views import SearchView
from nejat.signin import language as admin_language
from nejat.site import share, sitemaps, views

SITEMAPS = {
    "sections": partial(
        sitemaps.SectionSitemap,
        articles.sitemaps.FRONT_PAGES
        + media_library.sitemaps.FRONT_PAGES
        + publications.sitemaps.FRONT_PAGES,
    ),
    **articles.sitemaps.SITEMAPS,
    "pages": sitemaps.PageSitemap,
    **media_library.sitemaps.SITEMAPS,
    **publications.sitemaps.SITEMAPS,
}

urlpatterns = [
    path("admin/translations/", translation_board.view, name="translation_board"),
    path("admin/two-factor/", include("nejat.signin.urls")),
    path("admin/language/", admin_language.choose, name="admin_language"),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        sitemaps.section_sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("publications/", include("publications.urls")),
    path("media/", include("media_library.urls")),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path("search/", SearchView.as_view(), name="search"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path("share/<slug:kind>/<int:pk>/<slug:network>/", share.share, name="share"),
    # An article's, seven on every card of the home page and listings: as short as can be.
    path("s/<int:pk>/<slug:network>/", share.share, {"kind": "article"}, name="share_article"),
    path("feed/", article_feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", article_feeds.ArticleAtomFeed(), name="feed_atom"),
    path("feed/category/<uslug:slug>/", article_feeds.CategoryFeed(), name="category_feed"),
    path(
        "feed/category/<uslug:slug>/atom/",
        article_feeds.CategoryAtomFeed(),
        name="category_feed_atom",
    ),
    # Pages take whatever single-segment address no section above claims.
    path("<uslug:slug>/", views.PageView.as_view(), name="page"),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "nejat.site.errors.server_error"
