import pytest

from nejat.media.demo_images import abstract_picture
from tests.publications.factories import LANGUAGES, make_book, make_issue, make_periodical

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def publications():
    periodical = make_periodical("newsletter")
    books = [
        make_book(languages=LANGUAGES, days_ago=n + 1, cover=abstract_picture(n, size=(600, 800)))
        for n in range(5)
    ]
    issues = [
        make_issue(periodical, number=n, languages=LANGUAGES, days_ago=10 - n, text=True)
        for n in range(1, 4)
    ]
    return books, issues


def test_persian_cover_grid_starts_at_the_right(live_server, page, publications):
    page.goto(f"{live_server.url}/fa/publications/books/")
    cards = page.locator(".cover-card")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["x"] < first["x"]
    assert first["width"] < 300 and first["y"] == second["y"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_overflows_at_phone_width(live_server, phone, publications, language):
    books, issues = publications
    for url in [
        f"/{language}/publications/",
        f"/{language}/publications/books/",
        f"/{language}/publications/newsletter/",
        books[0].url_in(language),
        issues[1].url_in(language),
    ]:
        phone.goto(live_server.url + url)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the screen"


def test_download_button_saves_the_pdf(live_server, page, publications):
    books, _issues = publications
    page.goto(live_server.url + books[0].url_in("en"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename.endswith(".pdf")
