"""Uploaded PDFs: checked by their content, measured (pages, bytes) when saved,
and served back with a readable file name."""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from nejat.media.uploads import check_size, stored_name

# The PDF format allows a little junk before its header; readers look this far.
HEADER_WINDOW = 1024

# Markup a browser would run if it took the file for a web page (an HTML/PDF polyglot).
MARKUP = re.compile(rb"<\s*(?:html|head|body|script|svg|iframe|object|embed|meta|!doctype)\b")

ERRORS = {
    "not_pdf": _("This file is not a PDF, whatever its name says. Upload a PDF document."),
    "markup": _(
        "This file is also a web page or holds script, which a PDF never needs. "
        "Export the document again as a plain PDF."
    ),
    "corrupt": _("This PDF is damaged or incomplete and cannot be read. Export it again."),
    "encrypted": _(
        "This PDF is password-protected or encrypted. Upload a copy saved without a password."
    ),
    "too_big": _("This file is too big: a PDF may be at most %(limit)s."),
}


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    size: int


def read_pdf(file):
    """Check a file is a whole, unencrypted PDF within the size limit; return its facts.

    Raises ``ValidationError`` with a message that says what is wrong.
    """
    check_size(file, settings.NEJAT_MAX_PDF_MB, ERRORS["too_big"])
    size = file.size
    file.seek(0)
    head = file.read(HEADER_WINDOW)
    if b"%PDF-" not in head:
        raise ValidationError(ERRORS["not_pdf"], code="not_pdf")
    if MARKUP.search(head.lower()):
        raise ValidationError(ERRORS["markup"], code="markup")
    file.seek(0)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            raise ValidationError(ERRORS["encrypted"], code="encrypted")
        pages = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018  (reading every page's box finds broken pages)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise ValidationError(ERRORS["corrupt"], code="corrupt") from error
    finally:
        file.seek(0)
    if pages < 1:
        raise ValidationError(ERRORS["corrupt"], code="corrupt")
    return PdfFacts(pages=pages, size=size)


class PdfFormField(forms.FileField):
    """Accepts only a readable PDF; the facts read travel with the upload to ``save()``."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.pdf_facts = read_pdf(upload)
        upload.content_type = "application/pdf"
        upload.name = stored_name(upload.name, ".pdf")
        return upload


class PdfField(models.FileField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PdfFormField, **kwargs})


def facts_of(fieldfile):
    """Facts of a file about to be saved: from the form's check, else read now."""
    facts = getattr(fieldfile.file, "pdf_facts", None)
    return facts or read_pdf(fieldfile.file)


def pdf_response(fieldfile, filename, fallback, as_attachment):
    """The stored PDF, streamed, to download (attachment) or to read in the browser (inline)."""
    try:
        stored = fieldfile.storage.open(fieldfile.name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(stored, content_type="application/pdf")
    disposition = "attachment" if as_attachment else "inline"
    # RFC 6266: a plain ASCII name for old clients, the real one (UTF-8) for the rest.
    response["Content-Disposition"] = (
        f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    )
    return response
