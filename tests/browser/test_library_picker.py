"""The rich-text editor's figure dialog browses the image library: the chosen picture
comes in with its alt text and caption in the language of the text being written, and
readers get it in its renditions."""

import pytest
from django.test import Client

from articles.models import Article
from tests.factories import make_article, make_library_image

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_picture_of_the_library_goes_into_the_persian_text(live_server, signed_in, category):
    picture = make_library_image(
        title="Reading room",
        alt_en="Shelves of books",
        alt_fa="قفسه‌های کتاب",
        caption_fa="سالن مطالعه",
    )
    make_library_image(title="Another picture")
    article = make_article(category, languages=("en", "fa"), status="draft")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.select_option("#modeltranslation-main-switch", label="fa")
    body = page.locator("#id_body_fa").locator("xpath=..")
    editor = body.locator("[contenteditable=true].ProseMirror")
    editor.wait_for()
    editor.locator("p").first.click()
    page.keyboard.press("End")

    body.locator(".prose-menubar button[title=figure]").first.click()
    dialog = body.locator("dialog.prose-editor-dialog[open]")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Browse...").click()
    picker = opened.value
    picker.wait_for_load_state()
    choice = picker.locator(".library-picker__choice", has_text="Reading room")
    # Clicked from the page itself: the window closes at once, mid-way through a click
    # driven from outside.
    with picker.expect_event("close"):
        choice.evaluate("button => setTimeout(() => button.click())")

    inputs = dialog.locator("input")
    assert inputs.nth(0).input_value() == picture.file.url
    assert inputs.nth(1).input_value() == "قفسه‌های کتاب"
    assert inputs.nth(2).input_value() == "سالن مطالعه"
    dialog.locator("button[type=submit]").click()
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()

    body_fa = Article.objects.get(pk=article.pk).body_fa
    assert f'<img src="{picture.file.url}" alt="قفسه‌های کتاب"' in body_fa
    assert "<figcaption>سالن مطالعه</figcaption>" in body_fa
    staff = Client()
    staff.force_login(Article.objects.get(pk=article.pk).updated_by)
    shown = staff.get(article.url_in("fa")).content.decode().split('class="article__body', 1)[1]
    # Readers get the picture in its renditions.
    assert '<picture><source type="image/webp" srcset="/media/renditions/library/' in shown
