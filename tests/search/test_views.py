import re

import pytest
from django.utils import translation

from tests.factories import make_article
from tests.search.factories import make_text_article

pytestmark = pytest.mark.django_db


def results(response):
    return re.findall(
        r'<h2 class="search-result__title"><a href="([^"]+)"', response.content.decode()
    )


class TestSearchPage:
    def test_results_link_to_this_editions_pages_with_their_kind_and_marked_words(
        self, client, category
    ):
        article = make_text_article(category, {"fa": "گزارشی درباره‌ی کتاب‌های ایرانی امروز"})
        response = client.get("/fa/search/", {"q": "كتاب"})
        html = response.content.decode()
        with translation.override("fa"):
            assert results(response) == [article.url_in("fa")]
        assert '<p class="search-result__kind">مقاله</p>' in html
        assert "<mark>کتاب‌های</mark>" in html

    def test_the_snippet_is_short_and_shows_the_words_around_the_match(self, client, category):
        filler = " ".join(f"word{n}" for n in range(200))
        make_text_article(category, {"en": f"{filler} the orchard keepers met {filler}"})
        html = client.get("/en/search/", {"q": "orchard"}).content.decode()
        snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html, re.S).group(1)
        assert "<mark>orchard</mark>" in snippet and snippet.startswith("… ")
        assert len(snippet.split()) < 40

    def test_the_query_is_shown_escaped(self, client, category):
        html = client.get("/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html

    def test_no_results_offers_suggestions(self, client, category):
        html = client.get("/en/search/", {"q": "orchard keepers"}).content.decode()
        assert "Nothing found for “orchard keepers”." in html
        assert '?q=orchard"' in html and '?q=keepers"' in html
        assert 'href="/en/articles/"' in html

    def test_an_empty_search_shows_only_the_form(self, client):
        html = client.get("/en/search/").content.decode()
        assert 'name="q"' in html and "search-result" not in html and "Nothing found" not in html

    def test_results_are_paginated_and_the_next_page_keeps_the_query(self, client, category):
        for day in range(12):
            make_text_article(category, {"en": "Orchard news"}, days_ago=day + 1)
        first = client.get("/en/search/", {"q": "orchard"})
        assert len(results(first)) == 10
        assert 'href="?q=orchard&amp;page=2"' in first.content.decode()
        second = client.get("/en/search/", {"q": "orchard", "page": 2})
        assert len(results(second)) == 2

    def test_other_editions_are_offered_with_the_same_query(self, client):
        html = client.get("/en/search/", {"q": "water"}).content.decode()
        assert 'hreflang="fa" href="http://testserver/fa/search/?q=water"' in html

    def test_search_results_are_kept_out_of_search_engines(self, client):
        html = client.get("/en/search/", {"q": "water"}).content.decode()
        assert '<meta name="robots" content="noindex, follow">' in html

    @pytest.mark.parametrize("language", ["en", "ar", "fa", "sq"])
    def test_every_page_has_the_search_box_in_its_header(self, client, category, language):
        article = make_article(category, languages=(language,))
        for url in (f"/{language}/", article.url_in(language)):
            html = client.get(url).content.decode()
            header = html[html.index('<header class="site-header">') : html.index("</header>")]
            assert f'action="/{language}/search/"' in header and 'name="q"' in header


class TestHostileQueries:
    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "?!.,;:«»؟،",
            "a" * 1000,
            "كتاب " * 300,
            "'; DROP TABLE nejat_searchentry; --",
            "a & !b | (c:* <-> d) \\ ' \"",
            "a\x00b",
            "%_%",
        ],
    )
    def test_odd_queries_answer_a_normal_page(self, client, category, query):
        make_text_article(category, {"fa": "کتاب‌های ایرانی"})
        response = client.get("/fa/search/", {"q": query})
        assert response.status_code == 200
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1

    def test_a_long_query_is_shown_cut_short(self, client):
        html = client.get("/en/search/", {"q": "x" * 1000}).content.decode()
        assert "x" * 200 in html and "x" * 201 not in html

    def test_a_page_number_past_the_end_is_not_found(self, client):
        assert client.get("/en/search/", {"q": "water", "page": 9}).status_code == 404


class TestQueryCounts:
    @pytest.mark.parametrize("count", [1, 25])
    def test_search_page_makes_a_fixed_number_of_queries(self, own_queries, category, count):
        for day in range(count):
            make_text_article(category, {"fa": "کتاب‌های ایرانی"}, days_ago=day + 1)
        # the number of results and the page of them; nothing per result
        response = own_queries("/fa/search/", 2, {"q": "کتاب"})
        assert len(results(response)) == min(count, 10)

    def test_empty_search_makes_no_query_of_its_own(self, own_queries):
        own_queries("/fa/search/", 0)


class TestManyMatches:
    def test_only_the_newest_matches_are_ranked_and_the_count_says_at_least(
        self, client, settings, category
    ):
        from tests.factories import make_article

        settings.NEJAT_SEARCH_LIMIT = 3
        for days_ago in range(5, 0, -1):
            make_article(category, title_en=f"Harvest report {days_ago}", days_ago=days_ago)
        response = client.get("/en/search/?q=harvest")
        html = response.content.decode()
        assert "At least 3 results for “harvest”" in html
        assert [entry.title for entry in response.context["object_list"]] == [
            "Harvest report 1",
            "Harvest report 2",
            "Harvest report 3",
        ]
