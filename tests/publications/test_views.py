import re
from urllib.parse import unquote

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from publications.models import Book, Issue
from tests.publications.factories import (
    LANGUAGES,
    make_book,
    make_issue,
    make_periodical,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"publications:{name}", kwargs=kwargs)


def titles_on(response):
    assert response.status_code == 200
    return re.findall(
        r'class="cover-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode()
    )


def body(response):
    """The streamed file; reading it to the end closes the response and the file."""
    return b"".join(response.streaming_content)


@pytest.fixture
def periodicals():
    return [make_periodical("newsletter"), make_periodical("pars-brief", ordering=1)]


class TestEveryEdition:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_page_of_every_section_answers_with_one_h1(self, client, periodicals, language):
        book = make_book(languages=LANGUAGES)
        issues = [make_issue(periodical, languages=LANGUAGES) for periodical in periodicals]
        pages = [
            url("index", language),
            url("books", language),
            url("books_by_year", language),
            book.url_in(language),
        ]
        for periodical, issue in zip(periodicals, issues, strict=True):
            pages += [url("periodical", language, periodical=periodical.slug)]
            pages += [issue.url_in(language)]
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            html = response.content.decode()
            assert f'<html lang="{language}"' in html, page
            assert len(re.findall(r"<h1[\s>]", html)) == 1, page
            assert '<link rel="canonical"' in html and "css/publications.css" in html, page
            assert 'property="og:title"' in html, page

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_show_the_editions_titles(self, client, periodicals, language):
        book = make_book(languages=LANGUAGES)
        issue = make_issue(periodicals[1], languages=LANGUAGES)
        with translation.override(language):
            book_title, issue_title = book.title, issue.title
        assert titles_on(client.get(url("books", language))) == [book_title]
        assert titles_on(client.get(url("books_by_year", language))) == [book_title]
        assert titles_on(client.get(url("periodical", language, periodical="pars-brief"))) == [
            issue_title
        ]
        assert titles_on(client.get(url("periodical", language, periodical="newsletter"))) == []
        index = titles_on(client.get(url("index", language)))
        assert book_title in index and issue_title in index

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_downloads_and_feeds_of_every_section(self, client, periodicals, language):
        book = make_book(languages=LANGUAGES)
        issues = [make_issue(periodical, languages=LANGUAGES) for periodical in periodicals]
        for item in [book, *issues]:
            kwargs = item.get_url_kwargs() if isinstance(item, Issue) else {}
            with translation.override(language):
                kwargs = kwargs or {"slug": item.slug}
                stored = item.pdf.read()
                item.pdf.close()
            name = "book" if isinstance(item, Book) else "issue"
            for view in ("download", "read"):
                response = client.get(url(f"{name}_{view}", language, **kwargs))
                assert response.status_code == 200
                assert response["Content-Type"] == "application/pdf"
                assert body(response) == stored
        for periodical in periodicals:
            response = client.get(url("feed", language, periodical=periodical.slug))
            assert response.status_code == 200
            assert feedparser.parse(response.content).bozo == 0


