"""Two-factor sign-in: an authenticator app's code after the password, recovery codes
for a lost phone, and enrolment required of Administrators and Editors."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.signin.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.NEJAT_TWO_FACTOR_REQUIRED = True


def code_now(device, steps_later=0):
    """The code the authenticator app shows now (or ``steps_later`` 30-second steps on)."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, drift=steps_later)
    return f"{code:06d}"


def after_the_pause():
    """django-otp makes each wrong code wait longer (1 s, 2 s, 4 s…): let that pass."""
    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=1))


def enrol(client):
    """Set up an authenticator through the pages; returns its device and recovery codes."""
    setup = client.get("/admin/two-factor/setup/")
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post("/admin/two-factor/setup/", {"code": code_now(device)})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    return TOTPDevice.objects.get(pk=device.pk), codes


class TestEnrolment:
    def test_an_editor_must_set_it_up_before_the_admin_opens(self, client, staff_in):
        staff_in("Editor")
        assert sign_in(client, "editor").status_code == 302
        response = client.get("/admin/articles/article/")
        assert response.status_code == 302 and response["Location"] == "/admin/two-factor/setup/"
        page = client.get("/admin/two-factor/setup/").content.decode()
        assert 'src="data:image/svg+xml;base64,' in page  # the QR code
        device = TOTPDevice.objects.get(user__username="editor")
        assert not device.confirmed and device.config_url.startswith("otpauth://totp/")

    def test_a_wrong_code_is_refused_and_the_right_one_turns_it_on(self, client, staff_in):
        staff_in("Administrator")
        sign_in(client, "administrator")
        refused = client.post("/admin/two-factor/setup/", {"code": "000000"})
        assert refused.status_code == 200
        assert "This code is not the one your app shows" in refused.content.decode()
        too_soon = client.post("/admin/two-factor/setup/", {"code": "000000"})
        assert "Wait a few seconds" in too_soon.content.decode()
        after_the_pause()
        device, codes = enrol(client)
        assert device.confirmed and len(codes) == 10 and len(set(codes)) == 10
        assert client.get("/admin/").status_code == 200

    def test_a_translator_is_not_made_to_enrol(self, client, staff_in):
        staff_in("Translator (fa)")
        sign_in(client, "translator (fa)")
        assert client.get("/admin/").status_code == 200

    def test_not_required_unless_set(self, client, staff_in, settings):
        settings.NEJAT_TWO_FACTOR_REQUIRED = False
        staff_in("Editor")
        sign_in(client, "editor")
        assert client.get("/admin/").status_code == 200


class TestSigningIn:
    @pytest.fixture
    def enrolled(self, client, staff_in):
        staff_in("Editor")
        sign_in(client, "editor")
        device, codes = enrol(client)
        return device, codes

    def test_the_password_alone_does_not_open_the_admin(self, enrolled):
        later = Client()
        assert sign_in(later, "editor").status_code == 302
        response = later.get("/admin/articles/article/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/two-factor/verify/?next=/admin/articles/article/"

    def test_a_fresh_code_opens_it_once(self, enrolled):
        device, _codes = enrolled
        later = Client()
        sign_in(later, "editor")
        wrong = later.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/"})
        assert "This code is wrong or was already used" in wrong.content.decode()
        after_the_pause()
        # The code used at enrolment was spent; the next one the app shows works.
        code = code_now(device, steps_later=1)
        response = later.post(
            "/admin/two-factor/verify/", {"code": code, "next": "/admin/articles/article/"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/articles/article/"
        assert later.get("/admin/articles/article/").status_code == 200
        third = Client()
        sign_in(third, "editor")
        reused = third.post("/admin/two-factor/verify/", {"code": code, "next": "/admin/"})
        assert reused.status_code == 200 and third.get("/admin/").status_code == 302

    def test_a_recovery_code_works_once(self, enrolled):
        _device, codes = enrolled
        for attempt in ("first", "second"):
            visitor = Client()
            sign_in(visitor, "editor")
            visitor.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
            opened = visitor.get("/admin/").status_code == 200
            assert opened == (attempt == "first")

    def test_next_cannot_lead_off_the_site(self, enrolled):
        device, _codes = enrolled
        later = Client()
        sign_in(later, "editor")
        response = later.post(
            "/admin/two-factor/verify/",
            {"code": code_now(device, steps_later=1), "next": "https://evil.example/"},
        )
        assert response["Location"] == "/admin/"

    def test_an_administrator_removes_a_lost_authenticator(self, enrolled, staff_in):
        lost, _codes = enrolled
        desk = Client()
        sign_in(desk, staff_in("Administrator", "boss").username)
        enrol(desk)
        response = desk.post(f"/admin/otp_totp/totpdevice/{lost.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302 and not TOTPDevice.objects.filter(pk=lost.pk).exists()
        assert not StaticDevice.objects.filter(user__username="editor").exists()
        again = Client()
        sign_in(again, "editor")
        assert again.get("/admin/")["Location"] == "/admin/two-factor/setup/"
