"""Two-factor sign-in for the admin.

A staff member who has enrolled an authenticator app must enter one of its codes (or a
recovery code) once per session before the admin opens; one in a group of
``NEJAT_TWO_FACTOR_GROUPS`` must enrol first, when ``NEJAT_TWO_FACTOR_REQUIRED`` (on in
production). Signing in and out, the admin language, and the enrolment and code pages
stay reachable.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

from nejat.admin_address import is_admin_path

OPEN_PAGES = {
    "login",
    "logout",
    "jsi18n",
    "two_factor_setup",
    "two_factor_verify",
    "admin_language",
}


def must_enrol(user):
    if not settings.NEJAT_TWO_FACTOR_REQUIRED:
        return False
    groups = settings.NEJAT_TWO_FACTOR_GROUPS
    return user.is_superuser or user.groups.filter(name__in=groups).exists()


def is_open(path):
    try:
        return resolve(path).url_name in OPEN_PAGES
    except Resolver404:
        return True  # the admin's own 404


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            is_admin_path(request.path_info)
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
            and not is_open(request.path_info)
        ):
            if user_has_device(user):
                return redirect(f"{reverse('two_factor_verify')}?next={request.path}")
            if must_enrol(user):
                return redirect(reverse("two_factor_setup"))
        return self.get_response(request)
