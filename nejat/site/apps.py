from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site around the content: settings, pages, menu, contact, spam protection,
    redirects, feeds and sitemaps machinery, staff notifications."""

    name = "nejat.site"
    label = "nejat_site"
    verbose_name = _("Site")

    def ready(self):
        from nejat.caching.invalidation import watch
        from nejat.site.models import SiteSettings

        watch(SiteSettings)
