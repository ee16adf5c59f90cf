"""Draft copies of change forms, kept while staff write (see nejat.editorial.autosave)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AutosaveQuerySet(models.QuerySet):
    def of(self, *items):
        """The autosaves of these items (all of one model)."""
        if not items:
            return self.none()
        return self.filter(
            content_type=ContentType.objects.get_for_model(items[0]),
            object_id__in=[str(item.pk) for item in items],
        )


class Autosave(models.Model):
    """The fields of one staff member's change form of one item, as autosave.js last
    sent them: never the item itself, nor one of its revisions. Each autosave replaces
    the one before; saving the item ends it."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.CharField(_("object id"), max_length=191)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE
    )
    data = models.JSONField(_("form fields"), default=dict)
    saved_at = models.DateTimeField(_("saved at"))
    # The item's last save when its form was opened: the autosave is a draft of that.
    item_saved_at = models.DateTimeField(_("item saved at"))

    objects = AutosaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="one_autosave_per_user_and_item"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} ({self.user})"
