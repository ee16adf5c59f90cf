"""Pages rendered afresh (the page cache off) reuse the fragments every reader of an
edition sees alike — cards, menu, head links — yet each page shows its own, and an
edit shows at once."""

import warnings

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from nejat.caching.chrome import cached

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


class TestKeptCards:
    def test_a_list_with_its_cards_kept_asks_only_for_which_articles_it_shows(self, client, story):
        client.get("/en/")
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/en/").content.decode()
        assert story.title_en in html
        selected = [query["sql"].split(" FROM ")[0] for query in captured]
        assert selected and not any("body_en" in columns for columns in selected)

    def test_an_edited_title_shows_on_the_lists_at_once(self, client, story):
        for page in ("/en/", "/en/articles/", story.category.get_absolute_url()):
            client.get(page)
            story.title_en = f"Rivers are cleaner, says {page}"
            story.save()
            html = client.get(page).content.decode()
            assert story.title_en in html, page

    def test_a_card_made_afresh_counts_approved_comments(self, client, story):
        assert "No comments" in client.get("/en/").content.decode()
        comment = story.comments.create(
            name="Dana", email="dana@example.org", text="Good news.", language="en"
        )
        comment.status = type(comment).Status.APPROVED
        comment.save()
        assert "1 comment" in client.get("/en/").content.decode()


class TestKeptChrome:
    def test_each_page_marks_its_own_menu_entry(self, client, story):
        articles_link = '<a href="/en/articles/" aria-current="page">'
        for _round in range(2):
            assert articles_link in client.get("/en/articles/").content.decode()
            assert articles_link not in client.get("/en/").content.decode()

    def test_each_page_names_its_own_address_and_editions(self, client, story):
        with translation.override("fa"):
            persian = story.url_in("fa")
        for _round in range(2):
            home = client.get("/en/").content.decode()
            article = client.get(story.url_in("en")).content.decode()
            assert 'rel="canonical" href="http://testserver/en/"' in home
            assert f'rel="canonical" href="http://testserver{story.url_in("en")}"' in article
            assert f'hreflang="fa" href="http://testserver{persian}"' in article
            assert 'hreflang="fa" href="http://testserver/fa/"' in home


class TestChromeKeys:
    def test_parts_memcached_would_refuse_are_kept_apart_without_warnings(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            first = cached("test", lambda: "first", "an address with spaces " * 10)
            second = cached("test", lambda: "second", "another\x00address")
        assert (first, second) == ("first", "second")
