"""Renditions of an uploaded image, made once when it is saved: each width of
``NEJAT_IMAGE_WIDTHS`` as WebP and as JPEG (PNG where the image may be
transparent), and a 1200×630 crop for social networks.

An image with a focal point (those of the image library) is also cut to the shapes
of ``CROPS`` for cards and galleries, each crop centred on that point as far as the
picture allows; the share crop is centred on it too. Those names carry the point
(``-4x3-400-f30-60.webp``), so moving it gives new addresses no cache has kept.

They are stored beside each other under ``renditions/``, named from the original
(``renditions/articles/2026/05/photo-800.webp``), so an image's field knows them
all without a table of its own.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Model
from django.utils.html import format_html
from PIL import Image, ImageOps

# The one JPEG/PNG width a browser without WebP gets.
FALLBACK_WIDTH = 800
# The picture social networks show with a shared link: cropped to fill, as a JPEG.
SHARE_SIZE = (1200, 630)
# Shapes cut around the focal point: a card's 4:3, a gallery's square.
CROPS = {"4x3": (4, 3), "1x1": (1, 1)}
CROP_WIDTHS = (400, 800)
CENTRE = (50, 50)


def rendition_widths(original_width):
    return sorted({min(width, original_width) for width in settings.NEJAT_IMAGE_WIDTHS})


def fallback_extension(name):
    """PNG for images that may be transparent, JPEG for the rest."""
    return "png" if name.lower().endswith((".png", ".gif")) else "jpg"


def rendition_name(name, width, extension):
    return f"renditions/{PurePosixPath(name).with_suffix('')}-{width}.{extension}"


def _focal_suffix(focal):
    return "" if focal is None else f"-f{focal[0]}-{focal[1]}"


def share_rendition_name(name, focal=None):
    return f"renditions/{PurePosixPath(name).with_suffix('')}-share{_focal_suffix(focal)}.jpg"


def crop_name(name, crop, width, extension, focal):
    stem = PurePosixPath(name).with_suffix("")
    return f"renditions/{stem}-{crop}-{width}{_focal_suffix(focal)}.{extension}"


def largest_box(shape, original_width, original_height):
    """The largest box of this shape (across, down) inside the picture: (width, height)."""
    across, down = shape
    width = max(1, min(original_width, original_height * across // down))
    return width, max(1, min(original_height, width * down // across))


def crop_size(crop, original_width, original_height):
    return largest_box(CROPS[crop], original_width, original_height)


def crop_height(crop, width, original_width, original_height):
    """The height of the crop's rendition ``width`` pixels wide."""
    box_width, box_height = crop_size(crop, original_width, original_height)
    return max(1, round(box_height * width / box_width))


def crop_widths(crop, original_width, original_height):
    largest = crop_size(crop, original_width, original_height)[0]
    return sorted({min(width, largest) for width in CROP_WIDTHS})


def rendition_names(name, original_width, original_height=0, focal=None):
    """Every rendition an image of this name, size and focal point has."""
    extensions = ("webp", fallback_extension(name))
    names = [
        rendition_name(name, width, extension)
        for width in rendition_widths(original_width)
        for extension in extensions
    ]
    if focal is not None:
        names += [
            crop_name(name, crop, width, extension, focal)
            for crop in CROPS
            for width in crop_widths(crop, original_width, original_height or 1)
            for extension in extensions
        ]
    return [*names, share_rendition_name(name, focal)]


def focal_box(image_size, box_size, focal):
    """Where a box of ``box_size`` sits in the picture: centred on the focal point
    (percent across, down) as far as the picture's edges allow."""
    box = []
    for length, side, percent in zip(image_size, box_size, focal, strict=True):
        start = round(length * percent / 100 - side / 2)
        box.append(min(max(start, 0), length - side))
    return (box[0], box[1], box[0] + box_size[0], box[1] + box_size[1])


def fit_around(image, size, focal):
    """The picture cut to the shape of ``size`` around the focal point, then resized."""
    cut = image.crop(focal_box(image.size, largest_box(size, *image.size), focal))
    return cut.resize(size, Image.LANCZOS)


def make_renditions(fieldfile):
    with fieldfile.open("rb"):
        image = Image.open(fieldfile)
        image.load()
    image = ImageOps.exif_transpose(image)
    storage = fieldfile.storage
    for width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        _store_all(
            storage,
            resized,
            lambda ext, w=width: rendition_name(fieldfile.name, w, ext),
            fieldfile.name,
        )
    focal = fieldfile.focal
    if focal is not None:
        for crop in CROPS:
            for width in crop_widths(crop, image.width, image.height):
                size = (width, crop_height(crop, width, image.width, image.height))
                _store_all(
                    storage,
                    fit_around(image, size, focal),
                    lambda ext, c=crop, w=width: crop_name(fieldfile.name, c, w, ext, focal),
                    fieldfile.name,
                )
    share = fit_around(_flatten(image), SHARE_SIZE, focal or CENTRE)
    encoded = _encode(share, "JPEG", quality=82, optimize=True)
    _store(storage, share_rendition_name(fieldfile.name, focal), encoded)


def _store_all(storage, image, name_for, original_name):
    """The picture as WebP and as its JPEG or PNG fallback."""
    for extension in ("webp", fallback_extension(original_name)):
        if extension == "jpg":
            encoded = _encode(_flatten(image), "JPEG", quality=82, optimize=True)
        elif extension == "png":
            encoded = _encode(image.convert("RGBA"), "PNG", optimize=True)
        else:
            encoded = _encode(image.convert("RGBA"), "WEBP", quality=80)
        _store(storage, name_for(extension), encoded)


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


def image_file(image):
    """The file of an image: a library image's (a model), or an image field's own."""
    return image.file if isinstance(image, Model) else image


def thumbnail_html(image, width=80):
    """A small preview of an image (a library image or an image field's file) for admin
    lists, from its smallest rendition."""
    image = image_file(image)
    if not image:
        return ""
    return format_html('<img src="{}" alt="" width="{}" loading="lazy">', image.smallest_url, width)
