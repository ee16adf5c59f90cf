import pytest
from playwright.sync_api import expect

from tests.media_library.factories import make_album, make_video, small_picture

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def album():
    return make_album(languages=["en", "fa"], photos=4)


def current_caption(page):
    return page.locator("dialog.lightbox figcaption").inner_text()


def thumbnail_of(page, photo, language):
    return page.locator(f".gallery__link[href='{photo.url_in(language)}']")


def test_lightbox_opens_moves_with_the_arrow_keys_and_escape_returns_focus(
    live_server, page, album
):
    photos = list(album.photos.all())
    page.goto(live_server.url + album.url_in("en"))
    page.locator(".gallery__link").first.click()
    dialog = page.locator("dialog.lightbox")
    assert dialog.is_visible()
    assert page.url == live_server.url + album.url_in("en"), "the click opens no new page"
    assert current_caption(page) == photos[0].image.caption_en
    assert "/renditions/" in page.locator("dialog.lightbox img").get_attribute("src")

    page.keyboard.press("ArrowRight")
    assert current_caption(page) == photos[1].image.caption_en
    assert page.locator(".lightbox__count").inner_text() == "2 / 4"

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(thumbnail_of(page, photos[1], "en")).to_be_focused()


def test_in_a_right_to_left_edition_the_arrow_keys_follow_the_reading_direction(
    live_server, page, album
):
    photos = list(album.photos.all())
    page.goto(live_server.url + album.url_in("fa"))
    page.locator(".gallery__link").nth(1).click()
    assert current_caption(page) == photos[1].image.caption_fa
    page.keyboard.press("ArrowLeft")
    assert current_caption(page) == photos[2].image.caption_fa
    assert page.locator(".lightbox__count").inner_text() == "۳ / ۴"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert current_caption(page) == photos[0].image.caption_fa
    page.keyboard.press("Escape")
    expect(thumbnail_of(page, photos[0], "fa")).to_be_focused()


def test_close_button_and_a_swipe_work_too(live_server, page, album):
    photos = list(album.photos.all())
    page.goto(live_server.url + album.url_in("en"))
    page.locator(".gallery__link").first.click()
    box = page.locator("dialog.lightbox figure").bounding_box()
    middle_y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.8, middle_y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, middle_y, steps=5)
    page.mouse.up()
    assert current_caption(page) == photos[1].image.caption_en
    page.locator(".lightbox__close").click()
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    expect(thumbnail_of(page, photos[1], "en")).to_be_focused()


def test_without_javascript_each_thumbnail_opens_the_photo_page(live_server, browser, album):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    photo = album.photos.all()[2]
    page.goto(live_server.url + album.url_in("en"))
    page.locator(".gallery__link").nth(2).click()
    page.wait_for_url(live_server.url + photo.url_in("en"))
    assert photo.image.caption_en in page.locator("figcaption").inner_text()
    context.close()


def test_video_page_shows_a_video_element_with_a_poster(live_server, page):
    video = make_video(source="file", poster=small_picture(4))
    page.goto(live_server.url + video.url_in("en"))
    player = page.locator("video")
    assert "/renditions/" in player.get_attribute("poster")
    assert player.locator("source").get_attribute("type") == "video/mp4"
    page.wait_for_function("v => v.readyState >= 1", arg=player.element_handle())
    assert page.evaluate("v => Math.round(v.duration)", player.element_handle()) == 2


def test_embedded_video_loads_nothing_from_the_provider_until_play(
    live_server, page, requests_elsewhere
):
    video = make_video(source="embed", poster=small_picture(6))
    page.goto(live_server.url + video.url_in("en"))
    page.wait_for_load_state("networkidle")
    assert requests_elsewhere == [] and page.locator("iframe").count() == 0
    page.locator(".video-embed__start").click()
    frame = page.locator(".video-embed iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


@pytest.mark.parametrize("language", ["en", "fa"])
def test_media_pages_fit_a_phone_screen(live_server, phone, album, language):
    video = make_video(languages=["en", "fa"], source="embed", poster=small_picture(8))
    for address in [
        f"/{language}/media/",
        f"/{language}/media/albums/",
        album.url_in(language),
        album.photos.first().url_in(language),
        video.url_in(language),
    ]:
        phone.goto(live_server.url + address)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address} is {overflow}px wider than the screen"
