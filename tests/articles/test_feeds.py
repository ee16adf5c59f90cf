from pathlib import Path

import feedparser
import pytest

from nejat.media.demo_images import abstract_picture
from tests.factories import make_article, make_category, make_library_image

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


class TestEditionFeed:
    @pytest.fixture
    def articles(self, category):
        return {
            "newest": make_article(
                category,
                languages=("en", "fa"),
                days_ago=1,
                summary_en="Trees along the river.",
                byline_en="Sara Field",
                image=make_library_image(abstract_picture(3)),
            ),
            "older": make_article(category, languages=("en",), days_ago=3),
            "persian_only": make_article(category, languages=("fa",), days_ago=2),
            "draft": make_article(category, languages=("en",), status="draft"),
            "scheduled": make_article(category, languages=("en",), days_ago=-1),
        }

    @pytest.mark.parametrize("url", ["/en/feed/", "/en/feed/atom/"])
    def test_lists_the_editions_published_articles_newest_first(self, client, articles, url):
        _response, feed = parse(client, url)
        expected = [articles["newest"], articles["older"]]
        assert [entry.link for entry in feed.entries] == [
            f"http://testserver{article.url_in('en')}" for article in expected
        ]
        assert [entry.title for entry in feed.entries] == [a.title_en for a in expected]

    def test_rss_items_carry_language_summary_author_category_and_image(
        self, client, settings, articles
    ):
        response, feed = parse(client, "/en/feed/")
        assert response["Content-Type"].startswith("application/rss+xml")
        assert feed.version == "rss20" and feed.feed.language == "en"
        entry = feed.entries[0]
        assert entry.language == "en"
        assert entry.summary == "Trees along the river."
        assert entry.author == "Sara Field"
        assert [tag.term for tag in entry.tags] == ["Environment"]
        (enclosure,) = entry.enclosures
        assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
        assert enclosure.href.startswith("http://testserver/media/renditions/")
        stored = Path(settings.MEDIA_ROOT, enclosure.href.removeprefix("http://testserver/media/"))
        assert stored.stat().st_size == int(enclosure.length)

    def test_atom_entries_carry_their_language(self, client, articles):
        response, feed = parse(client, "/en/feed/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        assert feed.version == "atom10"
        assert b'<entry xml:lang="en">' in response.content
        assert feed.entries[0].author == "Sara Field"

    def test_each_edition_has_its_own_feed(self, client, articles):
        _response, feed = parse(client, "/fa/feed/")
        assert feed.feed.language == "fa"
        assert [entry.title for entry in feed.entries] == [
            articles["newest"].title_fa,
            articles["persian_only"].title_fa,
        ]


class TestCategoryFeed:
    def test_lists_only_the_categorys_articles(self, client, category):
        other = make_category(slug="letters")
        mine = make_article(category, languages=("en",))
        make_article(other, languages=("en",))
        for url in ("/en/feed/category/environment/", "/en/feed/category/environment/atom/"):
            _response, feed = parse(client, url)
            assert [entry.title for entry in feed.entries] == [mine.title_en]
            assert "Environment" in feed.feed.title

    def test_a_category_unnamed_in_the_edition_has_no_feed(self, client):
        make_category(slug="letters", languages=("en",))
        assert client.get("/en/feed/category/letters/").status_code == 200
        assert client.get("/fa/feed/category/letters/").status_code == 404
        assert client.get("/en/feed/category/missing/").status_code == 404


class TestFeedLinks:
    def test_every_page_links_the_editions_feeds(self, client, category):
        article = make_article(category, languages=("fa",))
        for url in ("/fa/", article.url_in("fa"), "/fa/media/"):
            html = client.get(url).content.decode()
            assert 'type="application/rss+xml" title="Nejat" href="/fa/feed/"' in html, url
            assert 'type="application/atom+xml"' in html and 'href="/fa/feed/atom/"' in html

    def test_a_category_page_also_links_its_own_feed(self, client, category):
        make_article(category, languages=("en",))
        html = client.get("/en/articles/category/environment/").content.decode()
        assert 'href="/en/feed/"' in html
        assert 'type="application/rss+xml" title="Environment"' in html
        assert 'href="/en/feed/category/environment/"' in html
        assert 'href="/en/feed/category/environment/atom/"' in html


class TestQueryCounts:
    @pytest.mark.parametrize("count", [2, 30])
    @pytest.mark.parametrize(
        "url, queries",
        [
            # site settings, the articles with their categories, their authors
            ("/fa/feed/", 3),
            ("/fa/feed/atom/", 3),
            # ... and the category
            ("/fa/feed/category/environment/", 4),
        ],
    )
    def test_feeds_make_a_fixed_number_of_queries(
        self, client, django_assert_num_queries, category, count, url, queries
    ):
        for day in range(count):
            picture = abstract_picture(day, size=(160, 120))
            make_article(
                category, languages=("fa",), days_ago=day + 1, image=make_library_image(picture)
            )
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert len(feedparser.parse(response.content).entries) == min(count, 20)
