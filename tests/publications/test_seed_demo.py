from io import StringIO

import pytest
from django.core.management.base import OutputWrapper

from publications import demo
from publications.models import Book, Issue, Periodical

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar", "fa", "sq")


class FakeCommand:
    def __init__(self):
        self.output = StringIO()
        self.stdout = OutputWrapper(self.output)

    def progress(self, label, done, total):
        self.stdout.write(f"{label}: {done}/{total}")


def test_demo_publications_in_four_languages_added_once(client):
    command = FakeCommand()
    created = demo.seed(command, tags={})
    assert created == Book.objects.count() + Issue.objects.count()
    assert "Books: 7/7" in command.output.getvalue()

    assert set(Periodical.objects.values_list("slug", flat=True)) == {"newsletter", "pars-brief"}
    books, issues = Book.objects.published(), Issue.objects.published()
    for language in LANGUAGES:
        assert books.in_language(language).exists(), language
        for slug in ("newsletter", "pars-brief"):
            assert issues.in_language(language).filter(periodical__slug=slug).exists()
            assert client.get(f"/{language}/publications/{slug}/").status_code == 200
        assert client.get(f"/{language}/publications/books/").status_code == 200
    assert all(book.cover and book.pdf_pages_fa for book in books.in_language("fa"))
    assert issues.filter(pdf_en="").exclude(text_en="").exists(), "a text-only brief"
    assert Book.objects.filter(status="draft").exists()
    assert any(book.languages == ["fa"] for book in books)

    persian = books.in_language("fa").first()
    response = client.get(f"{persian.url_in('fa')}download/")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    counts = (Periodical.objects.count(), Book.objects.count(), Issue.objects.count())
    assert demo.seed(FakeCommand(), tags={}) == 0
    assert (Periodical.objects.count(), Book.objects.count(), Issue.objects.count()) == counts
