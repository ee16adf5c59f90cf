"""Images of the library in rich text: ``<img src>`` pointing at a library image's
original gains its renditions (``{{ body|safe|responsive_images }}``).

The stored text keeps the plain address an editor pasted or the import wrote, so it
stays valid whatever ``NEJAT_IMAGE_WIDTHS`` becomes; the renditions are added when
the page is made (one query, only for text that holds an image).
"""

import html
import re
from functools import reduce
from operator import or_
from urllib.parse import unquote

from django.apps import apps
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from nejat.media.models import LibraryImage
from nejat.media.renditions import FALLBACK_WIDTH
from nejat.publishing.models import Publishable
from nejat.publishing.richtext import RichTextField

IMAGE = re.compile(r"<img\s[^>]*>")
SOURCE = re.compile(r'\ssrc="([^"]+)"')
# A picture in the text column: at most its width (see .article__body in site.css).
SIZES = "(min-width: 60rem) 42rem, 100vw"


def name_at_address(address):
    """The storage's name of a file by its address, or None for another address."""
    prefix = default_storage.url("name")[: -len("name")]
    address = unquote(html.unescape(address))
    return address[len(prefix) :] if address.startswith(prefix) else None


def responsive_images_in(text):
    """Sanitised HTML whose library images are offered in their renditions."""
    if "<img" not in text:
        return text
    names = {}
    for tag in IMAGE.findall(text):
        source = SOURCE.search(tag)
        name = source and name_at_address(source.group(1))
        if name and " srcset=" not in tag:
            names[name] = None
    if not names:
        return text
    images = {image.file.name: image for image in LibraryImage.objects.at_addresses(names)}

    def picture(match):
        tag = match.group(0)
        source = SOURCE.search(tag)
        image = images.get(source and name_at_address(source.group(1)))
        if image is None:
            return tag
        return _picture(tag, source, image.file)

    return IMAGE.sub(picture, text)


def _picture(tag, source, file):
    """The ``<img>`` showing a rendition, in a ``<picture>`` offering the WebP ones.
    The tag's other attributes are kept as the sanitiser left them."""
    attributes = tag[len("<img") : -1].rstrip("/ ").replace(source.group(0), "", 1)
    if " width=" not in attributes and " height=" not in attributes:
        largest = file.widths[-1]
        height = round(file.original_height * largest / file.original_width)
        attributes += f' width="{largest}" height="{height}"'
    if " loading=" not in attributes:
        attributes += ' loading="lazy" decoding="async"'
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}"><img src="{}"{}></picture>',
        file.srcset("webp"),
        SIZES,
        file.rendition_url(FALLBACK_WIDTH, "fallback"),
        mark_safe(attributes),  # nosec B308 B703 (sanitised when the text was saved)
    )


def places_showing(image, limit=20):
    """Items whose rich text shows the image, up to ``limit`` of each kind. Their text is
    searched: for the rare deletion of an image, never for a page view."""
    addresses = {image.file.url, unquote(image.file.url)}
    places = []
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, RichTextField)]
        if fields:
            showing = reduce(
                or_, (Q(**{f"{field}__contains": a}) for field in fields for a in addresses)
            )
            places.extend(model._base_manager.filter(showing)[:limit])
    return places


def places_choosing(image, limit=20):
    """Items that chose the image as theirs (a featured image, a cover, a photo), up to
    ``limit`` of each kind."""
    places = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is LibraryImage:
                places.extend(model._base_manager.filter(**{field.name: image})[:limit])
    return places


def whole_of(place):
    """The publishable item a place belongs to: itself, or the album of a photo."""
    if isinstance(place, Publishable):
        return place
    parents = (getattr(place, f.name) for f in place._meta.concrete_fields if f.many_to_one)
    return next((parent for parent in parents if isinstance(parent, Publishable)), place)
