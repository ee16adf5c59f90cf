"""Requests an attacker writes by hand get a plain 4xx answer, never a 500."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HOSTILE_HOSTS = [
    "evil.example",
    "news.example.org:80junk",
    "[::1",
    "[::1]:x",
    "[fe80::1%25eth0]",
    "nëws.example.org",
    "news.example.org\\@evil.example",
    "news.example.org/evil",
    "",
    " ",
    "a" * 300,
    "news.example.org, evil.example",
]


@pytest.fixture
def production_hosts(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["news.example.org"]


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
@pytest.mark.parametrize("path", ["/", "/en/", "/fa/articles/", "/en/contact/", "/admin/"])
def test_a_hostile_host_header_answers_400_with_a_page(production_hosts, host, path):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST=host)
    assert response.status_code == 400, (host, path, response.status_code)
    html = response.content.decode()
    assert "Bad request" in html or "درخواست نامعتبر" in html


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_form_pages_answer_only_get_head_and_post(client, category, method):
    from tests.factories import make_article

    article = make_article(category)
    for url in ("/en/contact/", article.url_in("en")):
        assert getattr(client, method)(url).status_code == 405
