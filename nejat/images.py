"""Uploaded images: checked by their content, and resized once, when saved.

Every image field of every app is a ``ResponsiveImageField``; templates show it
with ``{% responsive_image %}``, which points ``srcset`` at the renditions made here.
"""

import warnings
from io import BytesIO
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# The picture social networks show with a shared link: cropped to fill, as a JPEG.
SHARE_SIZE = (1200, 630)


def rendition_widths(original_width):
    return sorted({min(width, original_width) for width in settings.NEJAT_IMAGE_WIDTHS})


def fallback_extension(name):
    """PNG for images that may be transparent, JPEG for the rest."""
    return "png" if name.lower().endswith((".png", ".gif")) else "jpg"


def rendition_name(name, width, extension):
    return f"renditions/{PurePosixPath(name).with_suffix('')}-{width}.{extension}"


def share_rendition_name(name):
    return f"renditions/{PurePosixPath(name).with_suffix('')}-share.jpg"


def make_renditions(fieldfile):
    with fieldfile.open("rb"):
        image = Image.open(fieldfile)
        image.load()
    image = ImageOps.exif_transpose(image)
    fallback = fallback_extension(fieldfile.name)
    storage = fieldfile.storage
    for width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for extension in ("webp", fallback):
            if extension == "jpg":
                encoded = _encode(_flatten(resized), "JPEG", quality=82, optimize=True)
            elif extension == "png":
                encoded = _encode(resized.convert("RGBA"), "PNG", optimize=True)
            else:
                encoded = _encode(resized.convert("RGBA"), "WEBP", quality=80)
            _store(storage, rendition_name(fieldfile.name, width, extension), encoded)
    share = ImageOps.fit(_flatten(image), SHARE_SIZE, Image.LANCZOS)
    encoded = _encode(share, "JPEG", quality=82, optimize=True)
    _store(storage, share_rendition_name(fieldfile.name), encoded)


def _store(storage, name, content):
    storage.delete(name)
    storage.save(name, ContentFile(content))


def _flatten(image):
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode(image, image_format, **options):
    buffer = BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


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
        "too_big": _("This file is too big: it may be at most %(limit)s."),
    }

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        max_bytes = settings.NEJAT_MAX_UPLOAD_MB * 1024 * 1024
        if upload.size > max_bytes:
            raise ValidationError(
                self.error_messages["too_big"],
                code="too_big",
                params={"limit": filesizeformat(max_bytes)},
            )
        source = (
            upload.temporary_file_path()
            if hasattr(upload, "temporary_file_path")
            else BytesIO(upload.read())
        )
        image = self._open(source)
        upload.image = image
        upload.content_type = Image.MIME.get(image.format)
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
                if image.format not in ACCEPTED_FORMATS:
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


class ResponsiveImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new_upload = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if is_new_upload:
            make_renditions(file)
        return file
