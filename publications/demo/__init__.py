"""Demo books, periodicals and issues, written for this project, for ``seed_demo``.

Covers and PDFs are drawn on the spot; every PDF goes through the same check
and measurement as an upload.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from nejat.media.demo_images import abstract_picture
from nejat.publishing.editions import localize_digits
from publications.demo.pdfs import demo_pdf
from publications.models import Book, Issue, Periodical

HERE = Path(__file__).resolve().parent
COVER_SIZE = (600, 800)
BOOK_FIELDS = ("title", "subtitle", "authors", "publisher", "description")
ISSUE_FIELDS = ("title", "contents", "text")
COMMA = {"ar": "،", "fa": "،"}


def load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))[name.removesuffix(".json")]


def localized(field, language):
    return build_localized_fieldname(field, language)


def seed(command, tags):
    """Add what is missing; return how many books and issues were new."""
    periodicals = seed_periodicals(command, load("periodicals.json"))
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    return seed_books(command, load("books.json"), now) + seed_issues(
        command, load("issues.json"), periodicals, now
    )


def seed_periodicals(command, entries):
    periodicals = {}
    for entry in entries:
        periodical, _created = Periodical.objects.get_or_create(
            slug=entry["slug"], defaults={"ordering": entry["ordering"]}
        )
        for field in ("name", "description"):
            for language, text in entry[field].items():
                setattr(periodical, localized(field, language), text)
        periodical.save()
        periodicals[entry["slug"]] = periodical
    command.stdout.write(f"Periodicals: {len(periodicals)}")
    return periodicals


def seed_books(command, entries, now):
    created = 0
    for number, entry in enumerate(entries, start=1):
        language, first = next(iter(entry["translations"].items()))
        slug = slugify(first["title"], allow_unicode=True)
        if not Book.objects.filter(**{localized("slug", language): slug}).exists():
            create_book(number, entry, now)
            created += 1
        command.progress("Books", number, len(entries))
    return created


def create_book(number, entry, now):
    book = Book(
        status=entry.get("status", "published"),
        publish_at=now - timedelta(days=entry["days_ago"], hours=number),
        year=entry["year"],
        isbn=entry.get("isbn", "").replace("-", ""),
        cover=abstract_picture(100 + number, size=COVER_SIZE),
    )
    for language, texts in entry["translations"].items():
        for field in BOOK_FIELDS:
            setattr(book, localized(field, language), texts.get(field, ""))
        slug = slugify(texts["title"], allow_unicode=True)
        setattr(book, localized("slug", language), slug)
        pdf = demo_pdf(
            100 + number,
            texts["publisher"],
            texts["title"],
            texts["description"],
            language,
            entry["pages"],
            f"{slugify(texts['title']) or f'book-{number}'}-{language}.pdf",
        )
        setattr(book, localized("pdf", language), pdf)
    book.save()


def seed_issues(command, entries, periodicals, now):
    created = 0
    for done, entry in enumerate(entries, start=1):
        periodical = periodicals[entry["periodical"]]
        if not Issue.objects.filter(periodical=periodical, number=entry["number"]).exists():
            create_issue(done, entry, periodical, now)
            created += 1
        command.progress("Issues", done, len(entries))
    return created


def create_issue(seed, entry, periodical, now):
    published = now - timedelta(days=entry["days_ago"])
    issue = Issue(
        periodical=periodical,
        number=entry["number"],
        issue_date=published.date(),
        status=entry.get("status", "published"),
        publish_at=published,
        cover=abstract_picture(200 + seed, size=COVER_SIZE),
    )
    for language, texts in entry["translations"].items():
        for field in ISSUE_FIELDS:
            setattr(issue, localized(field, language), texts.get(field, ""))
        if entry["pdf"]:
            name = getattr(periodical, localized("name", language))
            number = localize_digits(entry["number"], language)
            pdf = demo_pdf(
                200 + seed,
                f"{name}{COMMA.get(language, ',')} {number}",
                texts["title"],
                texts["contents"] + texts.get("text", ""),
                language,
                entry["pages"],
                f"{periodical.slug}-{entry['number']}-{language}.pdf",
            )
            setattr(issue, localized("pdf", language), pdf)
    issue.save()
