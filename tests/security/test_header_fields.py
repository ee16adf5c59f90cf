"""Line breaks in what ends up in an e-mail header: refused with a message, nothing
stored half, and a notice that can always be sent."""

import pytest
from django.core import mail

from articles.models import Comment
from nejat.site.models import ContactMessage, SiteSettings
from tests.factories import make_article, signed_moment

pytestmark = pytest.mark.django_db

INJECTION = "Hello\r\nBcc: someone@example.org"


@pytest.fixture(autouse=True)
def staff_addresses(db):
    SiteSettings.objects.create(notification_emails="desk@example.org")


def contact(**overrides):
    return {
        "name": "Dana",
        "email": "dana@example.org",
        "subject": "School visit",
        "message": "Could you visit?\nThank you.",
        "website": "",
        "shown_at": signed_moment(),
        **overrides,
    }


@pytest.mark.parametrize(
    "field,value",
    [("subject", INJECTION), ("name", INJECTION), ("email", "dana@example.org\r\nBcc: x@y.z")],
)
def test_a_contact_header_field_with_a_line_break_is_refused_with_a_message(client, field, value):
    response = client.post("/en/contact/", contact(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert ContactMessage.objects.count() == 0 and mail.outbox == []


def test_the_message_body_keeps_its_lines_and_the_notice_is_sent(client):
    response = client.post("/en/contact/", contact(subject="<img src=x> & more"))
    assert response.status_code == 302
    assert ContactMessage.objects.get().message == "Could you visit?\nThank you."
    (notice,) = mail.outbox
    assert "<img src=x> & more" in notice.subject and "&lt;" not in notice.subject
    assert "&lt;" not in notice.body


def test_the_refusal_is_translated(client):
    response = client.post("/fa/contact/", contact(subject=INJECTION))
    assert "line breaks" not in str(response.context["form"].errors)


@pytest.mark.parametrize("field", ["name", "email"])
def test_a_comment_header_field_with_a_line_break_is_refused(client, category, field):
    article = make_article(category)
    data = {
        "name": "Sami",
        "email": "sami@example.org",
        "text": "Thanks.",
        "website": "",
        "shown_at": signed_moment(),
    }
    data[field] += "\r\nBcc: x@y.z"
    response = client.post(article.url_in("en"), data)
    assert response.status_code == 200
    assert Comment.objects.count() == 0 and mail.outbox == []
