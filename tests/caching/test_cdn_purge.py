"""A CDN in front of the site is told to drop its copies once a change commits."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.factories import make_article

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((self.path, self.headers["Authorization"], json.loads(body)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn_api(settings):
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Receiver.received = []
    settings.NEJAT_CDN_PURGE_URL = f"http://127.0.0.1:{server.server_port}/zones/news/purge"
    settings.NEJAT_CDN_PURGE_TOKEN = "s3cret"
    yield Receiver.received
    server.shutdown()


def test_publishing_purges_the_cdn_after_commit(
    cdn_api, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article(category, title_en="Purged at once")
    assert cdn_api == []  # nothing before the change commits
    for callback in callbacks:
        callback()
    assert cdn_api and cdn_api[-1] == (
        "/zones/news/purge",
        "Bearer s3cret",
        {"purge_everything": True},
    )


purged = []


def remember_purge():
    purged.append(True)


def test_a_function_can_be_the_hook(settings, category, django_capture_on_commit_callbacks):
    settings.NEJAT_CDN_PURGE = "tests.caching.test_cdn_purge.remember_purge"
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_article(category)
    assert purged


def test_no_hook_no_purge(category, django_capture_on_commit_callbacks, settings):
    assert not settings.NEJAT_CDN_PURGE and not settings.NEJAT_CDN_PURGE_URL
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_article(category)
    assert purged == []


def test_only_a_web_address_is_called(settings):
    from nejat.caching.cdn import purge_cdn

    settings.NEJAT_CDN_PURGE_URL = "file:///etc/passwd"
    with pytest.raises(ImproperlyConfigured):
        purge_cdn.call()
