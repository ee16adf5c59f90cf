from django.apps import AppConfig
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from nejat.caching.invalidation import watch
        from publications.models import Periodical

        watch(Periodical)

    def menu_entries(self):
        from nejat.site.menu import MenuItem, url_or_none
        from publications.models import Periodical

        children = [MenuItem(_("Books"), url_or_none("publications:books"))] + [
            MenuItem(periodical.name, periodical.get_absolute_url())
            for periodical in Periodical.objects.in_language(get_language())
        ]
        return [MenuItem(_("Publications"), children=children)]
