"""Readers' pages carry no per-visitor state, are kept whole in the page cache and
say so to proxies and CDNs; staff pages never are."""

import pytest
from django.utils import translation

from tests.factories import make_article, make_tag
from tests.media_library.factories import make_cartoon
from tests.publications.factories import make_book

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(category):
    tag = make_tag()
    article = make_article(category, languages=("en", "fa"))
    article.tags.add(tag)
    cartoon = make_cartoon(languages=("en", "fa"))
    book = make_book(languages=("en", "fa"))
    with translation.override("fa"):
        return {
            "home": "/fa/",
            "article": article.url_in("fa"),
            "category": category.get_absolute_url(),
            "tag": "/fa/articles/tag/rivers/",
            "media item": cartoon.url_in("fa"),
            "book": book.url_in("fa"),
            "search": "/fa/search/?q=%D8%AF%D8%B1%D8%AE%D8%AA",
            "feed": "/fa/feed/",
            "sitemap": "/sitemap.xml",
        }


PAGES = ["home", "article", "category", "tag", "media item", "book", "search", "feed", "sitemap"]


@pytest.mark.parametrize("page", PAGES)
def test_a_readers_page_sets_no_cookie_and_does_not_vary_on_cookies(client, site, page):
    response = client.get(site[page])
    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-while-revalidate=" in control
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.parametrize("page", PAGES)
def test_the_second_request_for_a_page_makes_no_query(
    client, site, page, django_assert_num_queries
):
    first = client.get(site[page])
    with django_assert_num_queries(0):
        second = client.get(site[page])
    assert second.status_code == 200
    assert second.content == first.content


def test_tracking_parameters_share_the_page_other_parameters_do_not(
    client, site, django_assert_num_queries
):
    client.get(site["home"])
    with django_assert_num_queries(0):
        client.get(site["home"] + "?utm_source=telegram&fbclid=abc")
    searched = client.get("/fa/search/?q=one").content
    assert client.get("/fa/search/?q=two").content != searched


def test_search_results_are_kept_for_a_short_time_only(client, site, settings):
    response = client.get(site["search"])
    assert "s-maxage=60" in response["Cache-Control"]


def test_the_page_cache_can_be_turned_off(client, site, settings, django_assert_num_queries):
    settings.NEJAT_PAGE_CACHE = False
    client.get(site["article"])
    response = client.get(site["article"])
    # Still a page a CDN may keep, rendered anew: the article (its text, tags and
    # comments are fragments kept since the first request).
    assert "public" in response["Cache-Control"]
    with django_assert_num_queries(1):
        client.get(site["article"])


class TestConditionalRequests:
    def test_the_etag_answers_304(self, client, site):
        etag = client.get(site["article"])["ETag"]
        response = client.get(site["article"], headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert not response.content

    def test_last_modified_answers_304(self, client, site):
        moment = client.get(site["home"])["Last-Modified"]
        response = client.get(site["home"], headers={"If-Modified-Since": moment})
        assert response.status_code == 304

    def test_another_etag_gets_the_page(self, client, site):
        response = client.get(site["article"], headers={"If-None-Match": '"other"'})
        assert response.status_code == 200


class TestStaff:
    def test_a_staff_request_is_never_served_from_the_page_cache(
        self, client, editor, site, category
    ):
        client.get(site["home"])
        client.force_login(editor)
        draft = make_article(category, languages=("fa",), status="draft")
        response = client.get(site["home"])
        assert "private" in response["Cache-Control"]
        with translation.override("fa"):
            preview = client.get(draft.url_in("fa"))
        assert preview.status_code == 200
        assert "private" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]

    def test_a_staff_page_is_never_kept_for_readers(self, client, editor, site):
        client.force_login(editor)
        staff_page = client.get(site["article"]).content.decode()
        client.logout()
        reader_page = client.get(site["article"])
        assert "private" not in reader_page["Cache-Control"]
        assert reader_page.content.decode() != staff_page or "csrfmiddlewaretoken" not in staff_page

    def test_error_pages_are_not_kept(self, client, site, django_assert_max_num_queries):
        assert client.get("/fa/articles/no-such-story/").status_code == 404
        response = client.get("/fa/articles/no-such-story/")
        assert "public" not in response.get("Cache-Control", "")
