"""Public forms: a copy of a form is sent once and for a few hours; with the cache
down a post is refused politely, never a 500, and nothing is stored."""

import socket

import pytest
from django.core import mail, signing

from articles.models import Comment
from nejat.site.models import ContactMessage, SiteSettings
from tests.factories import make_article, signed_moment

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def staff_addresses(db):
    SiteSettings.objects.create(notification_emails="desk@example.org")


def message(token):
    return {
        "name": "Dana",
        "email": "dana@example.org",
        "subject": "School visit",
        "message": "Could your volunteers visit our school?",
        "website": "",
        "shown_at": token,
    }


def test_the_same_form_sent_twice_is_refused_the_second_time(client):
    token = signed_moment()
    assert client.post("/en/contact/", message(token)).status_code == 302
    again = client.post("/en/contact/", message(token))
    assert again.status_code == 400
    assert "already been sent" in again.content.decode()
    assert ContactMessage.objects.count() == 1 and len(mail.outbox) == 1


def test_a_form_with_a_mistake_can_be_corrected_and_sent_with_the_same_token(client):
    token = signed_moment()
    wrong = client.post("/en/contact/", {**message(token), "email": "not-an-address"})
    assert wrong.status_code == 200
    assert client.post("/en/contact/", message(token)).status_code == 302


def test_a_form_shown_hours_ago_has_expired(client, settings, monkeypatch):
    settings.NEJAT_FORM_MAX_AGE_SECONDS = 3 * 3600
    four_hours_ago = signing.time.time() - 4 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: four_hours_ago)
        token = signed_moment()
    response = client.post("/en/contact/", message(token))
    assert response.status_code == 200 and "expired" in response.content.decode()
    assert ContactMessage.objects.count() == 0


REDIS_DOWN = {
    "default": {
        "BACKEND": "nejat.caching.backends.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
    }
}


@pytest.fixture
def cache_down(settings):
    settings.CACHES = REDIS_DOWN


def test_with_the_cache_down_readers_still_get_pages(client, category, cache_down):
    article = make_article(category)
    assert client.get("/en/").status_code == 200
    assert client.get(article.url_in("en")).status_code == 200


def test_with_the_cache_down_a_contact_post_is_refused_politely_and_kept(client, cache_down):
    response = client.post("/en/contact/", message(signed_moment()))
    assert response.status_code == 503 and response["Retry-After"]
    html = response.content.decode()
    assert "try again in a few minutes" in html
    assert "Could your volunteers visit our school?" in html  # the visitor's text, kept
    assert ContactMessage.objects.count() == 0 and mail.outbox == []


def test_with_the_cache_down_a_comment_post_is_refused_politely(client, category, settings):
    article = make_article(category)
    settings.CACHES = REDIS_DOWN
    data = {
        "name": "Sami",
        "email": "sami@example.org",
        "text": "Thanks for this.",
        "website": "",
        "shown_at": signed_moment(),
    }
    response = client.post(article.url_in("en"), data)
    assert response.status_code == 503
    assert "Thanks for this." in response.content.decode()
    assert Comment.objects.count() == 0


def test_too_many_posts_keeps_what_the_visitor_wrote(client, settings):
    settings.NEJAT_CONTACT_LIMIT_PER_HOUR = 1
    client.post("/en/contact/", message(signed_moment()))
    response = client.post("/en/contact/", message(signed_moment()))
    assert response.status_code == 429
    assert "Could your volunteers visit our school?" in response.content.decode()
