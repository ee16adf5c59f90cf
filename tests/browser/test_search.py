import pytest

from tests.factories import make_category
from tests.search.factories import make_text_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reader_searches_from_the_header_in_persian(live_server, page):
    article = make_text_article(make_category(), {"fa": "گزارشی درباره‌ی کتاب‌های ایرانی"})
    page.goto(f"{live_server.url}/fa/")
    page.fill(".site-search input[name=q]", "كتاب")  # typed with Arabic kaf and yeh
    page.keyboard.press("Enter")
    page.wait_for_url("**/fa/search/?q=*")
    result = page.locator(".search-result__title a")
    assert result.count() == 1 and result.get_attribute("href") == article.url_in("fa")
    assert page.locator(".search-result mark").first.inner_text() == "کتاب‌های"
    assert page.locator("#search-q").input_value() == "كتاب"


def test_the_header_search_box_fits_a_phone_in_a_right_to_left_edition(live_server, phone):
    phone.goto(f"{live_server.url}/ar/")
    box = phone.locator(".site-search")
    assert box.is_visible() and box.locator("button").is_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
