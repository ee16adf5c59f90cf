"""What every upload is checked for before its content is: its size."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

TOO_BIG = _("This file is too big: it may be at most %(limit)s.")


def check_size(upload, limit_mb, message=TOO_BIG):
    """Refuse an upload larger than ``limit_mb`` megabytes, saying what the limit is."""
    limit = limit_mb * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(message, code="too_big", params={"limit": filesizeformat(limit)})
