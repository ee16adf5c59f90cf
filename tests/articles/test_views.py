import re
from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from nejat.caching.generation import invalidate
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar", "fa", "sq"]


def titles_on(response):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


class TestEditions:
    def test_persian_only_article_is_listed_on_the_persian_home_only(self, client, category):
        article = make_article(category, languages=["fa"])
        assert article.title_fa in titles_on(client.get("/fa/"))
        assert titles_on(client.get("/en/")) == []

    def test_persian_only_article_has_no_english_page(self, client, category):
        article = make_article(category, languages=["fa"])
        assert client.get(article.url_in("fa")).status_code == 200
        english = reverse("articles:detail", kwargs={"slug": article.slug_fa}).replace(
            "/fa/", "/en/"
        )
        assert client.get(english).status_code == 404

    def test_article_page_links_only_to_editions_it_exists_in(self, client, category):
        article = make_article(category, languages=["en", "fa"])
        html = client.get(article.url_in("en")).content.decode()
        assert f'hreflang="fa" href="http://testserver{article.url_in("fa")}"' in html
        assert 'hreflang="ar"' not in html
        assert 'hreflang="sq"' not in html
        assert f'<link rel="canonical" href="http://testserver{article.url_in("en")}">' in html


class TestPagination:
    @pytest.fixture
    def articles(self, category):
        return [make_article(category, days_ago=day) for day in range(1, 26)]

    def test_first_page_lists_ten_with_a_link_to_older_posts(self, client, articles):
        response = client.get("/en/")
        assert len(titles_on(response)) == 10
        assert f'rel="next" href="?older={articles[9].pk}"' in response.content.decode()
        assert 'rel="prev"' not in response.content.decode()

    def test_older_posts_lead_to_the_last_five_and_back(self, client, articles):
        second = client.get(f"/en/?older={articles[9].pk}")
        assert titles_on(second) == [a.title_en for a in articles[10:20]]
        third = client.get(f"/en/?older={articles[19].pk}")
        assert titles_on(third) == [a.title_en for a in articles[20:]]
        assert 'rel="next"' not in third.content.decode()
        assert f'rel="prev" href="?newer={articles[20].pk}"' in third.content.decode()
        back = client.get(f"/en/?newer={articles[20].pk}")
        assert titles_on(back) == [a.title_en for a in articles[10:20]]

    def test_newer_posts_from_the_second_page_is_the_whole_first_page(self, client, articles):
        response = client.get(f"/en/?newer={articles[10].pk}")
        assert titles_on(response) == [a.title_en for a in articles[:10]]
        assert 'rel="prev"' not in response.content.decode()

    def test_pages_of_other_articles_with_the_same_time_are_not_lost(self, client, category):
        moment = timezone.now() - timedelta(days=1)
        same_time = [make_article(category) for _ in range(12)]
        Article.objects.filter(pk__in=[a.pk for a in same_time]).update(publish_at=moment)
        first = client.get("/en/")
        older = first.context["pagination"]["older"]
        second = client.get(f"/en/{older}")
        assert sorted(titles_on(first) + titles_on(second)) == sorted(a.title_en for a in same_time)

    @pytest.mark.parametrize("anchor", ["99999", "0", "two", "-1"])
    def test_a_page_after_an_unknown_or_odd_article_is_404(self, client, articles, anchor):
        assert client.get(f"/en/?older={anchor}").status_code == 404
        assert client.get(f"/en/articles/?newer={anchor}").status_code == 404


class TestPublishing:
    @pytest.fixture
    def hidden(self, category):
        return [
            make_article(category, status="draft"),
            make_article(category, days_ago=-3),
        ]

    def test_drafts_and_scheduled_articles_never_reach_readers(self, client, category, hidden):
        visible = make_article(category)
        tag = make_tag()
        for article in [*hidden, visible]:
            article.tags.add(tag)
        for url in [
            "/en/",
            "/en/articles/",
            category.get_absolute_url(),
            f"/en/articles/tag/{tag.slug}/",
        ]:
            assert titles_on(client.get(url)) == [visible.title_en], url
        for article in hidden:
            assert client.get(article.url_in("en")).status_code == 404
            assert article.title_en not in client.get("/en/").content.decode()

    def test_hidden_articles_are_not_in_recent_posts_or_archives(self, client, category, hidden):
        html = client.get("/en/articles/").content.decode()
        for article in hidden:
            assert article.title_en not in html
        month = hidden[1].publish_at
        assert client.get(f"/en/articles/{month.year}/{month.month:02d}/").status_code in (200, 404)

    def test_staff_can_preview_a_draft(self, editor_client, category):
        draft = make_article(category, status="draft")
        response = editor_client.get(draft.url_in("en"))
        assert response.status_code == 200
        assert "Preview" in response.content.decode()


