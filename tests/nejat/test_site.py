import re

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation

from articles.models import Author, Source
from nejat.publishing.calendars import calendar_of
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

EDITIONS = [("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("sq", "ltr")]


class TestEditions:
    @pytest.mark.parametrize("language, direction", EDITIONS)
    def test_home_has_the_editions_language_and_direction(self, client, language, direction):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()

    @pytest.mark.parametrize(
        "accept, edition",
        [
            ("fa", "/fa/"),
            ("ar-SA,ar;q=0.9", "/ar/"),
            ("sq", "/sq/"),
            ("de-DE,de", "/en/"),
            ("", "/en/"),
        ],
    )
    def test_root_sends_readers_to_the_edition_their_browser_prefers(self, client, accept, edition):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
        assert response.status_code == 302
        assert response["Location"] == edition

    def test_admin_has_no_language_prefix(self, client):
        assert client.get("/admin/login/").status_code == 200
        assert client.get("/fa/admin/").status_code == 404

    def test_interface_is_translated_on_each_edition(self, client):
        english = client.get("/en/").content.decode()
        for language in ("ar", "fa", "sq"):
            html = client.get(f"/{language}/").content.decode()
            assert "Recent posts" in english and "Recent posts" not in html, language


class TestHealthCheck:
    def test_answers_200_when_the_database_answers(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200

    def test_answers_503_when_the_database_does_not(self, client, monkeypatch):
        def broken_cursor(*args, **kwargs):
            raise DatabaseError("connection refused")

        from django.db import connection

        monkeypatch.setattr(connection, "cursor", broken_cursor)
        assert client.get("/healthz").status_code == 503


class TestGuards:
    def test_no_model_change_lacks_its_migration(self):
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)

    @pytest.mark.parametrize("language, _direction", EDITIONS)
    def test_every_public_page_answers_200_with_exactly_one_h1(
        self, client, category, language, _direction
    ):
        source = Source.objects.create(slug="پیک-رود", name_fa="پیک رود")
        article = make_article(category, languages=["en", "ar", "fa", "sq"], source=source)
        tag = make_tag()
        article.tags.add(tag)
        article.authors.add(Author.objects.create(slug="nadia-karimi", name_en="Nadia Karimi"))
        month = calendar_of(language).month_at(article.publish_at)
        with translation.override(language):
            section_lists = [
                reverse(name)
                for name in (
                    "contact",
                    "media_library:index",
                    "media_library:cartoons",
                    "media_library:newspics",
                    "media_library:albums",
                    "media_library:videos",
                    "publications:index",
                    "publications:books",
                    "publications:books_by_year",
                )
            ]
        urls = section_lists + [
            f"/{language}/",
            f"/{language}/articles/",
            f"/{language}/articles/category/{category.slug}/",
            f"/{language}/articles/tag/{tag.slug}/",
            f"/{language}/articles/author/nadia-karimi/",
            f"/{language}/articles/source/پیک-رود/",
            f"/{language}/articles/{month.year}/{month.month:02d}/",
            article.url_in(language),
        ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert len(re.findall(r"<h1[\s>]", html)) == 1, url
            assert '<link rel="canonical"' in html and "<title>" in html, url
            assert '<meta name="description" content="' in html, url
            assert 'property="og:title"' in html, url