class TestEditions:
    def test_persian_only_book_is_absent_from_english_lists_and_its_english_urls_are_404(
        self, client, periodicals
    ):
        book = make_book(languages=["fa"])
        assert titles_on(client.get("/fa/publications/books/")) == [book.title_fa]
        for page in (
            "/en/publications/",
            "/en/publications/books/",
            "/en/publications/books/by-year/",
        ):
            assert book.title_fa not in client.get(page).content.decode(), page
        persian = book.url_in("fa")
        english = persian.replace("/fa/", "/en/", 1)
        assert client.get(persian).status_code == 200
        for address in (english, f"{english}download/", f"{english}read/"):
            assert client.get(address).status_code == 404, address

    def test_book_page_links_only_to_the_editions_it_exists_in(self, client):
        book = make_book(languages=["en", "ar"])
        html = client.get(book.url_in("en")).content.decode()
        assert f'hreflang="ar" href="http://testserver{book.url_in("ar")}"' in html
        assert 'hreflang="fa"' not in html and 'hreflang="sq"' not in html

    def test_a_title_without_a_pdf_or_text_in_that_language_is_not_an_edition(self, client):
        book = make_book(languages=["en"], title_sq="Libri pa PDF", slug_sq="libri-pa-pdf")
        assert book.languages == ["en"]
        assert titles_on(client.get("/sq/publications/books/")) == []
        assert client.get("/sq/publications/books/libri-pa-pdf/").status_code == 404

    def test_issue_with_only_its_full_text_appears_without_download_links(
        self, client, periodicals
    ):
        issue = make_issue(periodicals[1], languages=["sq"], pdf=False, text=True)
        assert titles_on(client.get("/sq/publications/pars-brief/")) == [issue.title_sq]
        html = client.get(issue.url_in("sq")).content.decode()
        assert "Një stinë pune" in html
        assert "download/" not in html
        assert client.get(f"{issue.url_in('sq')}download/").status_code == 404

    def test_periodical_without_a_name_in_an_edition_is_absent_from_it(self, client):
        periodical = make_periodical("pars-brief", languages=["en", "fa"])
        issue = make_issue(periodical, languages=["en", "sq"])
        assert issue.languages == ["en"]
        assert client.get("/sq/publications/pars-brief/").status_code == 404
        assert client.get("/sq/publications/pars-brief/feed/").status_code == 404
        assert client.get(f"/sq/publications/pars-brief/{issue.number}/").status_code == 404
        assert "Përmbledhja Pars" not in client.get("/sq/publications/").content.decode()
        assert client.get("/fa/publications/pars-brief/").status_code == 200


class TestDownloads:
    def test_download_has_the_pdf_type_a_made_up_name_and_the_stored_bytes(self, client):
        book = make_book(languages=["en", "fa"], title_en="Gardens of the Dry Valley")
        response = client.get(f"{book.url_in('en')}download/")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="gardens-of-the-dry-valley.pdf"; '
            "filename*=UTF-8''gardens-of-the-dry-valley.pdf"
        )
        assert body(response) == pdf_bytes(2)
        assert int(response["Content-Length"]) == book.pdf_size_en

    def test_persian_file_name_is_sent_as_utf8_with_an_ascii_fallback(self, client):
        book = make_book(languages=["fa"], title_fa="باغ‌های دره‌ی خشک")
        response = client.get(f"{book.url_in('fa')}download/")
        disposition = response["Content-Disposition"]
        assert disposition.startswith(f'attachment; filename="book-{book.pk}.pdf"; ')
        assert unquote(disposition.split("filename*=UTF-8''")[1]) == "باغهای-درهی-خشک.pdf"
        assert body(response) == book.pdf_fa.read()
        book.pdf_fa.close()

    def test_issue_file_name_has_the_periodical_and_the_number(self, client, periodicals):
        issue = make_issue(periodicals[0], number=12, languages=["en"])
        response = client.get(f"{issue.url_in('en')}download/")
        assert response["Content-Disposition"] == (
            'attachment; filename="newsletter-12-spring-harvest-12.pdf"; '
            "filename*=UTF-8''nejat-newsletter-12-spring-harvest-12.pdf"
        )
        body(response)

    def test_read_online_opens_the_pdf_inline(self, client, periodicals):
        issue = make_issue(periodicals[1], number=3, languages=["ar"], title_ar="حصاد الربيع")
        response = client.get(f"{issue.url_in('ar')}read/")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith('inline; filename="pars-brief-3.pdf"; ')
        assert unquote(response["Content-Disposition"].split("UTF-8''")[1]) == (
            "موجز-بارس-3-حصاد-الربيع.pdf"
        )
        assert body(response) == pdf_bytes(1)

    def test_detail_page_offers_read_and_download_with_the_file_size(self, client):
        book = make_book(languages=["en"])
        html = client.get(book.url_in("en")).content.decode()
        assert f'href="{book.url_in("en")}read/"' in html
        assert f'href="{book.url_in("en")}download/"' in html
        assert "Read online" in html and f"PDF, {book.pdf_size_en}" in html

    def test_missing_stored_file_is_404_not_500(self, client):
        book = make_book(languages=["en"])
        book.pdf_en.storage.delete(book.pdf_en.name)
        assert client.get(f"{book.url_in('en')}download/").status_code == 404


