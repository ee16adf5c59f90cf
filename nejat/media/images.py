"""Uploaded images: checked by their content, and resized once, by the task worker.

Every image field of every app is a ``ResponsiveImageField``; its file knows its
renditions (``srcset``, the smallest, the largest, the share crop) and deletes them
with itself. Templates show it with ``{% responsive_image %}``.

Making the renditions takes seconds for a large photo, so a save only queues it
(``nejat.media.tasks``). Until the worker has made them, the model's
``renditions_ready_field`` is false and every address the file gives is the
original's: a page never points at a rendition that does not exist yet.
"""

import warnings
from io import BytesIO

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from PIL import Image

from nejat.media.renditions import (
    crop_height,
    crop_name,
    crop_widths,
    fallback_extension,
    make_renditions,
    rendition_name,
    rendition_names,
    rendition_widths,
    share_rendition_name,
)
from nejat.media.uploads import UnguessableNameMixin, check_size, stored_name

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}


class ImageFormField(forms.ImageField):
    """Accepts only a whole, decodable image of a web format within the size limits."""

    default_error_messages = {
        "invalid_image": _(
            "This file is not an image we can use. Upload a JPEG, PNG, GIF or WebP picture."
        ),
        "corrupt_image": _("This image is damaged or incomplete and cannot be read."),
        "too_many_pixels": _(
            "This image is too large: it may have at most %(limit)s million pixels."
        ),
    }

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_size(upload, settings.NEJAT_MAX_UPLOAD_MB)
        source = (
            upload.temporary_file_path()
            if hasattr(upload, "temporary_file_path")
            else BytesIO(upload.read())
        )
        image = self._open(source)
        upload.image = image
        upload.content_type = Image.MIME.get(image.format)
        upload.name = stored_name(upload.name, EXTENSIONS[image.format])
        if hasattr(upload, "seek") and callable(upload.seek):
            upload.seek(0)
        return upload

    def _open(self, source):
        limit = settings.NEJAT_MAX_IMAGE_PIXELS
        too_many_pixels = ValidationError(
            self.error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"limit": f"{limit / 1_000_000:g}"},
        )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(source)
                if image.format not in EXTENSIONS:
                    raise ValidationError(
                        self.error_messages["invalid_image"], code="invalid_image"
                    )
                if image.width * image.height > limit:
                    raise too_many_pixels
                try:
                    image.load()
                except (OSError, SyntaxError, ValueError) as error:
                    raise ValidationError(
                        self.error_messages["corrupt_image"], code="corrupt_image"
                    ) from error
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise too_many_pixels from error
        except ValidationError:
            raise
        except Exception as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        return image


