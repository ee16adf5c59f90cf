"""Author and source archives: bylines and sources link to a page of their articles,
in every edition."""

import importlib
import json
import re
from urllib.parse import quote

import pytest
from django.utils import translation

from articles.models import Article, Author, Source
from tests.articles.test_admin import article_form, form_errors
from tests.editorial.conftest import change_url, form_data
from tests.factories import localized, make_article

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar", "fa", "sq")
NAMES = {"en": "Nadia Karimi", "ar": "نادية كريمي", "fa": "نادیا کریمی", "sq": "Nadia Karimi"}
BIOS = {
    "en": "Writes about schools in the valley.",
    "ar": "تكتب عن مدارس الوادي.",
    "fa": "دربارهٔ مدرسه‌های دره می‌نویسد.",
    "sq": "Shkruan për shkollat e luginës.",
}
SOURCE_NAMES = {"en": "The River Courier", "fa": "پیک رود"}
PERSIAN_SLUG = "مریم-رحیمی"


def make_author(slug="nadia-karimi", names=NAMES, bios=BIOS):
    author = Author(slug=slug)
    for code, name in names.items():
        setattr(author, localized("name", code), name)
    for code, bio in bios.items():
        setattr(author, localized("bio", code), bio)
    author.save()
    return author


def make_source(slug="river-courier", names=SOURCE_NAMES, url="https://example.org/"):
    source = Source(slug=slug, url=url)
    for code, name in names.items():
        setattr(source, localized("name", code), name)
    source.save()
    return source


@pytest.fixture
def author():
    return make_author()


@pytest.fixture
def persian_author():
    return make_author(PERSIAN_SLUG, names={"fa": "مریم رحیمی"}, bios={})


@pytest.fixture
def source():
    return make_source()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def titles_on(html):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def heading(html):
    return re.search(r'<h1 class="page-title">(.*?)</h1>', html, re.S).group(1)


class TestAuthorArchive:
    def test_lists_the_authors_published_articles_of_this_edition_only(
        self, client, category, author
    ):
        both = make_article(category, languages=("en", "fa"))
        persian = make_article(category, languages=("fa",), days_ago=2)
        draft = make_article(category, languages=("en", "fa"), status="draft")
        for article in (both, persian, draft):
            article.authors.add(author)
        someone_elses = make_article(category, languages=("en", "fa"))
        assert titles_on(html_of(client, "/en/articles/author/nadia-karimi/")) == [both.title_en]
        persian_titles = titles_on(html_of(client, "/fa/articles/author/nadia-karimi/"))
        assert persian_titles == [both.title_fa, persian.title_fa]
        assert someone_elses.title_fa not in persian_titles

    def test_heading_names_the_author_and_the_bio_follows_in_each_edition(
        self, client, category, author
    ):
        make_article(category, languages=LANGUAGES).authors.add(author)
        for code in LANGUAGES:
            html = html_of(client, f"/{code}/articles/author/nadia-karimi/")
            assert NAMES[code] in heading(html)
            assert f'<p class="page-intro">{BIOS[code]}</p>' in html

    def test_a_name_missing_in_this_language_is_shown_as_written_in_another(self, client):
        make_author("only-english", names={"en": "Nadia Karimi"}, bios={"en": "English bio."})
        html = html_of(client, "/fa/articles/author/only-english/")
        assert "Nadia Karimi" in heading(html)
        # A bio is text of its own language: the Persian page has none.
        assert "English bio." not in html

    def test_persian_address_works_raw_and_percent_encoded(self, client, persian_author):
        raw = f"/fa/articles/author/{PERSIAN_SLUG}/"
        assert "مریم رحیمی" in heading(html_of(client, raw))
        assert client.get(quote(raw)).status_code == 200
        with translation.override("fa"):
            assert persian_author.get_absolute_url() == quote(raw)

    def test_unknown_or_nameless_author_is_404(self, client):
        make_author("nameless", names={}, bios={})
        assert client.get("/en/articles/author/nobody/").status_code == 404
        assert client.get("/en/articles/author/nameless/").status_code == 404
        assert client.get("/fa/articles/author/%00/").status_code == 404

    def test_an_edition_without_their_articles_says_so(self, client, category, author):
        make_article(category, languages=("fa",)).authors.add(author)
        html = html_of(client, "/en/articles/author/nadia-karimi/")
        assert titles_on(html) == []
        assert "No articles here yet." in html

    def test_the_page_exists_in_every_edition(self, client, author):
        html = html_of(client, "/en/articles/author/nadia-karimi/")
        links = re.findall(r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)"', html)
        assert dict(links) == {
            code: f"http://testserver/{code}/articles/author/nadia-karimi/" for code in LANGUAGES
        }