class TestPublishing:
    def test_drafts_and_scheduled_items_never_reach_readers(self, client, periodicals):
        hidden = [
            make_book(status="draft"),
            make_book(days_ago=-2),
            make_issue(periodicals[0], status="draft"),
            make_issue(periodicals[0], days_ago=-2),
        ]
        for page in [
            "/en/publications/",
            "/en/publications/books/",
            "/en/publications/newsletter/",
            "/en/publications/newsletter/feed/",
        ]:
            html = client.get(page).content.decode()
            for item in hidden:
                assert item.title_en not in html, page
        for item in hidden:
            for suffix in ("", "download/", "read/"):
                assert client.get(item.url_in("en") + suffix).status_code == 404

    def test_staff_preview_drafts_and_their_pdfs(self, editor_client, periodicals):
        book = make_book(status="draft")
        issue = make_issue(periodicals[0], status="draft")
        for item in (book, issue):
            response = editor_client.get(item.url_in("en"))
            assert response.status_code == 200
            assert "Preview" in response.content.decode()
            download = editor_client.get(f"{item.url_in('en')}download/")
            assert download.status_code == 200
            body(download)


class TestStructuredData:
    def test_book_page_describes_the_book_for_search_engines(self, client):
        import json

        book = make_book(languages=["fa"], authors_fa="میرا طحان، دانیل اوسی", isbn="9780306406157")
        html = client.get(book.url_in("fa")).content.decode()
        data = json.loads(
            html.split('<script type="application/ld+json">')[1].split("</script>")[0]
        )
        assert data["@type"] == "Book" and data["inLanguage"] == "fa"
        assert [author["name"] for author in data["author"]] == ["میرا طحان", "دانیل اوسی"]
        assert data["isbn"] == "9780306406157" and data["numberOfPages"] == 2


class TestBookList:
    def test_books_sort_by_year_newest_first_with_undated_books_last(self, client):
        books = [
            make_book(year=2001, days_ago=1),
            make_book(year=None, days_ago=2),
            make_book(year=2015, days_ago=3),
            make_book(year=2010, days_ago=4),
        ]
        newest = titles_on(client.get("/en/publications/books/"))
        assert newest == [book.title_en for book in books]
        by_year = titles_on(client.get("/en/publications/books/by-year/"))
        assert by_year == [books[i].title_en for i in (2, 3, 0, 1)]

    def test_books_are_paginated(self, client, settings):
        for day in range(12):
            make_book(days_ago=day + 1)
        assert len(titles_on(client.get("/en/publications/books/"))) == settings.NEJAT_PAGE_SIZE
        assert len(titles_on(client.get("/en/publications/books/by-year/?page=2"))) == 2
        assert client.get("/en/publications/books/?page=3").status_code == 404


class TestIssuePages:
    def test_issue_list_is_newest_first(self, client, periodicals):
        issues = [make_issue(periodicals[0], number=n, days_ago=40 - n) for n in (1, 2, 3)]
        listed = titles_on(client.get("/en/publications/newsletter/"))
        assert listed == [issue.title_en for issue in reversed(issues)]

    def test_issue_page_links_its_published_neighbours_in_the_same_periodical(
        self, client, periodicals
    ):
        newsletter, brief = periodicals
        first = make_issue(newsletter, number=1)
        make_issue(newsletter, number=2, status="draft")
        middle = make_issue(newsletter, number=3)
        last = make_issue(newsletter, number=4)
        make_issue(brief, number=5)
        html = client.get(middle.url_in("en")).content.decode()
        assert f'rel="prev" href="{first.url_in("en")}"' in html
        assert f'rel="next" href="{last.url_in("en")}"' in html
        html = client.get(last.url_in("en")).content.decode()
        assert 'rel="next"' not in html.split('aria-label="Other issues"')[1]

    def test_persian_issue_page_uses_the_solar_calendar_and_persian_digits(
        self, client, periodicals
    ):
        from datetime import date

        issue = make_issue(
            periodicals[0], number=12, languages=["fa"], issue_date=date(2025, 3, 21)
        )
        html = client.get(issue.url_in("fa")).content.decode()
        assert "۱ فروردین ۱۴۰۴" in html and "۱۲" in html
        assert 'datetime="2025-03-21"' in html


