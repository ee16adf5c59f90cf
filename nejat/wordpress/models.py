from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One item brought in from a WordPress site, so that importing the same export
    again finds it (by site and WordPress id) instead of adding it twice."""

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        CATEGORY = "category", _("category")
        TAG = "tag", _("tag")
        COMMENT = "comment", _("comment")
        AUTHOR = "author", _("author")

    source_site = models.CharField(_("source site"), max_length=200)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, blank=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(
        _("checksum"), max_length=64, blank=True, help_text=_("Of the data last imported.")
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        app_label = "nejat"
        verbose_name = _("import record")
        verbose_name_plural = _("import records")
        constraints = [
            models.UniqueConstraint(
                fields=["source_site", "kind", "wordpress_id"], name="unique_import_record"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.source_site} {self.kind} {self.wordpress_id}"
