"""The admin's busiest pages fit a 1280-pixel screen without scrolling sideways, in
English and in Persian (right to left), with as much in them as the demo site has."""

import pytest

from tests.browser.conftest import watched
from tests.factories import make_article, make_category, make_library_image
from tests.media_library.factories import make_album, small_picture

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 1280
LONG_TITLES = {
    "en": (
        "Volunteers from eleven villages plant four thousand young oak and walnut trees "
        "along the river banks the spring floods washed away"
    ),
    "fa": (
        "داوطلبان یازده روستا چهار هزار نهال بلوط و گردو در کناره‌های رودخانه کاشتند، "
        "همان‌جا که سیل بهار گذشته باغ‌های کهن را با خود برده بود"
    ),
}
# What sticks out past the window's edge, to say in a failure what to narrow.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const sticksOut = (e) => {
    const box = e.getBoundingClientRect();
    return box.right > width + 1 || box.left < -1;
  };
  return Array.from(document.querySelectorAll("body *")).filter(sticksOut).slice(0, 8)
    .map((e) => `${e.tagName}#${e.id}.${e.className} ${e.getBoundingClientRect().width}`);
}"""


def long_titles(number):
    return {f"title_{code}": f"{title} ({number})" for code, title in LONG_TITLES.items()}


@pytest.fixture
def newsroom():
    """Thirty articles with long titles in English and Persian, and albums of photos:
    the one returned has twelve."""
    category = make_category()
    for number in range(30):
        make_article(
            category,
            languages=["en", "fa"],
            image=make_library_image(small_picture(number)),
            **long_titles(number),
        )
    for number in range(5):
        make_album(
            languages=["en", "fa"],
            photos=2,
            cover=make_library_image(small_picture(number)),
            **long_titles(number),
        )
    return make_album(languages=["en", "fa"], photos=12, **long_titles(99))


@pytest.fixture(params=["en", "fa"])
def admin_page(request, browser, live_server, django_user_model):
    django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "a-long-test-password"
    )
    context = browser.new_context(viewport={"width": WIDTH, "height": 800}, locale=request.param)
    page = watched(context)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()
    assert page.csp_violations == []


def fits(page, address):
    page.goto(address)
    page.wait_for_load_state("load")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= WIDTH, page.evaluate(OVERFLOWING)
    # The admin lets a list or a tabular inline scroll inside its box: none needs to.
    for box in page.locator("#changelist-form .results, .inline-group .tabular").all():
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), box.get_attribute("class")


def title_column_width(page):
    return page.locator("#result_list th.column-display_title").evaluate(
        "e => e.getBoundingClientRect().width"
    )


def test_the_article_list_fits(live_server, newsroom, admin_page):
    fits(admin_page, f"{live_server.url}/admin/articles/article/")
    assert admin_page.locator("#result_list tbody tr").count() == 30
    assert title_column_width(admin_page) >= 160, "the title wraps in a readable column"


def test_the_album_list_fits(live_server, newsroom, admin_page):
    fits(admin_page, f"{live_server.url}/admin/media_library/album/")
    assert title_column_width(admin_page) >= 160, "the title wraps in a readable column"


def test_an_album_with_its_photos_fits(live_server, newsroom, admin_page):
    fits(admin_page, f"{live_server.url}/admin/media_library/album/{newsroom.pk}/change/")
    assert admin_page.locator(".inline-related tbody tr.has_original").count() == 12
