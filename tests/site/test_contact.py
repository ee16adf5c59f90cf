import pytest
from django.core import mail

from nejat.site.models import ContactMessage, SiteSettings
from tests.factories import signed_moment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def staff_addresses(db):
    SiteSettings.objects.create(notification_emails="desk@example.org\nchief@example.org")


def message(**overrides):
    data = {
        "name": "Dana Lee",
        "email": "dana@example.org",
        "subject": "School visit",
        "message": "Could your volunteers visit our school in spring?",
        "website": "",
        "shown_at": signed_moment(),
    }
    data.update(overrides)
    return data


class TestContactForm:
    def test_page_has_the_form_with_a_honeypot_and_no_cookie(self, client):
        response = client.get("/sq/contact/")
        html = response.content.decode()
        assert 'name="csrfmiddlewaretoken"' not in html and not response.cookies
        assert 'name="website"' in html and 'name="shown_at"' in html
        assert "Na shkruani" in html or "<h1" in html

    def test_valid_message_is_stored_and_mailed_in_the_visitors_language(self, client):
        response = client.post("/fa/contact/", message(), REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 302
        assert response["Location"] == "/fa/contact/thanks/"
        stored = ContactMessage.objects.get()
        assert stored.language == "fa" and stored.subject == "School visit"
        assert "203.0.113.7" not in stored.ip_hash and len(stored.ip_hash) == 64
        assert len(mail.outbox) == 1
        sent = mail.outbox[0]
        assert sent.to == ["desk@example.org", "chief@example.org"]
        assert "School visit" in sent.subject and "Contact form" not in sent.subject
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        assert '<html lang="fa" dir="rtl">' in thanks.content.decode()

    def test_invalid_message_shows_translated_errors_and_keeps_the_input(self, client):
        response = client.post("/ar/contact/", message(email="not-an-address", message=""))
        assert response.status_code == 200
        html = response.content.decode()
        assert "not-an-address" in html and "Dana Lee" in html
        errors = response.context["form"].errors
        assert set(errors) == {"email", "message"}
        assert "Enter a valid email address." not in str(errors)
        assert ContactMessage.objects.count() == 0 and mail.outbox == []

    @pytest.mark.parametrize("spam", ["honeypot", "too fast"])
    def test_honeypot_or_too_fast_post_stores_nothing(self, client, spam):
        trap = {"website": "http://spam.example"} if spam == "honeypot" else {}
        if spam == "too fast":
            trap["shown_at"] = signed_moment(seconds_ago=1)
        response = client.post("/en/contact/", message(**trap))
        assert response.status_code == 200
        assert response.context["form"].non_field_errors()
        assert ContactMessage.objects.count() == 0 and mail.outbox == []

    def test_each_refusal_names_its_real_reason(self, client):
        too_fast = client.post("/en/contact/", message(shown_at=signed_moment(seconds_ago=1)))
        assert "faster than people write" in too_fast.content.decode()
        empty = client.post("/en/contact/", {"shown_at": signed_moment(seconds_ago=1)})
        page = empty.content.decode()
        assert "This field is required" in page
        assert "faster than people write" not in page and "could not be accepted" not in page

    def test_forged_timestamp_is_refused(self, client):
        response = client.post("/en/contact/", message(shown_at="123.forged"))
        assert response.status_code == 200 and ContactMessage.objects.count() == 0

    def test_sixth_message_in_an_hour_from_one_address_is_refused(self, client):
        for _ in range(5):
            assert (
                client.post("/en/contact/", message(), REMOTE_ADDR="198.51.100.4").status_code
                == 302
            )
        refused = client.post("/en/contact/", message(), REMOTE_ADDR="198.51.100.4")
        assert refused.status_code == 429
        assert ContactMessage.objects.count() == 5
        other = client.post("/en/contact/", message(), REMOTE_ADDR="198.51.100.5")
        assert other.status_code == 302

    def test_refusal_page_is_translated(self, client, settings):
        settings.NEJAT_CONTACT_LIMIT_PER_HOUR = 0
        response = client.post("/sq/contact/", message())
        assert response.status_code == 429
        assert '<html lang="sq"' in response.content.decode()
        assert "Too many messages" not in response.content.decode()

    def test_post_from_another_site_gets_the_translated_refusal_page(self):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        response = strict.post(
            "/fa/contact/", message(), headers={"Origin": "https://elsewhere.example"}
        )
        assert response.status_code == 403
        assert '<html lang="fa" dir="rtl">' in response.content.decode()
        assert ContactMessage.objects.count() == 0


class TestInbox:
    def test_staff_read_and_sort_messages(self, editor_client):
        stored = ContactMessage.objects.create(
            name="Dana", email="dana@example.org", subject="Hello", message="Hi", language="sq"
        )
        listing = editor_client.get("/admin/nejat/contactmessage/?language__exact=sq&q=Hello")
        assert listing.status_code == 200 and "Hello" in listing.content.decode()
        page = editor_client.get(f"/admin/nejat/contactmessage/{stored.pk}/change/")
        assert 'href="mailto:dana@example.org?subject=Re%3A%20Hello"' in page.content.decode()
        stored.refresh_from_db()
        assert stored.is_read
        editor_client.post(
            "/admin/nejat/contactmessage/",
            {"action": "mark_spam", "_selected_action": [stored.pk]},
        )
        stored.refresh_from_db()
        assert stored.is_spam
