from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """``manage.py backup`` and ``manage.py restore``: the database and the uploaded
    files in one archive, and back."""

    name = "nejat.backups"
    label = "nejat_backups"
    verbose_name = _("Backups")
