import pytest

from nejat.media.demo_images import abstract_picture
from tests.factories import make_article, make_category, make_library_image, make_tag

pytestmark = pytest.mark.django_db(transaction=True)

EDITIONS = ["en", "ar", "fa", "sq"]


@pytest.fixture
def articles():
    category = make_category()
    tag = make_tag()
    made = []
    for number in range(12):
        article = make_article(
            category,
            languages=EDITIONS,
            days_ago=number + 1,
            image=make_library_image(abstract_picture(number)),
        )
        article.tags.add(tag)
        made.append(article)
    return made


def test_persian_home_is_right_to_left_with_the_menu_starting_at_the_right(
    live_server, page, articles
):
    page.goto(f"{live_server.url}/fa/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    viewport_width = page.viewport_size["width"]
    items = page.locator(".main-menu__item")
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert first["x"] + first["width"] > viewport_width * 0.9
    assert second["x"] < first["x"]


def test_english_home_is_left_to_right_with_the_menu_starting_at_the_left(
    live_server, page, articles
):
    page.goto(f"{live_server.url}/en/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    first = page.locator(".main-menu__item").nth(0).bounding_box()
    assert first["x"] < 100


def test_editions_switcher_on_an_article_leads_to_its_persian_version(live_server, page, articles):
    article = articles[0]
    page.goto(live_server.url + article.url_in("en"))
    page.locator(".main-menu__editions summary").click()
    page.locator(".main-menu__editions a[hreflang='fa']").click()
    page.wait_for_url(live_server.url + article.url_in("fa"))
    assert page.locator("html").get_attribute("lang") == "fa"
    assert page.locator("h1").inner_text() == article.title_fa


@pytest.mark.parametrize("language", EDITIONS)
def test_nothing_overflows_at_phone_width(live_server, phone, articles, language):
    for url in [f"/{language}/", f"/{language}/articles/", articles[0].url_in(language)]:
        phone.goto(live_server.url + url)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the screen"


def test_pictures_load_from_their_renditions(live_server, page, articles):
    page.goto(f"{live_server.url}/en/")
    picture = page.locator(".card__image img").first
    picture.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    assert "/renditions/" in picture.evaluate("img => img.currentSrc")
    assert picture.evaluate("img => img.currentSrc").endswith(".webp")


def test_a_video_link_in_an_article_plays_only_when_asked(
    live_server, page, category, requests_elsewhere
):
    body = (
        "<p>The clinic's first week:</p>"
        '<p><a href="https://www.youtube.com/watch?v=Qm7fT2xLk9A">A day at the clinic</a></p>'
    )
    article = make_article(category, body_en=body)
    page.goto(live_server.url + article.url_in("en"))
    page.wait_for_load_state("networkidle")
    start = page.locator(".article__body .video-embed__start")
    assert requests_elsewhere == [] and page.locator("iframe").count() == 0
    box = start.bounding_box()
    assert box["width"] > 300 and abs(box["width"] / box["height"] - 16 / 9) < 0.05
    start.click()
    frame = page.locator(".article__body .video-embed iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
