"""What every upload is checked for before its content is (its size), and the name it
is stored under once its content is known: in a folder of its own whose name nobody
can guess, so a draft's files cannot be found before the page that shows them is
published (nejat.media.hiding moves them again when an item is unpublished)."""

import re
import secrets
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


TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")


def new_token():
    """A folder name of 128 random bits."""
    return secrets.token_urlsafe(16)


def unguessable(name):
    """The same file name in a new folder nobody can guess (replacing the old one's token)."""
    path = PurePosixPath(name)
    parent = path.parent.parent if TOKEN.match(path.parent.name) else path.parent
    return str(parent / new_token() / path.name)


class UnguessableNameMixin:
    """For a file field: every upload is stored under ``<upload_to>/<token>/<name>``."""

    def generate_filename(self, instance, filename):
        return unguessable(super().generate_filename(instance, filename))
