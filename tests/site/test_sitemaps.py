from xml.etree import ElementTree

import pytest

from nejat.site.sitemaps import EditionsSitemap
from tests.factories import make_article
from tests.media_library.factories import make_video
from tests.publications.factories import make_issue, make_periodical

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ORIGIN = "http://testserver"


def urlset(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)  # well-formed, or this raises
    assert root.tag == f"{{{NS['s']}}}urlset"
    return {
        node.findtext("s:loc", namespaces=NS): {
            "lastmod": node.findtext("s:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in node.findall("x:link", namespaces=NS)
            },
        }
        for node in root.findall("s:url", namespaces=NS)
    }


def index(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [node.findtext("s:loc", namespaces=NS) for node in root]


def every_url(client):
    """The addresses of every sitemap the index names."""
    urls = {}
    for location in index(client):
        urls.update(urlset(client, location.removeprefix(ORIGIN)))
    return urls


class TestSitemap:
    def test_an_article_in_two_languages_is_listed_in_both_with_exactly_those_alternates(
        self, client, category
    ):
        article = make_article(category, languages=("ar", "fa"))
        urls = every_url(client)
        addresses = {code: ORIGIN + article.url_in(code) for code in ("ar", "fa")}
        for address in addresses.values():
            assert urls[address]["alternates"] == {**addresses, "x-default": addresses["ar"]}
            assert urls[address]["lastmod"] == article.updated_at.strftime("%Y-%m-%d")
        assert sorted(loc for loc in urls if "-story-" in loc) == sorted(addresses.values())

    def test_x_default_is_the_english_page_when_there_is_one(self, client, category):
        article = make_article(category, languages=("en", "fa"))
        urls = every_url(client)
        alternates = urls[ORIGIN + article.url_in("fa")]["alternates"]
        assert alternates["x-default"] == ORIGIN + article.url_in("en")

    def test_drafts_and_scheduled_items_are_left_out(self, client, category):
        make_article(category, languages=("en",), status="draft")
        make_article(category, languages=("en",), days_ago=-3)
        assert not [loc for loc in every_url(client) if "/articles/en-story" in loc]

    def test_media_and_publications_are_listed(self, client):
        video = make_video(languages=("en", "sq"))
        issue = make_issue(make_periodical(), languages=("fa",))
        urls = every_url(client)
        assert ORIGIN + video.url_in("sq") in urls
        assert set(urls[ORIGIN + issue.url_in("fa")]["alternates"]) == {"fa", "x-default"}

    def test_every_editions_home_is_listed(self, client):
        urls = every_url(client)
        for code in ("en", "ar", "fa", "sq"):
            assert set(urls[f"{ORIGIN}/{code}/"]["alternates"]) == {
                "en",
                "ar",
                "fa",
                "sq",
                "x-default",
            }

    def test_the_index_pages_each_section_by_at_most_its_limit_of_addresses(
        self, client, category, monkeypatch
    ):
        for _ in range(3):
            make_article(category, languages=("en", "fa"))
        # Four addresses a page: one thing in each of the four editions at most.
        monkeypatch.setattr(EditionsSitemap, "limit", 4)
        locations = index(client)
        assert f"{ORIGIN}/sitemap-articles.xml" in locations
        assert f"{ORIGIN}/sitemap-articles.xml?p=3" in locations
        assert f"{ORIGIN}/sitemap-articles.xml?p=4" not in locations
        pages = [urlset(client, f"/sitemap-articles.xml?p={n}") for n in (1, 2, 3)]
        assert [len(page) for page in pages] == [2, 2, 2]
        assert client.get("/sitemap-articles.xml?p=4").status_code == 404

    def test_pages_are_ranges_of_keys_so_the_last_costs_what_the_first_does(
        self, client, category, monkeypatch
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        first, middle, last = [make_article(category, languages=("en",)) for _ in range(3)]
        middle.status = "unpublished"
        middle.save()
        monkeypatch.setattr(EditionsSitemap, "limit", 4)
        with CaptureQueriesContext(connection) as queries:
            pages = [urlset(client, f"/sitemap-articles.xml?p={n}") for n in (1, 2, 3)]
        assert [len(page) for page in pages] == [1, 0, 1]
        assert not any("OFFSET" in query["sql"].upper() for query in queries)

    @pytest.mark.parametrize("count", [2, 20])
    def test_the_index_counts_and_a_page_fetches_in_fixed_queries(
        self, client, django_assert_num_queries, category, count
    ):
        for _ in range(count):
            make_article(category, languages=("en", "fa"))
        # one count for each content type: articles, pages, cartoons, news pictures,
        # albums, videos, books, issues
        with django_assert_num_queries(8):
            index(client)
        # the count, the page of articles (with the editions each exists in)
        with django_assert_num_queries(2):
            assert len(urlset(client, "/sitemap-articles.xml")) == count * 2

    def test_an_unknown_section_is_not_found(self, client):
        assert client.get("/sitemap-nothing.xml").status_code == 404


class TestRobots:
    def test_allows_the_site_keeps_out_admin_and_search_and_names_the_sitemap(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert lines[:3] == ["User-agent: *", "Allow: /", "Disallow: /admin/"]
        for code in ("en", "ar", "fa", "sq"):
            assert f"Disallow: /{code}/search/" in lines
            assert f"Disallow: /{code}/share/" in lines and f"Disallow: /{code}/s/" in lines
        assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"
