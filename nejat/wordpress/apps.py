from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressConfig(AppConfig):
    """Moving in from WordPress: the importer, its records and its command. It fills
    the content apps; nothing depends on it."""

    name = "nejat.wordpress"
    label = "nejat_wordpress"
    verbose_name = _("WordPress import")
