from django import template

from nejat.editions import localize_digits
from nejat.images import fallback_extension, rendition_name, rendition_widths

register = template.Library()


def _widths(image):
    return rendition_widths(getattr(image.instance, image.field.width_field))


def _extension(image, extension):
    return fallback_extension(image.name) if extension == "fallback" else extension


@register.simple_tag
def rendition_url(image, width=1200, extension="webp"):
    """The address of the image's largest rendition no wider than ``width``
    (``extension="fallback"`` for the JPEG/PNG one)."""
    if not image:
        return ""
    widths = _widths(image)
    chosen = max([w for w in widths if w <= width] or widths[:1])
    return image.storage.url(rendition_name(image.name, chosen, _extension(image, extension)))


@register.simple_tag
def rendition_srcset(image, extension="webp"):
    if not image:
        return ""
    extension = _extension(image, extension)
    return ", ".join(
        f"{image.storage.url(rendition_name(image.name, w, extension))} {w}w"
        for w in _widths(image)
    )


def _clock_parts(duration):
    seconds = max(0, round(duration.total_seconds()))
    return seconds // 3600, seconds // 60 % 60, seconds % 60


@register.filter
def clock(duration):
    """A running time as readers see it on a player: 4:05, or 1:02:09; edition digits."""
    if duration is None:
        return ""
    hours, minutes, seconds = _clock_parts(duration)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return localize_digits(text)


@register.filter
def iso_duration(duration):
    """A running time for ``<time datetime>``: PT4M5S."""
    if duration is None:
        return ""
    parts = zip(_clock_parts(duration), "HMS", strict=True)
    return "PT" + ("".join(f"{value}{unit}" for value, unit in parts if value) or "0S")
