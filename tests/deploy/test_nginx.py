"""deploy/nginx-site.conf.template, run by Debian's nginx in front of the app as it runs
in production: gunicorn with the production settings, Redis, static files collected.

Everything goes through the TLS server of the rendered file, as a browser would."""

import json
import sys
import time

import pytest

from tests.deploy.stack import EDITOR, NEW_TITLE, TITLE, Stack, Visitor


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("deploy"))
    try:
        stack.up()
        yield stack
    finally:
        stack.stop()


@pytest.fixture
def reader(stack):
    return Visitor(stack.https_port)


@pytest.fixture(scope="module")
def editor(stack):
    """Signed in through the admin's login form, through nginx."""
    visitor = Visitor(stack.https_port)
    visitor.sign_in(EDITOR, EDITOR)
    assert "sessionid" in visitor.cookies
    return visitor


def test_a_readers_page_comes_from_the_micro_cache(reader):
    reader.get("/en/")
    page = reader.get("/en/")
    assert page.status == 200
    assert page.headers["X-Cache-Status"] == "HIT"
    assert TITLE in page.text
    # What the app says for CDNs reaches readers unchanged.
    assert "public" in page.headers["Cache-Control"]
    assert "s-maxage=" in page.headers["Cache-Control"]
    assert page.headers["ETag"]


def test_pages_are_compressed_for_browsers_that_accept_it(reader):
    page = reader.get("/en/", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["Vary"]


def test_a_signed_in_editor_goes_past_the_micro_cache(reader, editor):
    reader.get("/en/")
    for _ in range(2):
        page = editor.get("/en/")
        assert page.headers["X-Cache-Status"] == "BYPASS"
        assert "private" in page.headers["Cache-Control"]


def test_a_preview_for_staff_is_never_shown_to_readers(stack, reader, editor):
    preview = editor.get(stack.draft_url)
    assert preview.status == 200
    assert "private" in preview.headers["Cache-Control"]
    assert reader.get(stack.draft_url).status == 404


def test_a_message_cookie_goes_past_the_micro_cache(reader):
    reader.get("/en/")
    reader.cookies["messages"] = "pending"
    assert reader.get("/en/").headers["X-Cache-Status"] == "BYPASS"


def test_a_change_in_the_admin_reaches_readers_within_seconds(stack, reader, editor):
    reader.get("/en/")
    assert TITLE in reader.get("/en/").text

    form = editor.form(stack.change_url, "article_form")
    form = [(name, NEW_TITLE if name == "title_en" else value) for name, value in form]
    saved = editor.post(stack.change_url, [*form, ("_save", "Save")])
    assert saved.status == 302, saved.text
    assert NEW_TITLE in editor.get("/en/").text

    published = time.monotonic()
    while NEW_TITLE not in reader.get("/en/").text:
        assert time.monotonic() - published < 5, "readers still get the old page"
        time.sleep(0.1)


def test_a_post_is_never_answered_from_the_micro_cache(reader):
    reader.get("/en/")
    assert reader.get("/en/").headers["X-Cache-Status"] == "HIT"
    refused = reader.post("/en/", {"q": "rivers"})
    assert refused.status == 403  # no CSRF token: the app answered, not the cache
    assert refused.headers.get("X-Cache-Status", "") in ("", "BYPASS")
    assert reader.get("/en/").status == 200


def test_static_files_with_hashed_names_are_kept_a_year(stack, reader):
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text())
    name = "admin/css/base.css"
    hashed = manifest["paths"][name]
    kept = reader.get(f"/static/{hashed}")
    assert kept.status == 200
    assert kept.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "X-Cache-Status" not in kept.headers  # not through the app's location
    assert reader.get(f"/static/{name}").headers["Cache-Control"] == "public, max-age=3600"
    compressed = reader.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"


def test_media_files_are_served_sandboxed_and_only_known_types_inline(reader, stack):
    upload = reader.get("/media/notes/hello.txt")
    assert upload.status == 200
    assert upload.text == "hello\n"
    assert upload.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in upload.headers["Content-Security-Policy"]
    assert "default-src 'none'" in upload.headers["Content-Security-Policy"]
    assert upload.headers["Content-Disposition"] == "attachment"
    (stack.media_root / "notes" / "page.html").write_text("<script>alert(1)</script>")
    page = reader.get("/media/notes/page.html")
    assert page.headers["Content-Disposition"] == "attachment"
    assert "sandbox" in page.headers["Content-Security-Policy"]
    (stack.media_root / "notes" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    pdf = reader.get("/media/notes/report.pdf")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert "Content-Disposition" not in pdf.headers


def test_plain_http_is_sent_to_https(stack):
    answer = Visitor(stack.http_port, tls=False).get("/en/?page=2")
    assert answer.status == 301
    assert answer.headers["Location"] == "https://localhost/en/?page=2"


CARTOON = """
from media_library.models import Cartoon
from tests.media_library.factories import make_cartoon
if {pk}:
    cartoon = Cartoon.objects.get(pk={pk})
    cartoon.status = "{status}"
    cartoon.save()
else:
    cartoon = make_cartoon(status="{status}")
cartoon.refresh_from_db()
print(cartoon.pk, cartoon.image.url)
"""


def cartoon(stack, status, pk=0):
    script = CARTOON.format(pk=pk, status=status)
    number, url = stack.run(sys.executable, "manage.py", "shell", "-v", "0", "-c", script).split()
    return int(number), url


def test_a_cartoons_image_is_reachable_only_while_it_is_published(stack, reader):
    pk, draft_url = cartoon(stack, "draft")
    # A draft's image is in a folder nobody can guess; its page is not there.
    assert reader.get(f"/en/media/cartoons/{pk}/").status == 404
    guessable = draft_url.rsplit("/", 2)[0] + "/" + draft_url.rsplit("/", 1)[1]
    assert reader.get(guessable).status == 404
    _pk, published_url = cartoon(stack, "published", pk)
    assert published_url == draft_url and reader.get(published_url).status == 200
    assert draft_url.split("/")[-2] in reader.get(f"/en/media/cartoons/{pk}/").text
    _pk, hidden_url = cartoon(stack, "unpublished", pk)
    assert reader.get(published_url).status == 404
    assert hidden_url != published_url
