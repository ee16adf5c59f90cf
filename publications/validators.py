import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Editors may type an ISBN with Persian or Arabic-Indic digits, hyphens or spaces.
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def normalize_isbn(value):
    return re.sub(r"[\s\-‐‑–]", "", value.translate(DIGITS)).upper()


def isbn_is_valid(isbn):
    if re.fullmatch(r"\d{9}[\dX]", isbn):
        values = [10 if c == "X" else int(c) for c in isbn]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", isbn):
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(isbn)) % 10 == 0
    return False


def validate_isbn(value):
    if not isbn_is_valid(normalize_isbn(value)):
        raise ValidationError(
            _(
                "This is not a valid ISBN: enter the 10 or 13 digits printed on the book; "
                "the last one is a check digit."
            ),
            code="invalid_isbn",
        )


def validate_periodical_slug(value):
    """The books section owns the address ``books/``; a periodical cannot take it."""
    if value == "books":
        raise ValidationError(
            _("“books” is the address of the Books section; choose another."), code="reserved"
        )
