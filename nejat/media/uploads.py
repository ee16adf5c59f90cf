"""What every upload is checked for before its content is (its size), and the name it
is stored under once its content is known."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

TOO_BIG = _("This file is too big: it may be at most %(limit)s.")


def check_size(upload, limit_mb, message=TOO_BIG):
    """Refuse an upload larger than ``limit_mb`` megabytes, saying what the limit is."""
    limit = limit_mb * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(message, code="too_big", params={"limit": filesizeformat(limit)})


def stored_name(filename, extension):
    """The name an upload is stored under: its own stem, made safe (letters of every
    script, digits and hyphens), with the extension of the type its content was found
    to be — never the uploader's, so ``report.html`` holding a PDF is stored as
    ``report.pdf`` and served as one."""
    stem = slugify(PurePosixPath(filename or "").stem, allow_unicode=True)[:80].strip("-_")
    return f"{stem or 'file'}{extension}"