class ResponsiveImageFieldFile(ImageFieldFile):
    """An uploaded image that knows its renditions (see ``renditions``)."""

    @property
    def original_width(self):
        return getattr(self.instance, self.field.width_field)

    @property
    def original_height(self):
        return getattr(self.instance, self.field.height_field)

    @property
    def renditions_ready(self):
        ready_field = self.field.renditions_ready_field
        return ready_field is None or getattr(self.instance, ready_field)

    @property
    def focal(self):
        """The focal point (percent across, percent down) of an image that has one."""
        fields = self.field.focal_fields
        return tuple(getattr(self.instance, name) for name in fields) if fields else None

    @property
    def widths(self):
        if not self.renditions_ready:
            return [self.original_width]
        return rendition_widths(self.original_width)

    def _url_of(self, rendition):
        """A rendition's address, or the original's while the renditions are being made."""
        return self.storage.url(rendition) if self.renditions_ready else self.url

    def rendition_url(self, width, extension="webp"):
        """The address of the largest rendition no wider than ``width``
        (``extension="fallback"`` for the JPEG/PNG one)."""
        if extension == "fallback":
            extension = fallback_extension(self.name)
        chosen = max([w for w in self.widths if w <= width] or self.widths[:1])
        return self._url_of(rendition_name(self.name, chosen, extension))

    def srcset(self, extension="webp", widths=None):
        if extension == "fallback":
            extension = fallback_extension(self.name)
        return ", ".join(
            f"{self._url_of(rendition_name(self.name, w, extension))} {w}w"
            for w in widths or self.widths
        )

    def crop_widths(self, crop):
        if not self.renditions_ready or self.focal is None:
            return [self.original_width]
        return crop_widths(crop, self.original_width, self.original_height)

    def crop_height(self, crop, width):
        return crop_height(crop, width, self.original_width, self.original_height)

    def crop_url(self, crop, width, extension="webp"):
        """The crop around the focal point no wider than ``width``; the original while
        the renditions are being made (or for an image without a focal point)."""
        if not self.renditions_ready or self.focal is None:
            return self.url
        if extension == "fallback":
            extension = fallback_extension(self.name)
        widths = self.crop_widths(crop)
        chosen = max([w for w in widths if w <= width] or widths[:1])
        return self.storage.url(crop_name(self.name, crop, chosen, extension, self.focal))

    def crop_srcset(self, crop, widths):
        return ", ".join(f"{self.crop_url(crop, w)} {w}w" for w in widths)

    @property
    def rendition_names(self):
        return rendition_names(
            self.name, self.original_width or 0, self.original_height or 0, self.focal
        )

    @property
    def smallest_url(self):
        return self.rendition_url(0)

    @property
    def largest_name(self):
        """The largest JPEG or PNG rendition, e.g. for a feed's enclosure."""
        if not self.renditions_ready:
            return self.name
        return rendition_name(self.name, self.widths[-1], fallback_extension(self.name))

    @property
    def largest_url(self):
        return self.storage.url(self.largest_name)

    @property
    def share_url(self):
        return self._url_of(share_rendition_name(self.name, self.focal))

    def delete(self, save=True):
        if self:
            for name in self.rendition_names:
                self.storage.delete(name)
        super().delete(save)


class ResponsiveImageField(UnguessableNameMixin, models.ImageField):
    """An image with renditions; ``renditions_ready_field`` names the model's boolean
    field that says whether they have been made (as ``width_field`` names its width);
    ``focal_fields`` name the two fields of its focal point, for its crops."""

    attr_class = ResponsiveImageFieldFile

    def __init__(self, *args, renditions_ready_field=None, focal_fields=None, **kwargs):
        self.renditions_ready_field = renditions_ready_field
        self.focal_fields = focal_fields
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions_ready_field:
            kwargs["renditions_ready_field"] = self.renditions_ready_field
        if self.focal_fields:
            kwargs["focal_fields"] = self.focal_fields
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        # Not for a migration's historical models: the task would read the real
        # models against a schema migrated only part of the way.
        if not cls._meta.abstract and cls.__module__ != "__fake__":
            post_save.connect(queue_renditions, sender=cls, weak=False)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new_upload = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if is_new_upload and self.renditions_ready_field:
            setattr(model_instance, self.renditions_ready_field, False)
        elif is_new_upload:  # a field without a flag to say they are not ready yet
            make_renditions(file)
        return file


def queue_renditions(sender, instance, raw=False, **kwargs):
    """Queue the renditions of every image of ``instance`` that lacks them: a new
    upload, or a save from a copy read before the worker was done. The task's row is
    written in the same transaction, so it runs once the save has committed."""
    from nejat.media.tasks import make_image_renditions

    if raw:
        return
    for field in sender._meta.concrete_fields:
        ready_field = getattr(field, "renditions_ready_field", None)
        if (
            not ready_field
            or getattr(instance, ready_field)
            or not getattr(instance, field.attname)
        ):
            continue
        result = make_image_renditions.enqueue(sender._meta.label, instance.pk, field.name)
        if result.is_finished:  # a backend that runs tasks at once
            setattr(instance, ready_field, result.return_value)
