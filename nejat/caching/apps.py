from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "nejat.caching"
    label = "nejat_caching"
    verbose_name = _("Page cache")

    def ready(self):
        from nejat.caching import checks  # noqa: F401 - registers the deploy checks
        from nejat.caching.invalidation import watch_content

        watch_content()