class TestBylines:
    def test_byline_links_each_author_in_the_editions_language(
        self, client, category, author, persian_author
    ):
        article = make_article(category, languages=LANGUAGES)
        article.authors.add(author, persian_author)
        for code in LANGUAGES:
            html = html_of(client, article.url_in(code))
            link = f'<a href="/{code}/articles/author/nadia-karimi/" rel="author">{NAMES[code]}</a>'
            assert link in html, code
            # No Persian name elsewhere: the Persian one, at its readable address.
            persian = f'<a href="/{code}/articles/author/{PERSIAN_SLUG}/" rel="author">مریم رحیمی'
            assert persian in html, code

    def test_the_byline_text_is_shown_when_no_author_is_chosen(self, client, category, author):
        plain = make_article(category, byline_en="Staff")
        assert "By Staff" in html_of(client, plain.url_in("en"))
        credited = make_article(category, byline_en="Staff")
        credited.authors.add(author)
        html = html_of(client, credited.url_in("en"))
        assert "By Staff" not in html
        assert 'rel="author">Nadia Karimi</a>' in html

    def test_an_author_without_a_name_is_left_out(self, client, category):
        article = make_article(category, byline_en="Staff")
        article.authors.add(make_author("nameless", names={}, bios={}))
        html = html_of(client, article.url_in("en"))
        assert "By Staff" in html and "/articles/author/nameless/" not in html

    def test_structured_data_names_the_authors_and_their_pages(self, client, category, author):
        article = make_article(category, languages=("fa",))
        article.authors.add(author)
        html = html_of(client, article.url_in("fa"))
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(block.group(1))
        assert data["author"] == [
            {
                "@type": "Person",
                "name": NAMES["fa"],
                "url": "http://testserver/fa/articles/author/nadia-karimi/",
            }
        ]

    def test_feeds_name_the_authors(self, client, category, author):
        make_article(category, languages=("fa",), byline_fa="کارکنان").authors.add(author)
        assert NAMES["fa"] in client.get("/fa/feed/").content.decode()


class TestSources:
    def test_the_article_says_where_it_was_first_published(self, client, category, source):
        article = make_article(
            category,
            languages=("en", "fa"),
            source=source,
            source_url="https://example.org/original-report",
        )
        english = html_of(client, article.url_in("en"))
        assert "First published by" in english
        assert '<a href="/en/articles/source/river-courier/">The River Courier</a>' in english
        assert '<a href="https://example.org/original-report" rel="noopener external">' in english
        persian = html_of(client, article.url_in("fa"))
        assert '<a href="/fa/articles/source/river-courier/">پیک رود</a>' in persian

    def test_source_archive_lists_its_published_articles_of_this_edition(
        self, client, category, source
    ):
        published = make_article(category, languages=("en", "fa"), source=source)
        make_article(category, languages=("en", "fa"), source=source, status="draft")
        make_article(category, languages=("fa",), source=source)
        make_article(category, languages=("en",))
        html = html_of(client, "/en/articles/source/river-courier/")
        assert titles_on(html) == [published.title_en]
        assert "The River Courier" in heading(html)
        assert '<a href="https://example.org/" rel="noopener external">' in html
        assert len(titles_on(html_of(client, "/fa/articles/source/river-courier/"))) == 2

    def test_persian_address_works_raw_and_percent_encoded(self, client, category):
        source = make_source("پیک-رود", names={"fa": "پیک رود"}, url="")
        make_article(category, languages=("fa",), source=source)
        raw = "/fa/articles/source/پیک-رود/"
        assert len(titles_on(html_of(client, raw))) == 1
        assert client.get(quote(raw)).status_code == 200

    def test_unknown_or_nameless_source_is_404(self, client):
        make_source("nameless", names={})
        assert client.get("/en/articles/source/nowhere/").status_code == 404
        assert client.get("/en/articles/source/nameless/").status_code == 404


