from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Images and videos as every section uploads and shows them."""

    name = "nejat.media"
    label = "nejat_media"
    verbose_name = _("Media")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from nejat.media import cleanup, hiding

        # Pillow's own guard against decompression bombs, at the limit we mean.
        Image.MAX_IMAGE_PIXELS = settings.NEJAT_MAX_IMAGE_PIXELS
        cleanup.connect()
        hiding.connect()
