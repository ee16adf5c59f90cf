from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NejatConfig(AppConfig):
    """The project itself: settings, URLs, the demo command, and the ``nejat`` app
    label under which the core's models and migrations are kept."""

    name = "nejat"
    verbose_name = _("Site")
