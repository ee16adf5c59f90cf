"""Enrolling an authenticator app, and entering its code after the password."""

from base64 import b32encode, b64encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
TOO_SOON = _("Too many wrong codes. Wait a few seconds and try again.")

staff_only = user_passes_test(lambda user: user.is_active and user.is_staff, "admin:login")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def qr_code(data):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + b64encode(buffer.getvalue()).decode()


def page(request, template, **context):
    context = {**admin.site.each_context(request), **context}
    return render(request, template, context)


@staff_only
def setup(request):
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": str(_("Authenticator app"))}
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", TOO_SOON)
        elif device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            codes = new_recovery_codes(request.user)
            return page(
                request, "signin/recovery_codes.html", codes=codes, title=_("Recovery codes")
            )
        else:
            form.add_error("code", _("This code is not the one your app shows. Try the next one."))
    return page(
        request,
        "signin/setup.html",
        form=form,
        qr_code=qr_code(device.config_url),
        secret=b32encode(device.bin_key).decode(),
        title=_("Set up two-factor sign-in"),
    )


def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in from a locked-out account or address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = page(
        request, "signin/locked_out.html", cooloff_minutes=minutes, title=_("Signing in is blocked")
    )
    response.status_code = 429
    return response


@staff_only
def verify(request):
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    next_url = request.POST.get("next") or request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("admin:index")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        devices = list(devices_for_user(request.user))
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        if not any(device.verify_is_allowed()[0] for device in devices):
            form.add_error("code", TOO_SOON)
        else:
            form.add_error("code", _("This code is wrong or was already used."))
    return page(
        request, "signin/verify.html", form=form, next=next_url, title=_("Two-factor sign-in")
    )
