from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreference(models.Model):
    """What a staff member chose for themselves, kept with their account so that it
    follows them to every browser they sign in from."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_preference",
    )
    admin_language = models.CharField(
        _("admin language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The admin is shown in this language, whatever the browser asks for."),
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.user)
