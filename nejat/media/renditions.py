"""Renditions of an uploaded image, made once when it is saved: each width of
``NEJAT_IMAGE_WIDTHS`` as WebP and as JPEG (PNG where the image may be
transparent), and a 1200×630 crop for social networks.

They are stored beside each other under ``renditions/``, named from the original
(``renditions/articles/2026/05/photo-800.webp``), so an image's field knows them
all without a table of its own.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.html import format_html
from PIL import Image, ImageOps

# The one JPEG/PNG width a browser without WebP gets.
FALLBACK_WIDTH = 800
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


def rendition_names(name, original_width):
    """Every rendition an image of this name and width has."""
    extensions = ("webp", fallback_extension(name))
    return [
        rendition_name(name, width, extension)
        for width in rendition_widths(original_width)
        for extension in extensions
    ] + [share_rendition_name(name)]


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


def thumbnail_html(image, width=80):
    """A small preview of an image field for admin lists, from its smallest rendition."""
    if not image:
        return ""
    return format_html('<img src="{}" alt="" width="{}" loading="lazy">', image.smallest_url, width)
