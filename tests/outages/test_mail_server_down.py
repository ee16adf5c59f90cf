"""The mail server being down never shows a visitor an error nor loses a notice."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from articles.models import Comment
from nejat.site.models import ContactMessage, SiteSettings, StaffNotice
from tests.factories import make_article, signed_moment

pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_port(settings):
    """A closed port where the site's mail server should be, until a test opens it."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.NEJAT_NOTICE_RETRY_SECONDS = (0, 0)
    SiteSettings.objects.create(notification_emails="desk@example.org")
    return port


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker(**options):
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0, **options)


def start_mail_server(port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return inbox, controller


def contact_message():
    return {
        "name": "Dana Lee",
        "email": "dana@example.org",
        "subject": "School visit",
        "message": "Could your volunteers visit our school in spring?",
        "website": "",
        "shown_at": signed_moment(),
    }


def test_contact_post_is_thanked_and_its_notice_sent_once_the_server_is_back(
    client, smtp_port, database_queue
):
    response = client.post("/en/contact/", contact_message())
    assert response.status_code == 302 and response["Location"] == "/en/contact/thanks/"
    assert ContactMessage.objects.count() == 1
    notice = StaffNotice.objects.get()
    assert notice.about == ContactMessage.objects.get() and not notice.is_sent

    run_worker(max_tasks=1)  # the server is still down: the attempt fails and is queued again
    notice.refresh_from_db()
    assert notice.attempts == 1 and not notice.is_sent and "Connection" in notice.last_error

    inbox, controller = start_mail_server(smtp_port)
    try:
        run_worker()
    finally:
        controller.stop()
    notice.refresh_from_db()
    assert notice.is_sent and notice.attempts == 2
    assert len(inbox.envelopes) == 1 and inbox.envelopes[0].rcpt_tos == ["desk@example.org"]
    assert b"School visit" in inbox.envelopes[0].content
    assert ContactMessage.objects.count() == 1 and StaffNotice.objects.count() == 1


def test_a_notice_that_never_gets_through_stays_unsent_and_can_be_sent_again(
    client, smtp_port, database_queue, admin_client
):
    client.post("/en/contact/", contact_message())
    run_worker()  # every attempt fails, then the worker stops trying
    notice = StaffNotice.objects.get()
    assert notice.attempts == 3 and not notice.is_sent

    inbox_page = admin_client.get("/admin/nejat/contactmessage/").content.decode()
    assert 'alt="False"' in inbox_page  # "staff notified: no"
    unsent = admin_client.get("/admin/nejat/staffnotice/?sent_at__isnull=True")
    assert "School visit" in unsent.content.decode()

    inbox, controller = start_mail_server(smtp_port)
    try:
        action = {"action": "send_again", "_selected_action": [notice.pk]}
        response = admin_client.post("/admin/nejat/staffnotice/", action, follow=True)
        assert "1 notice queued to be sent again." in response.content.decode()
        run_worker()
    finally:
        controller.stop()
    notice.refresh_from_db()
    assert notice.is_sent and len(inbox.envelopes) == 1
    inbox_page = admin_client.get("/admin/nejat/contactmessage/").content.decode()
    assert 'alt="True"' in inbox_page


def test_comment_post_is_thanked_while_the_mail_server_is_down(client, smtp_port, category):
    article = make_article(category, languages=["en"])
    data = {
        "name": "Sami",
        "email": "sami@example.org",
        "text": "Thank you for this report.",
        "website": "",
        "shown_at": signed_moment(),
    }
    response = client.post(article.url_in("en"), data)
    assert response.status_code == 302 and response["Location"].endswith("#comments")
    comment = Comment.objects.get()
    notice = StaffNotice.objects.get()
    assert notice.about == comment and notice.attempts == 1 and not notice.is_sent
