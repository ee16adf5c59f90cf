"""Uploads are stored under names we make, with the extension of what their content
is, and a PDF that is also a web page is refused."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from media_library.models import Video
from publications.models import Book
from tests.media_library.test_admin import PUBLISHING
from tests.media_library.test_admin import form_errors as picture_form_errors
from tests.publications.factories import make_book, make_periodical, pdf_bytes
from tests.publications.test_admin import BOOK_ADD, ISSUE_ADD, book_form, form_errors, issue_form

pytestmark = pytest.mark.django_db

POLYGLOT = b"<html><script>alert(document.cookie)</script><!--\n" + pdf_bytes()


def upload(content, name):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_an_html_pdf_polyglot_is_refused_as_a_book_an_issue_and_an_image(editor_client):
    response = editor_client.post(BOOK_ADD, book_form(pdf_en=upload(POLYGLOT, "report.html")))
    assert "web page" in str(form_errors(response)["pdf_en"])
    periodical = make_periodical()
    response = editor_client.post(
        ISSUE_ADD, issue_form(periodical, pdf_en=upload(POLYGLOT, "issue.pdf"))
    )
    assert "pdf_en" in form_errors(response)
    data = {"title_en": "A picture", "image": upload(POLYGLOT, "x.jpg"), **PUBLISHING}
    response = editor_client.post("/admin/media_library/cartoon/add/", data)
    assert "image" in picture_form_errors(response)
    assert not Book.objects.exists()


def test_a_real_pdf_is_stored_as_pdf_whatever_it_was_called(editor_client):
    response = editor_client.post(BOOK_ADD, book_form(pdf_en=upload(pdf_bytes(), "report.html")))
    assert response.status_code == 302, form_errors(response)
    assert Book.objects.get().pdf_en.name.endswith("/report.pdf")


def test_an_mp4_that_is_html_after_its_first_box_is_refused(editor_client):
    fake = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2<html><script>alert(1)</script>"
    data = {
        "title_en": "Open day",
        "file": SimpleUploadedFile("clip.mp4", fake),
        **PUBLISHING,
    }
    response = editor_client.post("/admin/media_library/video/add/", data)
    assert "file" in picture_form_errors(response)
    assert not Video.objects.exists()


def test_fix_upload_names_renames_a_stored_pdf_and_its_record():
    book = make_book(pdf=False)
    book.pdf_en.save("report.html", ContentFile(pdf_bytes()), save=True)
    old = book.pdf_en.name
    assert old.endswith(".html")

    call_command("fix_upload_names", "--dry-run")
    book.refresh_from_db()
    assert book.pdf_en.name == old

    call_command("fix_upload_names")
    book.refresh_from_db()
    assert book.pdf_en.name.endswith("/report.pdf")
    assert book.pdf_en.storage.exists(book.pdf_en.name)
    assert not book.pdf_en.storage.exists(old)
    call_command("fix_upload_names")  # a second run changes nothing
    book.refresh_from_db()
    assert book.pdf_en.name.endswith("/report.pdf")


class EndlessBody:
    """A request body that would take minutes to send, counting what the server reads."""

    def __init__(self):
        self.consumed = 0

    def read(self, size=-1):
        size = 64 * 1024 if size is None or size < 0 else size
        self.consumed += size
        return b"x" * size

    def readline(self, size=-1):
        return self.read(size)


def test_a_request_over_the_largest_upload_is_refused_unread(editor_client, settings):
    settings.NEJAT_MAX_VIDEO_MB = 10
    body = EndlessBody()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/admin/media_library/video/add/",
        "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        "CONTENT_LENGTH": str(501 * 1024 * 1024),
        "wsgi.input": body,
        "HTTP_ACCEPT_LANGUAGE": "fa",
        "HTTP_COOKIE": "; ".join(f"{k}={v.value}" for k, v in editor_client.cookies.items()),
    }
    response = editor_client.handler(editor_client._base_environ(**environ))
    assert response.status_code == 413
    assert body.consumed == 0
    assert "فایل بیش از حد بزرگ است" in response.content.decode()
    assert not Video.objects.exists()
