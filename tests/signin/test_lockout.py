"""Guessing staff passwords: a few tries per account and per address, then a pause."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client

from tests.signin.conftest import sign_in

pytestmark = pytest.mark.django_db


def fail(client, username, times, **headers):
    """Wrong passwords: the login form again with its error, until the last one locks."""
    codes = [
        sign_in(client, username, "wrong-password", **headers).status_code for _ in range(times)
    ]
    assert codes[:-1] == [200] * (times - 1) and codes[-1] in (200, 429)


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


class TestLockout:
    def test_after_five_wrong_passwords_even_the_right_one_is_refused(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 5)
        response = sign_in(client, "editor")
        assert response.status_code == 429
        page = response.content.decode()
        assert "Signing in is blocked for 15 minutes, even with the right password" in page
        assert not is_signed_in(client)

    def test_four_wrong_passwords_leave_the_right_one_working(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 4)
        assert sign_in(client, "editor").status_code == 302
        assert is_signed_in(client)

    def test_the_block_ends_with_the_cool_off(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 5)
        assert sign_in(client, "editor").status_code == 429
        earlier = AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
        AccessAttempt.objects.update(attempt_time=earlier)
        assert sign_in(client, "editor").status_code == 302

    def test_an_administrator_lifts_the_block_in_the_admin(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 5)
        administrator = staff_in("Administrator")
        desk = Client()
        desk.force_login(administrator)
        attempts = desk.get("/admin/axes/accessattempt/")
        assert attempts.status_code == 200 and "editor" in attempts.content.decode()
        attempt = AccessAttempt.objects.get()
        response = desk.post(
            "/admin/axes/accessattempt/",
            {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
        )
        assert response.status_code == 302 and not AccessAttempt.objects.exists()
        assert sign_in(client, "editor").status_code == 302

    def test_the_block_is_translated(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 5)
        response = sign_in(client, "editor", **{"accept-language": "fa"})
        assert response.status_code == 429
        page = response.content.decode()
        assert 'lang="fa"' in page and "ورود" in page

    def test_failures_are_kept_for_administrators(self, client, staff_in):
        staff_in("Editor")
        fail(client, "editor", 2)
        assert AccessFailureLog.objects.filter(username="editor").count() == 2


class TestOneAddressManyAccounts:
    def test_guessing_across_accounts_from_one_address_is_stopped(self, client, staff_in):
        for number in range(30):
            response = sign_in(client, f"someone-{number}", "wrong-password")
            if response.status_code == 429:
                break
        assert number == 4  # the fifth failure locks, whatever the accounts
        staff_in("Editor")
        assert sign_in(client, "editor").status_code == 429

    def test_other_addresses_still_sign_in(self, client, staff_in):
        staff_in("Editor", "first")
        staff_in("Author", "second")
        guesser = Client(REMOTE_ADDR="203.0.113.7")
        fail(guesser, "nobody", 5)
        assert sign_in(guesser, "first").status_code == 429
        other = Client(REMOTE_ADDR="198.51.100.4")
        assert sign_in(other, "second").status_code == 302


class TestBehindTheProxy:
    @pytest.fixture(autouse=True)
    def behind_nginx(self, settings):
        settings.NEJAT_TRUSTED_PROXIES = 1

    def test_a_forged_forwarded_address_does_not_escape_the_block(self, staff_in):
        staff_in("Editor")
        visitor = Client(REMOTE_ADDR="127.0.0.1")  # nginx, on the same machine
        for number in range(6):
            # The visitor writes a new address each time; nginx appends the real one.
            forwarded = f"10.0.0.{number}, 203.0.113.9"
            response = visitor.post(
                "/admin/login/",
                {"username": f"guess-{number}", "password": "x"},
                headers={"x-forwarded-for": forwarded},
            )
        assert response.status_code == 429
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