class TestArchivePages:
    def test_category_page_lists_its_articles(self, client, category):
        article = make_article(category, languages=["en", "sq"])
        response = client.get(f"/sq/articles/category/{category.slug}/")
        assert titles_on(response) == [article.title_sq]
        assert "<h1" in response.content.decode() and "Mjedisi" in response.content.decode()

    def test_category_without_a_name_in_the_edition_is_404(self, client):
        from tests.factories import make_category

        category = make_category(slug="letters", languages=["en"])
        make_article(category, languages=["en", "fa"])
        assert client.get(f"/fa/articles/category/{category.slug}/").status_code == 404

    def test_tag_page_lists_tagged_articles_in_the_edition(self, client, category):
        tag = make_tag()
        tagged, untagged = (
            make_article(category, languages=["ar"]),
            make_article(category, languages=["ar"]),
        )
        tagged.tags.add(tag)
        response = client.get(f"/ar/articles/tag/{tag.slug}/")
        assert titles_on(response) == [tagged.title_ar]
        assert untagged.title_ar not in titles_on(response)

    def test_month_archive_lists_that_months_articles(self, client, category):
        article = make_article(category, days_ago=40)
        month = article.publish_at
        response = client.get(f"/en/articles/{month.year}/{month.month:02d}/")
        assert article.title_en in titles_on(response)
        assert client.get("/en/articles/1999/01/").status_code == 404


class TestDates:
    def test_persian_edition_shows_solar_hijri_dates_with_persian_digits(self, client, category):
        from datetime import datetime

        article = make_article(category, languages=["fa", "ar", "sq"])
        article.publish_at = datetime(2025, 3, 21, 10, 30, 15, 123456, tzinfo=UTC)
        article.save()
        persian = client.get(article.url_in("fa")).content.decode()
        assert "۱ فروردین ۱۴۰۴" in persian
        assert 'datetime="2025-03-21T10:30Z"' in persian
        assert "21 مارس، 2025" in client.get(article.url_in("ar")).content.decode()
        assert "21 mars 2025" in client.get(article.url_in("sq")).content.decode()


class TestQueryCounts:
    """Each page makes a fixed number of queries however many articles exist."""

    def build(self, category, count):
        tag = make_tag()
        for day in range(count):
            article = make_article(category, languages=LANGUAGES, days_ago=day + 1)
            article.tags.add(tag)
        return tag

    @pytest.mark.parametrize("count", [5, 60])
    @pytest.mark.parametrize(
        "url, queries",
        [
            # the page of articles, with their categories and comment counts: no count
            # of the whole list, and the chrome is kept; the home page's featured ones
            ("/fa/", 2),
            ("/fa/articles/", 1),
            # ... and the category or tag itself
            ("/fa/articles/category/environment/", 2),
            ("/fa/articles/tag/rivers/", 2),
        ],
    )
    def test_list_pages(self, own_queries, category, count, url, queries):
        self.build(category, count)
        assert own_queries(url, queries).status_code == 200

    @pytest.mark.parametrize("count", [15, 60])
    def test_an_older_page_costs_what_the_first_does(self, own_queries, category, count):
        self.build(category, count)
        older = own_queries("/fa/articles/", 1).context["pagination"]["older"]
        # the article the page starts after, the page
        assert own_queries(f"/fa/articles/{older}", 2).status_code == 200

    @pytest.mark.parametrize("count", [5, 60])
    def test_article_page(self, own_queries, category, count):
        self.build(category, count)
        with translation.override("fa"):
            from articles.models import Article

            url = Article.objects.first().url_in("fa")
        # the pk of the article its address names: the article itself (with its
        # category, source and image) is kept, and so are the fragments showing its
        # text, authors, tags and comments, since the first request
        assert own_queries(url, 1).status_code == 200

    @pytest.mark.parametrize("count", [5, 60])
    def test_article_page_after_a_change(
        self, client, settings, django_assert_num_queries, category, count
    ):
        settings.NEJAT_PAGE_CACHE = False
        self.build(category, count)
        with translation.override("fa"):
            from articles.models import Article

            url = Article.objects.first().url_in("fa")
        client.get("/fa/")
        invalidate()
        # a new generation: the chrome once more, then the pk the address names, the
        # article in full (with its category, source and image), its authors, its tags
        # and its comments
        client.get("/fa/articles/")
        with django_assert_num_queries(5):
            assert client.get(url).status_code == 200


class TestOddAddresses:
    @pytest.mark.parametrize(
        "url",
        [
            "/en/articles/a%00b/",
            "/en/articles/tag/a%00b/",
            "/en/articles/2026/13/",
            "/en/articles/0/0/",
            "/en/articles/category/missing/",
            "/en/?older=%00",
            "/fa/articles/%D9%86%D8%A7%D9%85%D9%88%D8%AC%D9%88%D8%AF/",
        ],
    )
    def test_odd_addresses_are_404_not_500(self, client, category, url):
        make_article(category, languages=["en", "fa"])
        assert client.get(url).status_code == 404

    def test_persian_slug_gives_a_readable_address(self, client, category):
        article = make_article(category, languages=["fa"], slug_fa="کتاب-خوانی-در-روستا")
        from urllib.parse import unquote

        assert unquote(article.url_in("fa")) == "/fa/articles/کتاب-خوانی-در-روستا/"
        assert client.get("/fa/articles/کتاب-خوانی-در-روستا/").status_code == 200


