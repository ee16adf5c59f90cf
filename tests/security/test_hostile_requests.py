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


def test_only_staff_who_may_see_articles_preview_an_unpublished_one(
    client, category, django_user_model, editor
):
    from tests.factories import make_article

    draft = make_article(category, status="draft")
    bystander = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(bystander)
    assert client.get(draft.url_in("en")).status_code == 404
    client.force_login(editor)
    assert client.get(draft.url_in("en")).status_code == 200


def test_the_redirect_to_an_edition_carries_the_security_headers(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]


def test_static_files_are_not_offered_to_other_sites(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
