"""Exports are untrusted files: the parser refuses what could blow up or read elsewhere,
and nothing is written until every file has been read through."""

import pytest
from django.core.management.base import CommandError

from articles.models import Article, Category
from nejat.site.models import Redirect
from nejat.wordpress import wxr
from nejat.wordpress.files import Uploads
from nejat.wordpress.models import ImportRecord
from nejat.wordpress.report import Report
from tests.wordpress.conftest import POLYLANG, run_import

pytestmark = pytest.mark.django_db

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>&title;</title><language>en</language><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Post</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status></item></channel></rss>"""

BILLION_LAUGHS = """<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY title "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>"""
EXTERNAL_ENTITY = '<!DOCTYPE rss [<!ENTITY title SYSTEM "file:///etc/passwd">]>'


def nothing_written(media_root):
    assert not Article.objects.exists()
    assert not Category.objects.exists()
    assert not Redirect.objects.exists()
    assert not ImportRecord.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*"))


@pytest.mark.parametrize(
    "doctype", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"]
)
def test_entities_are_refused_with_a_clear_message_and_nothing_written(tmp_path, settings, doctype):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(HEADER.format(doctype=doctype), encoding="utf-8")

    with pytest.raises(CommandError) as refused:
        # The good export comes first: it must not be imported either.
        run_import(POLYLANG, hostile)

    message = str(refused.value)
    assert message.startswith("hostile.xml: refused.")
    assert "declares an XML entity" in message and "Nothing was imported" in message
    nothing_written(settings.MEDIA_ROOT)


@pytest.mark.parametrize(
    "content, reason",
    [
        (
            '<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel>'
            "<wp:wxr_version>1.1</wp:wxr_version><item><title>Cut short",
            "not well-formed XML",
        ),
        ("<html><body>Hello</body></html>", "not a WordPress export"),
        ("<rss><channel><title>Feed</title><item/></channel></rss>", "no wp:wxr_version"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(tmp_path, settings, content, reason):
    broken = tmp_path / "broken.xml"
    broken.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=reason):
        run_import(broken)
    nothing_written(settings.MEDIA_ROOT)


def test_control_characters_that_xml_forbids_are_dropped_not_fatal(tmp_path):
    export = tmp_path / "old.xml"
    export.write_bytes(HEADER.format(doctype="").replace("&title;", "Old\x0bsite").encode())

    site, item = list(wxr.read(export))
    assert site.title == "Oldsite" and item.title == "Post"


def test_dry_run_writes_nothing_and_says_what_it_would_do(uploads, settings):
    output = run_import(POLYLANG, uploads=uploads, dry_run=True)

    assert "articles: 1 created (fa 1); 2 translations added (ar 1, sq 1)" in output
    assert "Dry run: nothing was written." in output
    nothing_written(settings.MEDIA_ROOT)


def test_uploads_are_read_only_from_inside_the_uploads_folder(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (tmp_path / "secret.txt").write_text("not yours")
    (uploads / "notes.txt").write_text("yours")
    files = Uploads(uploads, Report())

    assert files.local_file("notes.txt") == (uploads / "notes.txt").resolve()
    assert files.local_file("../secret.txt") is None
    assert files.local_file("2020/../../secret.txt") is None


def test_files_that_could_run_on_our_domain_are_not_copied(tmp_path, settings):
    uploads = tmp_path / "uploads"
    (uploads / "2020").mkdir(parents=True)
    (uploads / "2020" / "page.html").write_text("<script>alert(1)</script>")
    (uploads / "2020" / "photo.jpg").write_text("not really a picture")
    report = Report()
    files = Uploads(uploads, report)

    for name in ("page.html", "photo.jpg"):
        url = f"https://old.example.org/wp-content/uploads/2020/{name}"
        assert files.copy(files.relative(url)) is None
    assert set(report.refused_files) == {"2020/page.html", "2020/photo.jpg"}
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*"))