class TestAdmin:
    def test_editor_adds_an_author_with_a_persian_address(self, editor_client):
        response = editor_client.post(
            "/admin/articles/author/add/",
            {"name_fa": "مریم رحیمی", "slug": PERSIAN_SLUG, "bio_fa": "روزنامه‌نگار."},
        )
        assert response.status_code == 302, form_errors(response)
        author = Author.objects.get(slug=PERSIAN_SLUG)
        assert author.name_fa == "مریم رحیمی" and author.bio_fa == "روزنامه‌نگار."

    def test_an_author_needs_a_name_in_some_language(self, editor_client):
        response = editor_client.post("/admin/articles/author/add/", {"slug": "nobody"})
        assert "Give a name in at least one language." in str(form_errors(response))
        assert not Author.objects.exists()

    def test_editor_renames_an_author(self, editor_client, author):
        data = form_data(editor_client.get(change_url(author)))
        data["name_en"] = "Nadia K. Karimi"
        assert editor_client.post(change_url(author), data).status_code == 302
        author.refresh_from_db()
        assert author.name_en == "Nadia K. Karimi" and author.name_fa == NAMES["fa"]

    def test_editor_adds_a_source(self, editor_client):
        data = {"name_en": "Hill Gazette", "slug": "hill-gazette", "url": "example.org/hill"}
        response = editor_client.post("/admin/articles/source/add/", data)
        assert response.status_code == 302, form_errors(response)
        assert Source.objects.get().url == "https://example.org/hill"

    def test_editor_chooses_authors_and_a_source_for_an_article(
        self, editor_client, category, author, persian_author, source
    ):
        data = article_form(category, authors=[author.pk, persian_author.pk], source=source.pk)
        response = editor_client.post("/admin/articles/article/add/", data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get()
        assert set(article.authors.all()) == {author, persian_author}
        assert article.source == source

    def test_authors_are_found_by_any_of_their_names(self, editor_client, author):
        response = editor_client.get(
            "/admin/autocomplete/",
            {
                "app_label": "articles",
                "model_name": "article",
                "field_name": "authors",
                "term": "نادیا",
            },
        )
        assert [item["id"] for item in response.json()["results"]] == [str(author.pk)]


class TestSourceNamesMigration:
    """The migration turns each article's source names (one per language) into sources."""

    plan_sources = staticmethod(
        importlib.import_module("articles.migrations.0009_authors_and_sources").plan_sources
    )

    def test_articles_naming_the_same_source_share_it(self):
        rows = [
            (1, [("en", "The Valley Courier"), ("ar", "بريد الوادي"), ("fa", ""), ("sq", None)]),
            (2, [("en", " the valley  Courier"), ("ar", ""), ("fa", "پیک دره"), ("sq", "")]),
            (3, [("en", ""), ("ar", ""), ("fa", ""), ("sq", "")]),
        ]
        assert self.plan_sources(rows) == [
            (
                "the-valley-courier",
                {"en": "The Valley Courier", "ar": "بريد الوادي", "fa": "پیک دره"},
                [1, 2],
            )
        ]

    def test_a_source_without_an_english_name_is_named_by_its_first_language(self):
        rows = [(7, [("en", ""), ("ar", ""), ("fa", "ماهنامهٔ کویر و آب"), ("sq", "")])]
        assert self.plan_sources(rows) == [("ماهنامه-کویر-و-آب", {"fa": "ماهنامهٔ کویر و آب"}, [7])]

    def test_slugs_are_unique(self):
        rows = [
            (1, [("en", "Valley Courier")]),
            (2, [("en", "Valley Courier!")]),
            (3, [("en", "«»")]),
        ]
        slugs = [slug for slug, _names, _articles in self.plan_sources(rows)]
        assert slugs == ["valley-courier", "valley-courier-2", "source"]


class TestFreshness:
    """Readers get the new name at once: the page cache starts a new generation."""

    def test_renaming_an_author_shows_on_their_articles_and_page(
        self, client, editor, category, author
    ):
        article = make_article(category, languages=("en",))
        article.authors.add(author)
        pages = [article.url_in("en"), "/en/articles/author/nadia-karimi/", "/en/feed/"]
        for page in pages:
            assert "Nadia Karimi" in html_of(client, page)
        client.force_login(editor)
        data = form_data(client.get(change_url(author)))
        data["name_en"] = "Nadia K. Karimi"
        assert client.post(change_url(author), data).status_code == 302
        client.logout()
        for page in pages:
            assert "Nadia K. Karimi" in html_of(client, page), page

    def test_crediting_an_author_shows_at_once(self, client, category, author):
        article = make_article(category, languages=("en",))
        pages = [article.url_in("en"), "/en/articles/author/nadia-karimi/"]
        assert "Nadia Karimi" not in html_of(client, pages[0])
        article.authors.add(author)
        for page in pages:
            assert "Nadia Karimi" in html_of(client, page), page
        article.authors.clear()
        assert "Nadia Karimi" not in html_of(client, pages[0])

    def test_renaming_a_source_shows_on_its_articles(self, client, category, source):
        article = make_article(category, languages=("en",), source=source)
        assert "The River Courier" in html_of(client, article.url_in("en"))
        source.name_en = "The River Courier Weekly"
        source.save()
        assert "The River Courier Weekly" in html_of(client, article.url_in("en"))


class TestQueryCounts:
    """Each page makes a fixed number of queries however many articles it shows."""

    @pytest.fixture
    def credited(self, category, author, source):
        def build(count):
            for day in range(count):
                article = make_article(category, languages=LANGUAGES, days_ago=day + 1)
                article.source = source
                article.save()
                article.authors.add(author, make_author(f"co-author-{day}"))

        return build

    @pytest.mark.parametrize("count", [5, 60])
    @pytest.mark.parametrize(
        "url",
        # the author or source, the page of articles with their categories and
        # comment counts; the chrome is kept
        ["/fa/articles/author/nadia-karimi/", "/fa/articles/source/river-courier/"],
    )
    def test_archives(self, own_queries, credited, count, url):
        credited(count)
        response = own_queries(url, 2)
        assert len(titles_on(response.content.decode())) == min(count, 10)

    @pytest.mark.parametrize("count", [5, 60])
    def test_article_page(self, own_queries, credited, count):
        credited(count)
        with translation.override("fa"):
            url = Article.objects.first().url_in("fa")
        # the article with its category and source; its byline is a kept fragment
        response = own_queries(url, 1)
        assert 'rel="author"' in response.content.decode()
