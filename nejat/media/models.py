"""The image library: a picture uploaded once, with its renditions, its words for
readers in each language and its focal point; chosen as an article's featured image,
an album's cover or photo, and shown in any rich text by its address (the editor's
image button, the WordPress import)."""

from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from nejat.media.images import ResponsiveImageField
from nejat.media.renditions import rendition_names


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
        focal_fields=("focal_x", "focal_y"),
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
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Click the picture to set it: crops keep this point in view."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = LibraryImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("library image")
        verbose_name_plural = _("image library")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        """A moved focal point makes new crops (queued like any rendition) and deletes
        the old ones once the change has committed."""
        stored = getattr(self, "stored_focal", None)
        focal = (self.focal_x, self.focal_y)
        outdated = []
        if self.pk and self.file and stored and stored != focal:
            size = (self.file.name, self.width or 0, self.height or 0)
            outdated = set(rendition_names(*size, stored)) - set(rendition_names(*size, focal))
            self.renditions_ready = False
        super().save(*args, **kwargs)
        self.stored_focal = focal
        if outdated:
            storage = self.file.storage
            transaction.on_commit(lambda: [storage.delete(name) for name in outdated])

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        image.stored_focal = (image.__dict__.get("focal_x"), image.__dict__.get("focal_y"))
        return image
