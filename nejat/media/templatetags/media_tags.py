"""Images in their renditions, video players and running times."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe

from nejat.media import library, players, video
from nejat.media.renditions import FALLBACK_WIDTH, image_file
from nejat.publishing.editions import localize_digits

register = template.Library()


@register.simple_tag
def responsive_image(image, alt="", sizes="100vw", loading="lazy", largest=None, crop=None):
    """An ``<img>`` offering the WebP renditions (up to ``largest`` pixels wide); every
    browser in use reads WebP, so no JPEG is offered beside them. The JPEG/PNG
    rendition alone while the renditions are being made. ``crop`` ("4x3", "1x1") shows
    a library image cut to that shape around its focal point. ``image`` is a library
    image or an image file."""
    image = image_file(image)
    if not image:
        return ""
    cropped = crop and image.focal is not None and image.renditions_ready
    all_widths = image.crop_widths(crop) if cropped else image.widths
    widths = [w for w in all_widths if largest is None or w <= largest] or all_widths[:1]
    if cropped:
        height = image.crop_height(crop, widths[-1])
        largest_url, srcset = image.crop_url(crop, widths[-1]), image.crop_srcset(crop, widths)
    else:
        height = round(image.original_height * widths[-1] / image.original_width)
        largest_url, srcset = image.rendition_url(widths[-1]), image.srcset("webp", widths)
    if image.renditions_ready:
        source = format_html('src="{}" srcset="{}" sizes="{}"', largest_url, srcset, sizes)
    else:
        source = format_html('src="{}"', image.rendition_url(FALLBACK_WIDTH, "fallback"))
    # An eager image is the page's largest (its main picture, a listing's first card):
    # the browser fetches it first.
    priority = format_html(' fetchpriority="{}"', "high") if loading == "eager" else ""
    return format_html(
        '<img {} width="{}" height="{}" alt="{}" loading="{}"{}>',
        source,
        widths[-1],
        height,
        alt,
        loading,
        priority,
    )


@register.simple_tag(takes_context=True)
def listing_loading(context):
    """``loading`` of a listing card's image: eager for the first card of the page's
    first listing (what the reader sees first), lazy for every other, and for every
    card of a section included ``with later_section=True``."""
    forloop = context.get("forloop") or {}
    first = forloop.get("first") and not context.get("later_section")
    return "eager" if first else "lazy"


@register.simple_tag
def rendition_url(image, width=1200, extension="webp"):
    """The address of the image's largest rendition no wider than ``width``
    (``extension="fallback"`` for the JPEG/PNG one)."""
    image = image_file(image)
    return image.rendition_url(width, extension) if image else ""


@register.simple_tag
def rendition_srcset(image, extension="webp"):
    image = image_file(image)
    return image.srcset(extension) if image else ""


@register.filter
def responsive_images(html):
    """Library images in sanitised rich text offered in their renditions:
    ``{{ body|safe|responsive_images }}``; text not marked safe is returned untouched."""
    if not isinstance(html, SafeData):
        return html
    # Safe: sanitised HTML in, only attributes of its own images added.
    return mark_safe(library.responsive_images_in(str(html)))  # nosec B308 B703


@register.filter
def video_players(html):
    """Players for bare video-file links in sanitised rich text: ``{{ body|safe|video_players }}``.

    Text not marked safe is returned untouched, for autoescaping to handle.
    """
    if not isinstance(html, SafeData):
        return html
    # Safe: sanitised HTML in.
    return mark_safe(players.players_in(str(html)))  # nosec B308 B703


@register.filter
def clock(duration):
    """A running time as readers see it on a player: 4:05, or 1:02:09; edition digits."""
    if duration is None:
        return ""
    hours, minutes, seconds = video.clock_parts(duration)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return localize_digits(text)


register.filter("iso_duration", video.iso_duration)
