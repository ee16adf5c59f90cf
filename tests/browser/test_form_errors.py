"""A form that comes back with errors opens on the language the editor worked in, and
says which file to choose again."""

import pytest
from playwright.sync_api import expect

from nejat.media.demo_images import abstract_picture
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db(transaction=True)

ADD_ARTICLE = "/admin/articles/article/add/"
ADD_CARTOON = "/admin/media_library/cartoon/add/"


def open_tab(page, field_id):
    """The language shown by the tabs of the field with this id."""
    tabs = page.locator(".ui-tabs", has=page.locator(f"#{field_id}"))
    return tabs.locator(".ui-tabs-nav .ui-tabs-active").text_content().strip()


def save(page):
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()


def test_a_persian_article_without_a_category_comes_back_on_the_persian_tab(live_server, signed_in):
    page = signed_in
    page.goto(live_server.url + ADD_ARTICLE)
    page.select_option("#modeltranslation-main-switch", label="fa")
    page.fill("#id_title_fa", "کتاب‌خوانی در روستا")
    page.fill("#id_slug_fa", "کتاب-خوانی")
    save(page)

    assert open_tab(page, "id_title_fa") == "fa"
    assert open_tab(page, "id_body_fa") == "fa"
    expect(page.locator("#id_title_fa")).to_have_value("کتاب‌خوانی در روستا")
    expect(page.locator(".field-category .errorlist")).to_be_visible()


def test_a_persian_cartoon_with_an_error_names_the_picture_to_choose_again(live_server, signed_in):
    page = signed_in
    page.goto(live_server.url + ADD_CARTOON)
    page.select_option("#modeltranslation-main-switch", label="fa")
    page.fill("#id_title_fa", "کاریکاتور روز")
    page.fill("#id_publish_at_0", "not a date")
    page.set_input_files(
        "#id_image",
        files=[
            {
                "name": "river.jpg",
                "mimeType": "image/jpeg",
                "buffer": abstract_picture(1, size=(160, 120)).read(),
            }
        ],
    )
    save(page)

    assert open_tab(page, "id_title_fa") == "fa"
    assert open_tab(page, "id_caption_fa") == "fa"
    expect(page.locator("#id_title_fa")).to_have_value("کاریکاتور روز")
    expect(page.locator(".field-publish_at .errorlist")).to_be_visible()
    notice = page.locator(".field-image .errorlist.upload-lost")
    expect(notice).to_have_text(
        "The file you chose (river.jpg) was not saved because the form had errors: choose it again."
    )
    expect(page.locator(".errornote + .errorlist.nonfield")).to_contain_text("river.jpg")


def test_an_error_in_the_arabic_title_opens_the_arabic_tab(live_server, signed_in):
    article = make_article(make_category(), languages=["en"], status="draft")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.select_option("#modeltranslation-main-switch", label="ar")
    title = page.locator("#id_title_ar")
    # The field's maxlength stops typing at the limit; a pasted title is not stopped.
    title.evaluate("field => field.removeAttribute('maxlength')")
    title.fill("ع" * 260)
    save(page)

    assert open_tab(page, "id_title_ar") == "ar"
    assert open_tab(page, "id_body_ar") == "ar"
    expect(page.locator("#id_title_ar")).to_be_visible()
    expect(page.locator(".errorlist", has_text="at most 250 characters")).to_be_visible()


def test_an_item_written_only_in_persian_opens_on_the_persian_tab(live_server, signed_in):
    article = make_article(make_category(), languages=["fa"], status="draft")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#id_title_fa")).to_be_visible()
    assert open_tab(page, "id_summary_fa") == "fa"
    assert page.locator("#modeltranslation-main-switch option:checked").text_content() == "fa"


def test_an_item_in_the_admins_language_opens_on_it(live_server, signed_in):
    article = make_article(make_category(), languages=["fa", "en"], status="draft")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#id_title_en")).to_be_visible()
    assert open_tab(page, "id_title_en") == "en"