class TestFeeds:
    def test_feed_is_valid_rss_listing_the_newest_issues(self, client, periodicals):
        newsletter, brief = periodicals
        issues = [make_issue(newsletter, number=n, days_ago=60 - n) for n in range(1, 26)]
        other = make_issue(brief, number=99)
        text_only = make_issue(newsletter, number=30, days_ago=0, pdf=False, text=True)
        response = client.get("/en/publications/newsletter/feed/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == "rss20"
        assert feed.feed.title == "Nejat NewsLetter"
        assert feed.feed.link == "http://testserver/en/publications/newsletter/"
        assert feed.feed.language == "en"
        newest = [text_only] + issues[::-1][:19]
        assert [entry.link for entry in feed.entries] == [
            f"http://testserver{issue.url_in('en')}" for issue in newest
        ]
        assert feed.entries[1].title == f"No. 25: {issues[-1].title_en}"
        assert other.title_en not in response.content.decode()
        assert feed.entries[0].get("enclosures") == []
        enclosure = feed.entries[1].enclosures[0]
        assert enclosure.type == "application/pdf"
        assert enclosure.href == f"http://testserver{issues[-1].url_in('en')}download/"
        assert int(enclosure.length) == issues[-1].pdf_size_en

    def test_persian_feed_is_in_persian(self, client, periodicals):
        issue = make_issue(periodicals[1], number=7, languages=["fa"])
        feed = feedparser.parse(client.get("/fa/publications/pars-brief/feed/").content)
        assert feed.bozo == 0
        assert feed.feed.title == "گزیده‌ی پارس"
        assert feed.feed.language == "fa"
        # "No. %(number)s" gets its Persian words from the catalogue; the digits are ours.
        [entry] = feed.entries
        assert entry.title.endswith(f"۷: {issue.title_fa}")

    def test_periodical_page_announces_its_feed(self, client, periodicals):
        html = client.get("/en/publications/newsletter/").content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Nejat NewsLetter" '
            'href="/en/publications/newsletter/feed/">' in html
        )

    def test_unknown_periodical_is_404(self, client, periodicals):
        for page in ("/en/publications/bulletin/", "/en/publications/bulletin/feed/"):
            assert client.get(page).status_code == 404


class TestQueryCounts:
    """Each list page makes the same number of queries for 3 items as for 40."""

    def build(self, periodicals, count):
        for n in range(1, count + 1):
            make_book(languages=LANGUAGES, days_ago=n, year=1990 + n % 30)
            make_issue(periodicals[0], number=n, languages=LANGUAGES, days_ago=n)
            make_issue(periodicals[1], number=n, languages=LANGUAGES, days_ago=n, text=True)

    @pytest.mark.parametrize("count", [3, 40])
    @pytest.mark.parametrize(
        "page, queries",
        [
            # the periodicals, latest books, latest issues (the chrome is kept)
            ("/fa/publications/", 3),
            # the count and the page of books
            ("/fa/publications/books/", 2),
            ("/fa/publications/books/by-year/", 2),
            # the periodical, the count and the page of issues
            ("/fa/publications/newsletter/", 3),
            ("/fa/publications/pars-brief/?page=2", 3),
        ],
    )
    def test_list_pages(self, own_queries, periodicals, count, page, queries):
        self.build(periodicals, count)
        if count == 3 and "page=2" in page:
            page = page.replace("?page=2", "")
        assert own_queries(page, queries).status_code == 200

    @pytest.mark.parametrize("count", [3, 40])
    def test_detail_pages(self, own_queries, periodicals, count):
        self.build(periodicals, count)
        book_url = Book.objects.first().url_in("fa")
        issue_url = Issue.objects.get(periodical=periodicals[0], number=2).url_in("fa")
        # the book
        assert own_queries(book_url, 1).status_code == 200
        # the periodical, the issue, its two neighbours
        assert own_queries(issue_url, 4).status_code == 200
