"""The image library: a picture uploaded once, with its renditions, and shown in any
rich text by its address (the editor's image button, the WordPress import)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nejat.media.images import ResponsiveImageField


class LibraryImageQuerySet(models.QuerySet):
    def at_addresses(self, names):
        """The images stored under these names whose renditions are ready."""
        return self.filter(file__in=names, renditions_ready=True)


class LibraryImage(models.Model):
    file = ResponsiveImageField(
        _("image"),
        upload_to="library/%Y/%m/",
        width_field="width",
        height_field="height",
        renditions_ready_field="renditions_ready",
        max_length=300,
        unique=True,
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    renditions_ready = models.BooleanField(default=True, editable=False)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("For finding the image again.")
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = LibraryImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("library image")
        verbose_name_plural = _("image library")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]
