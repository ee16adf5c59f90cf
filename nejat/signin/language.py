"""Each staff member's admin language: chosen in the admin's header, kept with their
account, and used for every admin page they open, whatever their browser asks for.

The public site is not concerned: its editions keep their addresses (/fa/, /ar/, …),
and the choice sets no language cookie.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nejat.admin_address import is_admin_path
from nejat.signin.models import StaffPreference


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)


def chosen_language(user):
    """The admin language the user chose, or "" if they never chose one."""
    chosen = StaffPreference.objects.filter(user=user).values_list("admin_language", flat=True)
    return chosen.first() or ""


class AdminLanguageMiddleware:
    """After authentication, before any admin view: the user's admin language replaces
    the one the locale middleware took from the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_path(request.path_info) and request.user.is_authenticated:
            language = chosen_language(request.user)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
@user_passes_test(lambda user: user.is_active and user.is_staff, "admin:login")
def choose(request):
    form = LanguageForm(request.POST)
    if form.is_valid():
        StaffPreference.objects.update_or_create(
            user=request.user, defaults={"admin_language": form.cleaned_data["language"]}
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, {request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("admin:index")
    return redirect(back)
