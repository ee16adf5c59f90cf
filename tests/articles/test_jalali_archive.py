"""The Persian edition's archive counts Solar Hijri months in the edition's time zone;
the other editions keep Gregorian months."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from nejat.publishing.calendars import GREGORIAN, JALALI
from tests.factories import make_article

pytestmark = pytest.mark.django_db

TEHRAN = ZoneInfo("Asia/Tehran")
# 1 Farvardin 1404 is 21 March 2025: 22:10 UTC on the 20th is 01:40 on the 21st in Tehran.
NEW_YEAR = datetime(2025, 3, 20, 22, 10, tzinfo=UTC)


def titles_on(response):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def month_links(response):
    """The (address, name) of each Persian month linked from the page, once each, in order."""
    found = re.findall(r'href="(/fa/articles/\d+/\d+/)">([^<]+)</a>', response.content.decode())
    return list(dict.fromkeys(found))


@pytest.fixture
def tehran(settings):
    settings.NEJAT_TIME_ZONES = {"fa": "Asia/Tehran"}


@pytest.fixture
def stories(category, tehran):
    def story(moment):
        return make_article(category, languages=["en", "fa"], publish_at=moment)

    return {
        # Farvardin 1404; March 2025
        "new_year": story(NEW_YEAR),
        # 23:40 on 20 March in Tehran, 30 Esfand 1403; March 2025
        "eve": story(NEW_YEAR - timedelta(hours=2)),
        # 7 Esfand 1403; February 2025
        "february": story(datetime(2025, 2, 25, 12, tzinfo=UTC)),
        # 5 Dey 1403 (1 December was 11 Azar); December 2024
        "yalda": story(datetime(2024, 12, 25, 12, tzinfo=UTC)),
    }


def titles(stories, language, *names):
    return [getattr(stories[name], f"title_{language}") for name in names]


class TestPersianMonths:
    def test_an_article_is_in_the_solar_hijri_month_of_its_day_in_tehran(self, client, stories):
        new_year = client.get("/fa/articles/1404/1/")
        assert titles_on(new_year) == titles(stories, "fa", "new_year")
        assert re.search(r"<h1[^>]*>[^<]*فروردین ۱۴۰۴</h1>", new_year.content.decode())
        esfand = client.get("/fa/articles/1403/12/")
        assert titles_on(esfand) == titles(stories, "fa", "eve", "february")

    def test_the_english_edition_keeps_gregorian_months_in_its_own_zone(self, client, stories):
        march = client.get("/en/articles/2025/3/")
        assert titles_on(march) == titles(stories, "en", "new_year", "eve")
        assert titles_on(client.get("/en/articles/2025/02/")) == titles(stories, "en", "february")

    def test_a_month_links_to_the_solar_hijri_months_before_and_after_it(self, client, stories):
        html = client.get("/fa/articles/1403/12/").content.decode()
        pagination = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
        assert re.findall(r'href="([^"]+)">([^<]+)</a>', pagination[0]) == [
            ("/fa/articles/1404/1/", "فروردین ۱۴۰۴"),
            ("/fa/articles/1403/10/", "دی ۱۴۰۳"),
        ]

    @pytest.mark.parametrize("page", ["/fa/articles/archive/", "/fa/articles/"])
    def test_archive_and_sidebar_list_solar_hijri_months_that_answer(self, client, stories, page):
        expected = {
            "/fa/articles/1404/1/": ("فروردین ۱۴۰۴", ["new_year"]),
            "/fa/articles/1403/12/": ("اسفند ۱۴۰۳", ["eve", "february"]),
            "/fa/articles/1403/10/": ("دی ۱۴۰۳", ["yalda"]),
        }
        response = client.get(page)
        assert month_links(response) == [(url, name) for url, (name, _) in expected.items()]
        for url, (_name, names) in expected.items():
            month = client.get(url)
            assert month.status_code == 200, url
            assert titles_on(month) == titles(stories, "fa", *names), url

    def test_the_archive_page_groups_months_by_solar_hijri_year(self, client, stories):
        html = client.get("/fa/articles/archive/").content.decode()
        assert re.findall(r'<h2 id="archive-\d+">([^<]+)</h2>', html) == ["۱۴۰۴", "۱۴۰۳"]

    @pytest.mark.parametrize(
        "old, new",
        [
            ("/fa/articles/2025/03/", "/fa/articles/1403/12/"),
            # Their only article came after the turn of the month: 1 February 2025
            # was in Bahman, 1 December 2024 in Azar.
            ("/fa/articles/2025/2/", "/fa/articles/1403/12/"),
            ("/fa/articles/2024/12/", "/fa/articles/1403/10/"),
        ],
    )
    def test_an_old_gregorian_address_leads_to_the_month_of_its_first_article(
        self, client, stories, old, new
    ):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new

    @pytest.mark.parametrize(
        "url",
        [
            "/fa/articles/1404/2/",
            "/fa/articles/1404/13/",
            "/fa/articles/0/1/",
            "/fa/articles/2024/11/",
            "/fa/articles/2025/13/",
            "/fa/articles/99999999999999999999/1/",
            "/en/articles/1404/1/",
        ],
    )
    def test_an_empty_or_impossible_month_is_404(self, client, stories, url):
        assert client.get(url).status_code == 404

    def test_month_pages_name_the_month_holding_their_first_day_in_other_editions(
        self, client, stories
    ):
        persian = client.get("/fa/articles/1404/1/").content.decode()
        assert '<link rel="canonical" href="http://testserver/fa/articles/1404/1/">' in persian
        assert 'hreflang="en" href="http://testserver/en/articles/2025/3/"' in persian
        english = client.get("/en/articles/2025/3/").content.decode()
        assert 'hreflang="fa" href="http://testserver/fa/articles/1403/12/"' in english
        assert 'hreflang="ar" href="http://testserver/ar/articles/2025/3/"' in english

    def test_a_new_month_appears_in_the_sidebar_once_published(self, client, category, stories):
        assert month_links(client.get("/fa/articles/"))[0] == (
            "/fa/articles/1404/1/",
            "فروردین ۱۴۰۴",
        )
        make_article(category, languages=["fa"], publish_at=datetime(2025, 4, 25, tzinfo=UTC))
        sidebar = month_links(client.get("/fa/articles/"))
        assert sidebar[0] == ("/fa/articles/1404/2/", "اردیبهشت ۱۴۰۴")


class TestQueryCounts:
    @pytest.mark.parametrize("count", [5, 60])
    @pytest.mark.parametrize("language, calendar", [("fa", JALALI), ("en", GREGORIAN)])
    def test_a_month_page_costs_the_same_however_many_articles(
        self, own_queries, category, tehran, count, language, calendar
    ):
        articles = [
            make_article(category, languages=["en", "fa"], days_ago=day + 1) for day in range(count)
        ]
        with timezone.override(TEHRAN if language == "fa" else UTC):
            month = calendar.month_at(articles[count // 2].publish_at)
        url = f"/{language}/articles/{month.year}/{month.month}/"
        # whether the month has articles, the page of them (with their categories and
        # comment counts), the months before and after it; the sidebar is kept
        assert own_queries(url, 4).status_code == 200
