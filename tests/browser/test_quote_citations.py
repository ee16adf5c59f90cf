"""The rich-text editor knows <cite>: a quote's attribution survives an editor opening and
saving the article, and the toolbar marks words as a citation."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

CITED_QUOTE = (
    "<blockquote><p>A river remembers every tree planted on its banks.</p>"
    "<p>— <cite>Leila Ahmadi</cite></p></blockquote>"
)


def open_body_editor(live_server, page, article):
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor = (
        page.locator("#id_body_en")
        .locator("xpath=..")
        .locator("[contenteditable=true].ProseMirror")
    )
    editor.wait_for()
    return editor


def save(live_server, page):
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")


def test_a_cited_quote_survives_opening_and_saving_the_article(live_server, signed_in, category):
    article = make_article(category, body_en=f"<p>The volunteers spoke.</p>{CITED_QUOTE}")
    page = signed_in
    editor = open_body_editor(live_server, page, article)
    assert editor.locator("blockquote cite").inner_text() == "Leila Ahmadi"

    page.fill("#id_title_en", "Voices from the river")
    # A change in the body too: the editor then writes the whole body back from its schema.
    editor.locator("p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Here is one.")
    save(live_server, page)

    article = Article.objects.get()
    assert article.title_en == "Voices from the river"
    assert article.body_en == f"<p>The volunteers spoke. Here is one.</p>{CITED_QUOTE}"

    # Readers see the attribution upright (Arabic script has no italics) and smaller.
    page.goto(f"{live_server.url}{article.url_in('en')}")
    cite = page.locator(".article__body blockquote cite")
    assert cite.evaluate("c => getComputedStyle(c).fontStyle") == "normal"
    quote = page.locator(".article__body blockquote p").first
    assert cite.evaluate("c => parseFloat(getComputedStyle(c).fontSize)") < quote.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )


def test_the_citation_button_marks_the_selected_words(live_server, signed_in, category):
    article = make_article(
        category,
        body_en="<blockquote><p>Plant first, talk later.</p><p>Arta Krasniqi</p></blockquote>",
    )
    page = signed_in
    editor = open_body_editor(live_server, page, article)
    button = page.locator(".prose-menubar button[title=Citation]").first
    # The icon, not the word naming it: the editor's icon font has it (once loaded).
    narrow = "b => b.getBoundingClientRect().width < 48"
    page.wait_for_function(narrow, arg=button.element_handle(), timeout=5000)

    name = editor.locator("p", has_text="Arta Krasniqi")
    name.click()
    # The selection is made in the page, not by keys: on a busy machine keys pressed right
    # after the click could land before the editor had taken its focus.
    name.evaluate("p => getSelection().selectAllChildren(p)")
    page.wait_for_function("() => getSelection().toString() === 'Arta Krasniqi'")
    button.click()
    assert "active" in button.get_attribute("class")
    expect(editor.locator("cite")).to_have_text("Arta Krasniqi")
    save(live_server, page)

    assert Article.objects.get().body_en == (
        "<blockquote><p>Plant first, talk later.</p><p><cite>Arta Krasniqi</cite></p></blockquote>"
    )
