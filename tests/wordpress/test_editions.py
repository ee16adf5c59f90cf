"""One export per edition, and later exports that bring only what changed."""

import pytest
from django.core.management.base import CommandError

from articles.models import Article, Comment
from tests.wordpress.conftest import POLYLANG, run_import

pytestmark = pytest.mark.django_db

ONE_LANGUAGE_SITE = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/">
<channel><title>Shqip</title><link>https://sq.example.org</link><language>{language}</language>
<wp:wxr_version>1.1</wp:wxr_version>
<item><title>Dita e pastrimit të lumit</title><link>https://sq.example.org/2019/04/dita/</link>
<dc:creator>arta</dc:creator>
<content:encoded><![CDATA[Të shtunën mbi njëqind banorë pastruan bregun e lumit.]]>
</content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2019-04-06 10:00:00</wp:post_date>
<wp:post_date_gmt>2019-04-06 08:00:00</wp:post_date_gmt><wp:post_name>dita</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="mjedisi"><![CDATA[Mjedisi]]></category>
</item></channel></rss>"""


def one_language_export(tmp_path, language):
    export = tmp_path / "sq.xml"
    export.write_text(ONE_LANGUAGE_SITE.format(language=language), encoding="utf-8")
    return export


def test_a_one_language_site_fills_the_edition_it_names(tmp_path, client):
    run_import(one_language_export(tmp_path, "sq-AL"))

    article = Article.objects.get()
    assert article.languages == ["sq"] and article.category.name_sq == "Mjedisi"
    assert client.get("/2019/04/dita/")["Location"] == "/sq/articles/dita/"


def test_language_option_says_which_edition_an_export_belongs_to(tmp_path):
    run_import(one_language_export(tmp_path, "de-DE"), language="sq")
    assert Article.objects.get().languages == ["sq"]


def test_an_export_in_a_language_with_no_edition_must_be_told_its_edition(tmp_path):
    with pytest.raises(CommandError, match="not one of this site's editions"):
        run_import(one_language_export(tmp_path, "de-DE"))
    assert not Article.objects.exists()


def test_a_later_export_brings_only_what_is_new_or_changed(tmp_path, uploads):
    run_import(POLYLANG, uploads=uploads)
    article = Article.objects.get()
    later = tmp_path / "later.xml"
    text = POLYLANG.read_text(encoding="utf-8")
    text = text.replace("[Biblioteka e lagjes rihapet]", "[Biblioteka e lagjes u rihap]")
    later.write_text(text, encoding="utf-8")

    output = run_import(later, uploads=uploads)

    assert "articles: 1 updated (sq 1); 2 unchanged (ar 1, fa 1)" in output
    assert "comments" not in output
    article.refresh_from_db()
    assert article.title_sq == "Biblioteka e lagjes u rihap"
    assert article.title_fa == "کتابخانه‌ی محله دوباره باز شد"
    assert Article.objects.count() == 1 and Comment.objects.count() == 4


def test_refresh_imports_unchanged_items_again_for_files_added_since(tmp_path, uploads):
    run_import(POLYLANG)
    assert not Article.objects.get().image

    assert "Nothing new or changed." in run_import(POLYLANG, uploads=uploads)
    run_import(POLYLANG, uploads=uploads, refresh=True)

    assert Article.objects.get().image
