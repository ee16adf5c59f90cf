from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The publishing core: its models are kept under the ``nejat`` app label."""

    name = "nejat.publishing"
    label = "nejat_publishing"
    verbose_name = _("Publishing")
