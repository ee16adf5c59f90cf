"""What operators see: a JSON line per request in production, the staff audit list,
error reports without personal data."""

import json
import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import make_article
from tests.nejat.test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db


class TestRequestLog:
    def test_one_line_per_request_with_its_id_status_and_duration(self, client, caplog):
        with caplog.at_level(logging.INFO, logger="nejat.requests"):
            response = client.get("/en/no-such-page/")
        (record,) = [r for r in caplog.records if r.name == "nejat.requests"]
        assert record.status == 404 and record.path == "/en/no-such-page/"
        assert record.request_id == response["X-Request-ID"] and record.duration_ms >= 0
        assert record.user_id is None

    def test_staff_are_named_by_id(self, editor_client, editor, caplog):
        with caplog.at_level(logging.INFO, logger="nejat.requests"):
            editor_client.get("/admin/")
        (record,) = [r for r in caplog.records if r.name == "nejat.requests"]
        assert record.user_id == editor.pk

    def test_the_proxys_request_id_is_kept_only_from_a_trusted_proxy(self, client, settings):
        given = {"X-Request-ID": "0f3c9a7e5b1d4c2a8e6f"}
        assert client.get("/healthz", headers=given)["X-Request-ID"] != given["X-Request-ID"]
        settings.NEJAT_TRUSTED_PROXIES = 1
        assert client.get("/healthz", headers=given)["X-Request-ID"] == given["X-Request-ID"]

    def test_production_writes_json_lines(self):
        script = (
            "from django.test import Client; "
            "Client(HTTP_HOST='news.example.org').get('/healthz', secure=True)"
        )
        result = manage("shell", "-c", script, **PRODUCTION)
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
        (request,) = [line for line in lines if line["logger"] == "nejat.requests"]
        assert request["path"] == "/healthz" and request["status"] in (200, 503)
        assert {"time", "level", "request_id", "duration_ms", "method"} <= set(request)

    def test_error_reports_carry_no_personal_data(self):
        script = (
            "import sentry_sdk; o = sentry_sdk.get_client().options; "
            "print(o['dsn'], o['send_default_pii'])"
        )
        dsn = "https://public@errors.example.org/7"
        result = manage("shell", "-c", script, **PRODUCTION, SENTRY_DSN=dsn)
        assert result.stdout.split()[-2:] == [dsn, "False"], result.stderr


class TestAuditList:
    def test_administrators_see_who_published_what(self, category, django_user_model):
        author = django_user_model.objects.create_superuser("desk", "desk@example.org", "pw")
        desk = Client()
        desk.force_login(author)
        article = make_article(category, status="draft", title_en="Water report")
        response = desk.post(
            "/admin/articles/article/",
            {"action": "publish", "_selected_action": [article.pk]},
        )
        assert response.status_code == 302
        assert LogEntry.objects.filter(object_id=str(article.pk), user=author).exists()
        listing = desk.get("/admin/admin/logentry/").content.decode()
        assert "Water report" in listing and "desk" in listing

    def test_editors_do_not_see_it(self, django_user_model, groups):
        editor = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editor"))
        client = Client()
        client.force_login(editor)
        assert client.get("/admin/admin/logentry/").status_code == 403