class TestShareLinks:
    NETWORKS = {
        "fb": "https://www.facebook.com/sharer/sharer.php?u={url}",
        "tg": "https://t.me/share/url?url={url}&text={title}",
        "wa": "https://wa.me/?text={title}%20{url}",
        "mail": "mailto:?subject={title}&body={url}",
    }

    def quoted(self, article):
        from urllib.parse import quote

        return {
            "url": quote(f"http://testserver{article.url_in('fa')}", safe=""),
            "title": quote(article.title_fa, safe=""),
        }

    def test_an_article_carries_plain_share_links_and_a_copy_link(self, client, category):
        article = make_article(category, languages=["fa"])
        html = client.get(article.url_in("fa")).content.decode()
        for pattern in self.NETWORKS.values():
            assert pattern.format(**self.quoted(article)).replace("&", "&amp;") in html
        for network in ("twitter.com/intent/tweet", "pinterest.com"):
            assert network in html
        assert "skype" not in html and "data-copy-link" in html
        assert '<script src="http' not in html

    def test_a_cards_short_share_links_lead_to_the_networks(self, client, category):
        article = make_article(category, languages=["fa"])
        html = client.get("/fa/").content.decode()
        for network, pattern in self.NETWORKS.items():
            link = f"/fa/s/{article.pk}/{network}/"
            assert f'href="{link}"' in html
            response = client.get(link)
            assert response.status_code == 302
            assert response["Location"] == pattern.format(**self.quoted(article))
            # The longer form, which every kind of item has, leads to the same place.
            longer = client.get(f"/fa/share/article/{article.pk}/{network}/")
            assert longer["Location"] == response["Location"]
        copied = client.get(f"/fa/s/{article.pk}/link/")
        assert copied["Location"] == article.url_in("fa")

    @pytest.mark.parametrize(
        "link",
        [
            "/fa/share/article/{pk}/skype/",
            "/fa/share/comment/{pk}/fb/",
            "/en/share/article/{pk}/fb/",
            "/en/s/{pk}/fb/",
        ],
    )
    def test_no_share_address_for_what_is_not_published_in_the_edition(
        self, client, category, link
    ):
        article = make_article(category, languages=["fa"])
        assert client.get(link.format(pk=article.pk)).status_code == 404

    def test_a_card_is_small_however_long_its_persian_address(self, client, category):
        for _ in range(10):
            make_article(category, languages=["fa"], title_fa="عنوانی بلند " * 12)
        # 25 KB counted as 25,000 bytes, the stricter reading.
        assert len(client.get("/fa/").content) <= 25_000


class TestFeatured:
    def test_featured_articles_are_pinned_above_the_latest_on_the_first_page(
        self, client, category
    ):
        for day in range(12):
            make_article(category, days_ago=day + 1)
        pinned = make_article(category, days_ago=40, featured=True, title_en="Our spring appeal")
        home = client.get("/en/")
        html = home.content.decode()
        featured = html.split('class="featured"', 1)[1].split("</section>", 1)[0]
        assert "Our spring appeal" in featured
        assert html.count("Our spring appeal</a>") == 1  # not again among the latest
        older = home.context["pagination"]["older"]
        assert 'class="featured"' not in client.get(f"/en/{older}").content.decode()
        pinned.featured = False
        pinned.save()
        assert 'class="featured"' not in client.get("/en/").content.decode()

    def test_the_featured_take_the_place_of_as_many_latest_and_no_article_is_skipped(
        self, client, category
    ):
        latest = [make_article(category, days_ago=day + 1) for day in range(20)]
        for day in (30, 31):
            make_article(category, days_ago=day, featured=True)
        home = client.get("/en/")
        assert len(titles_on(home)) == 10  # two featured, eight of the latest
        assert titles_on(home)[2:] == [a.title_en for a in latest[:8]]
        second = client.get(f"/en/{home.context['pagination']['older']}")
        assert titles_on(second) == [a.title_en for a in latest[8:18]]
        # Back from the second page: the first page again, the featured pinned on it.
        back = client.get(f"/en/{second.context['pagination']['newer']}")
        assert titles_on(back) == titles_on(home)
        assert back.context["pagination"]["newer"] is None

    def test_a_featured_article_of_another_edition_is_not_pinned_here(self, client, category):
        make_article(category, languages=["fa"], featured=True)
        make_article(category)
        assert 'class="featured"' not in client.get("/en/").content.decode()
