"""The comment and contact forms work on pages every reader gets alike (no CSRF
cookie), and stay safe: a reader's post must come from the site's own pages, and
signed-in staff keep Django's CSRF protection."""

import pytest
from django.test import Client

from articles.models import Comment
from nejat.site.models import ContactMessage
from tests.factories import make_article, signed_moment

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def strict():
    """A client that, like a browser, gets no CSRF exemption from the test runner."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def story(category):
    return make_article(category, languages=("en",))


def comment(**overrides):
    return {
        "name": "Dana",
        "email": "dana@example.org",
        "text": "Thank you for this report.",
        "website": "",
        "shown_at": signed_moment(),
        **overrides,
    }


def contact(**overrides):
    return {
        "name": "Dana",
        "email": "dana@example.org",
        "subject": "A visit",
        "message": "May we visit the library?",
        "website": "",
        "shown_at": signed_moment(),
        **overrides,
    }


def test_the_article_page_has_the_comment_form_without_csrf_token(strict, story):
    response = strict.get(story.url_in("en"))
    html = response.content.decode()
    assert 'id="comment-form"' in html and "csrfmiddlewaretoken" not in html
    assert not response.cookies


@pytest.mark.parametrize("header", ["Origin", "Referer"])
def test_a_comment_from_the_sites_own_page_is_accepted_without_any_cookie(strict, story, header):
    value = SITE if header == "Origin" else SITE + story.url_in("en")
    response = strict.post(story.url_in("en"), comment(), headers={header: value})
    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://elsewhere.example"},
        {"Origin": "null"},
        {"Referer": "https://elsewhere.example/a-page/"},
        {"Origin": "http://testserver.elsewhere.example"},
    ],
)
def test_a_comment_posted_from_another_site_is_refused(strict, story, headers):
    response = strict.post(story.url_in("en"), comment(), headers=headers)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_contact_from_another_site_is_refused_and_from_ours_accepted(strict):
    refused = strict.post("/en/contact/", contact(), headers={"Origin": "https://x.example"})
    assert refused.status_code == 403 and ContactMessage.objects.count() == 0
    accepted = strict.post("/en/contact/", contact(), headers={"Origin": SITE})
    assert accepted.status_code == 302 and ContactMessage.objects.count() == 1


def test_on_https_a_post_with_neither_origin_nor_referer_is_refused(strict, story, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = strict.post(story.url_in("en"), comment(), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 403


class TestStaff:
    def test_signed_in_staff_without_the_csrf_token_are_refused(self, strict, editor, story):
        strict.force_login(editor)
        response = strict.post(story.url_in("en"), comment(), headers={"Origin": SITE})
        assert response.status_code == 403
        assert Comment.objects.count() == 0

    def test_signed_in_staff_with_the_csrf_token_comment_as_usual(self, strict, editor, story):
        strict.force_login(editor)
        page = strict.get(story.url_in("en"))
        token = page.context["csrf_token"]
        assert "csrfmiddlewaretoken" in page.content.decode()
        response = strict.post(
            story.url_in("en"), comment(csrfmiddlewaretoken=str(token)), headers={"Origin": SITE}
        )
        assert response.status_code == 302
        assert Comment.objects.count() == 1
