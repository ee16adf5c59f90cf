from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def menu_entries(self):
        from nejat.site.menu import MenuItem

        return [MenuItem(_("Articles"), reverse("articles:list"))]
