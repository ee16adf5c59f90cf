"""The libraries' apps as the admin shows them, named in our languages: their own
names are English only ("Otp_Static", "TOTP devices", "Tasks Database Backend").
INSTALLED_APPS names these in place of the libraries' own app configs."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticDevicesAppConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPDevicesAppConfig
from django_tasks_db.apps import TasksAppConfig


def rename_model(model, singular, plural):
    # Only the names shown: migrations read the model's original Meta, left as it is.
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural


class SignInAttemptsConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class AuthenticatorAppsConfig(TOTPDevicesAppConfig):
    verbose_name = _("Authenticator apps")

    def ready(self):
        super().ready()
        rename_model(self.get_model("TOTPDevice"), _("authenticator app"), _("authenticator apps"))


class RecoveryCodesConfig(StaticDevicesAppConfig):
    verbose_name = _("Recovery codes")

    def ready(self):
        super().ready()
        rename_model(
            self.get_model("StaticDevice"), _("set of recovery codes"), _("sets of recovery codes")
        )


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")
