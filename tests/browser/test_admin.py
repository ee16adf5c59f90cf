import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_article_form_has_a_tab_per_language_and_edits_persian_right_to_left(
    live_server, signed_in
):
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert [t.strip().lower() for t in tabs.locator("li").all_inner_texts()] == [
        "en",
        "ar",
        "fa",
        "sq",
    ]
    body_tabs = page.locator(".ui-tabs", has=page.locator("#id_body_fa"))
    body_tabs.locator(".ui-tabs-nav li", has_text="fa").click()
    persian_editor = (
        page.locator("#id_body_fa")
        .locator("xpath=..")
        .locator("[contenteditable=true].ProseMirror")
    )
    persian_editor.wait_for()
    assert persian_editor.evaluate("e => getComputedStyle(e).direction") == "rtl"
    english_editor = (
        page.locator("#id_body_en")
        .locator("xpath=..")
        .locator("[contenteditable=true].ProseMirror")
    )
    assert english_editor.evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_tag_field_suggests_existing_tags(live_server, signed_in):
    from tests.factories import make_tag

    make_tag(slug="rivers")
    make_tag(slug="rural-schools")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    tags = page.locator("#id_tags")
    tags.fill("climate, riv")
    tags.dispatch_event("input")
    suggestion = page.locator(".tag-suggestions li", has_text="rivers")
    suggestion.wait_for()
    tags.press("ArrowDown")
    tags.press("Enter")
    assert tags.input_value() == "climate, rivers, "


def test_the_body_editor_checks_spelling_counts_words_and_warns_before_leaving(
    live_server, signed_in
):
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    editor = (
        page.locator("#id_body_en")
        .locator("xpath=..")
        .locator("[contenteditable=true].ProseMirror")
    )
    editor.wait_for()
    assert editor.get_attribute("spellcheck") == "true"
    assert editor.evaluate("e => e.getBoundingClientRect().height") >= 200
    counter = page.locator(".word-count").first
    assert counter.inner_text() == "Words: 0"
    editor.click()
    page.keyboard.type("Readers asked for longer opening hours")
    assert counter.inner_text() == "Words: 6"

    warnings = []

    def answer(dialog):
        warnings.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(f"{live_server.url}/admin/")
    assert warnings == ["beforeunload"]


def test_saving_a_form_leaves_without_a_warning(live_server, signed_in, category):
    from tests.factories import make_article

    article = make_article(category)
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    warnings = []
    page.on("dialog", lambda dialog: (warnings.append(dialog.type), dialog.accept()))
    page.fill("#id_title_en", "Volunteers plant trees along both banks")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")
    assert warnings == []
