import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.pdfs import read_pdf
from publications.validators import isbn_is_valid, normalize_isbn, validate_isbn
from tests.publications.factories import encrypted_pdf_bytes, make_book, pdf_bytes, pdf_file

pytestmark = pytest.mark.django_db


def upload(content, name="file.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class TestReadingPdfs:
    def test_page_count_and_size_of_a_generated_three_page_pdf(self):
        content = pdf_bytes(3)
        facts = read_pdf(upload(content))
        assert facts.pages == 3
        assert facts.size == len(content)

    def test_pages_and_size_are_stored_per_language_when_saved(self):
        book = make_book(languages=["fa"], pdf=False)
        book.pdf_fa = pdf_file(3, "three.pdf")
        book.pdf_en = pdf_file(1, "one.pdf")
        book.title_en, book.slug_en = "One page", "one-page"
        book.save()
        book.refresh_from_db()
        assert (book.pdf_pages_fa, book.pdf_size_fa) == (3, len(pdf_bytes(3)))
        assert (book.pdf_pages_en, book.pdf_size_en) == (1, len(pdf_bytes(1)))
        assert book.pdf_fa.read() == pdf_bytes(3)

    def test_removing_a_pdf_forgets_its_pages_and_size(self):
        book = make_book(languages=["en"])
        book.pdf_en = None
        book.save()
        assert book.pdf_pages_en is None and book.pdf_size_en is None
        assert book.languages == []

    @pytest.mark.parametrize(
        "content, code",
        [
            (b"Hello, this is a text file with a .pdf name", "not_pdf"),
            (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not_pdf"),
            (b"", "not_pdf"),
            (b"%PDF-1.7\nnothing after the header", "corrupt"),
            (pdf_bytes(3)[:300], "corrupt"),
            (encrypted_pdf_bytes(), "encrypted"),
            (encrypted_pdf_bytes(user_password=""), "encrypted"),
        ],
    )
    def test_bad_files_are_refused_with_a_reason(self, content, code):
        with pytest.raises(ValidationError) as refused:
            read_pdf(upload(content))
        assert refused.value.code == code

    def test_file_over_the_size_limit_is_refused_before_it_is_read(self, settings):
        settings.NEJAT_MAX_PDF_MB = 1
        with pytest.raises(ValidationError) as refused:
            read_pdf(upload(b"%PDF-1.4\n" + b"0" * (1024 * 1024)))
        assert refused.value.code == "too_big"
        assert "1.0" in str(refused.value.messages[0])


class TestIsbn:
    @pytest.mark.parametrize(
        "isbn",
        [
            "978-0-306-40615-7",
            "9780306406157",
            "0-306-40615-2",
            "0 8044 2957 X",
            "080442957x",
            "979-10-90636-07-1",
            "۹۷۸-۰-۳۰۶-۴۰۶۱۵-۷",
        ],
    )
    def test_valid_isbns(self, isbn):
        validate_isbn(isbn)

    @pytest.mark.parametrize(
        "isbn",
        ["978-0-306-40615-8", "0-306-40615-3", "12345", "977-0-306-40615-7", "ISBN", "X306406152"],
    )
    def test_invalid_isbns(self, isbn):
        assert not isbn_is_valid(normalize_isbn(isbn))
        with pytest.raises(ValidationError):
            validate_isbn(isbn)

    def test_isbn_is_stored_without_hyphens_or_spaces(self):
        book = make_book(isbn="978-0-306 40615-7")
        book.full_clean()
        assert book.isbn == "9780306406157"
