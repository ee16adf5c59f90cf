from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    """Staff sign-in: lockout after failed passwords (django-axes), two-factor sign-in
    with an authenticator app and recovery codes (django-otp), and each staff member's
    own admin language."""

    name = "nejat.signin"
    label = "nejat_signin"
    verbose_name = _("Staff sign-in")

    def ready(self):
        from nejat.signin import devices

        devices.connect()
