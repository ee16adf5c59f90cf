"""Publications test data, written for these tests, in the four languages."""

import io
import itertools
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from publications.models import Book, Issue, Periodical
from tests.factories import localized

LANGUAGES = ("en", "ar", "fa", "sq")
PERIODICALS = {
    "newsletter": {
        "en": "Nejat NewsLetter",
        "ar": "نشرة نجات",
        "fa": "خبرنامه‌ی نجات",
        "sq": "Buletini i Nejatit",
    },
    "pars-brief": {
        "en": "Pars Brief",
        "ar": "موجز بارس",
        "fa": "گزیده‌ی پارس",
        "sq": "Përmbledhja Pars",
    },
}
BOOK_TITLES = {
    "en": "Gardens of the dry valley",
    "ar": "حدائق الوادي الجاف",
    "fa": "باغ‌های دره‌ی خشک",
    "sq": "Kopshtet e luginës së thatë",
}
ISSUE_TITLES = {
    "en": "Spring harvest",
    "ar": "حصاد الربيع",
    "fa": "برداشت بهاری",
    "sq": "Korrja e pranverës",
}
TEXTS = {
    "en": "<p>A season of shared work in the villages.</p>",
    "ar": "<p>موسم من العمل المشترك في القرى.</p>",
    "fa": "<p>فصلی از کار مشترک در روستاها.</p>",
    "sq": "<p>Një stinë pune të përbashkët në fshatra.</p>",
}

_counter = itertools.count(1)


def pdf_bytes(pages=1):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=420, height=595)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(user_password="secret"):
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(2)))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(pages=1, name="file.pdf"):
    return ContentFile(pdf_bytes(pages), name=name)


def make_periodical(slug="newsletter", languages=LANGUAGES, ordering=0):
    periodical = Periodical(slug=slug, ordering=ordering)
    for language in languages:
        setattr(periodical, localized("name", language), PERIODICALS[slug][language])
    periodical.save()
    return periodical


def make_book(languages=("en",), status="published", days_ago=1, year=2020, pdf=True, **fields):
    number = next(_counter)
    book = Book(status=status, publish_at=timezone.now() - timedelta(days=days_ago), year=year)
    for language in languages:
        setattr(book, localized("title", language), f"{BOOK_TITLES[language]} {number}")
        setattr(book, localized("slug", language), f"{language}-book-{number}")
        setattr(book, localized("description", language), TEXTS[language])
        if pdf:
            setattr(book, localized("pdf", language), pdf_file(2, f"book-{number}.pdf"))
    for field, value in fields.items():
        setattr(book, field, value)
    book.save()
    return book


def make_issue(
    periodical,
    number=None,
    languages=("en",),
    status="published",
    days_ago=1,
    pdf=True,
    text=False,
    **fields,
):
    number = number or next(_counter)
    issue = Issue(
        periodical=periodical,
        number=number,
        issue_date=date.today() - timedelta(days=days_ago),
        status=status,
        publish_at=timezone.now() - timedelta(days=days_ago),
    )
    for language in languages:
        setattr(issue, localized("title", language), f"{ISSUE_TITLES[language]} {number}")
        setattr(issue, localized("contents", language), TEXTS[language])
        if text:
            setattr(issue, localized("text", language), TEXTS[language])
        if pdf:
            setattr(issue, localized("pdf", language), pdf_file(1, f"issue-{number}.pdf"))
    for field, value in fields.items():
        setattr(issue, field, value)
    issue.save()
    return issue
