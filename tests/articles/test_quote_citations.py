"""A quote's <cite> is kept: typed by an editor, and imported from WordPress."""

import json

import pytest

from articles.models import Article
from nejat.publishing.richtext import sanitize_html
from tests.articles.test_admin import ADD_URL, article_form, form_errors
from tests.wordpress.conftest import run_import

pytestmark = pytest.mark.django_db

CITED_QUOTE = (
    "<blockquote><p>A river remembers every tree planted on its banks.</p>"
    "<p>— <cite>Leila Ahmadi</cite></p></blockquote>"
)

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Nejat</title><link>https://old.example.org</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Voices from the river</title><link>https://old.example.org/2024/05/voices/</link>
<dc:creator>arta</dc:creator>
<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>What the volunteers said.</p>
<!-- /wp:paragraph -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>A river remembers every tree planted on its banks.</p>
<!-- /wp:paragraph --><cite>Leila Ahmadi</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Plant first, talk later.</p>\
<cite>Arta Krasniqi</cite></blockquote></figure>
<!-- /wp:pullquote -->]]></content:encoded>
<wp:post_id>9</wp:post_id><wp:post_date>2024-05-04 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-05-04 08:00:00</wp:post_date_gmt><wp:post_name>voices</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="environment"><![CDATA[Environment]]></category>
</item></channel></rss>"""


class TestQuoteCitationSanitiser:
    def test_cite_is_kept(self):
        assert sanitize_html(CITED_QUOTE) == CITED_QUOTE

    def test_cite_loses_its_event_handlers_and_scripts(self):
        dirty = (
            '<blockquote><p>Quote</p><p><cite onclick="steal()">Name'
            "<script>alert(1)</script></cite></p></blockquote>"
        )
        assert (
            sanitize_html(dirty) == "<blockquote><p>Quote</p><p><cite>Name</cite></p></blockquote>"
        )


class TestQuoteCitationsInTheAdmin:
    def test_a_cited_quote_is_kept_in_the_body_and_on_the_article_page(
        self, editor_client, client, category
    ):
        body = f"<p>The volunteers had the last word.</p>{CITED_QUOTE}"
        response = editor_client.post(ADD_URL, article_form(category, body_en=body))
        assert response.status_code == 302, form_errors(response)

        article = Article.objects.get()
        assert article.body_en == body
        page = client.get(article.url_in("en"))
        assert page.status_code == 200
        assert "<p>— <cite>Leila Ahmadi</cite></p></blockquote>" in page.content.decode()

    def test_a_cite_with_a_handler_or_a_script_is_cleaned(self, editor_client, category):
        dirty = (
            '<blockquote><p>Quote</p><p><cite onclick="steal()">Leila'
            "<script>alert(1)</script></cite></p></blockquote>"
        )
        response = editor_client.post(ADD_URL, article_form(category, body_en=dirty))
        assert response.status_code == 302, form_errors(response)

        body = Article.objects.get().body_en
        assert body == "<blockquote><p>Quote</p><p><cite>Leila</cite></p></blockquote>"

    def test_the_editor_is_given_the_citation_mark_and_its_button_title(self, editor_client):
        response = editor_client.get(ADD_URL)
        editor = response.context["adminform"].form.fields["body_en"].widget
        config = json.loads(
            editor.get_context("body_en", "", {})["widget"]["attrs"][
                "data-django-prose-editor-configurable"
            ]
        )
        assert config["extensions"]["Citation"] == {"title": "Citation"}
        assert config["js_modules"] == ["/static/editorial/citation.js"]


class TestQuoteCitationsFromWordPress:
    def test_a_quote_blocks_cite_becomes_a_paragraph_of_the_quote(self, tmp_path, client):
        export = tmp_path / "en.xml"
        export.write_text(EXPORT, encoding="utf-8")
        run_import(export)

        body = Article.objects.get().body_en
        assert (
            "<p>A river remembers every tree planted on its banks.</p>\n"
            "<p><cite>Leila Ahmadi</cite></p></blockquote>"
        ) in body
        # A pull quote's figure has no place in the editor: it becomes a plain quote.
        assert (
            "<blockquote><p>Plant first, talk later.</p><p><cite>Arta Krasniqi</cite></p>"
            "</blockquote>"
        ) in body
        assert "<figure" not in body
        assert "<cite>Leila Ahmadi</cite>" in client.get("/en/articles/voices/").content.decode()
