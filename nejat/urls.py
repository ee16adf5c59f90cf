from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from nejat import (
    converters,  # noqa: F401  (registers <uslug:…>)
    views,
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("publications/", include("publications.urls")),
    path("media/", include("media_library.urls")),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    # Pages take whatever single-segment address no section above claims.
    path("<uslug:slug>/", views.PageView.as_view(), name="page"),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
