"""An editor chooses an article's featured image by seeing the pictures."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import make_article, make_library_image

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_featured_image_is_chosen_from_thumbnails_and_shown(live_server, signed_in, category):
    harbour = make_library_image(title="Harbour at dawn")
    market = make_library_image(title="Market day")
    article = make_article(category, image=harbour)
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    chosen = page.locator(".field-image .picture-select img")
    expect(chosen).to_have_attribute("src", harbour.file.smallest_url)

    page.click("#select2-id_image-container")
    page.fill(".select2-dropdown .select2-search__field", "market")
    result = page.locator(".select2-results__option .picture-choice", has_text="Market day")
    expect(result.locator("img")).to_have_attribute("src", market.file.smallest_url)
    result.click()
    expect(chosen).to_have_attribute("src", market.file.smallest_url)

    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.get().image == market
    page.click(".field-image .select2-selection__clear")
    expect(chosen).to_be_hidden()


def test_a_picture_added_with_plus_is_shown_too(live_server, signed_in, category):
    article = make_article(category)
    added = make_library_image(title="Market day")
    page = signed_in
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    chosen = page.locator(".field-image .picture-select img")
    expect(chosen).to_be_hidden()
    # What the admin does when the "+" window closes on a saved picture.
    page.evaluate(
        """([id, title]) => {
            const select = document.getElementById("id_image");
            select.options[select.options.length] = new Option(title, id, true, true);
            django.jQuery(select).trigger("change");
        }""",
        [str(added.pk), "Market day"],
    )
    expect(chosen).to_have_attribute("src", added.file.smallest_url)
