import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from nejat import editions
from nejat.images import fallback_extension, rendition_name, rendition_widths

register = template.Library()

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def edition_date(value):
    return editions.format_date(value) if value else ""


@register.filter
def edition_name(language_code):
    """The edition's name as its own readers write it."""
    return settings.EDITION_NAMES.get(language_code, language_code)


@register.filter
def edition_month(value):
    return editions.format_month(value) if value else ""


@register.filter
def edition_digits(value):
    return editions.localize_digits(value)


@register.simple_tag
def edition_time(value):
    """A ``<time>`` element: machine-readable without microseconds, human-readable per edition."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        value.replace(microsecond=0).isoformat(),
        editions.format_date(value),
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path) if path else ""


@register.filter
def json_ld(data):
    """Structured data safe to place inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))


@register.simple_tag
def responsive_image(image, alt="", sizes="100vw", loading="lazy"):
    """A ``<picture>`` offering the WebP renditions with a JPEG/PNG fallback."""
    if not image:
        return ""
    width = getattr(image.instance, image.field.width_field)
    height = getattr(image.instance, image.field.height_field)
    widths = rendition_widths(width)
    fallback = fallback_extension(image.name)

    def srcset(extension):
        return ", ".join(
            f"{image.storage.url(rendition_name(image.name, w, extension))} {w}w" for w in widths
        )

    largest = widths[-1]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async"></picture>',
        srcset("webp"),
        sizes,
        image.storage.url(rendition_name(image.name, largest, fallback)),
        srcset(fallback),
        sizes,
        largest,
        round(height * largest / width),
        alt,
        loading,
    )


# Share links as plain addresses: nothing from these networks loads on our pages.
# Each address is a pattern over the page's quoted url, title and image.
SHARE_TARGETS = [
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("x", "X (Twitter)", "https://twitter.com/intent/tweet?url={url}&text={title}"),
    (
        "pinterest",
        "Pinterest",
        "https://pinterest.com/pin/create/button/?url={url}&description={title}&media={image}",
    ),
    ("whatsapp", "WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("telegram", "Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("skype", "Skype", "https://web.skype.com/share?url={url}&text={title}"),
    ("email", _("Email"), "mailto:?subject={title}&body={url}"),
]


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, title, path, image_path=""):
    request = context["request"]
    # Quote each value once: titles in Arabic script triple in length when quoted.
    quoted = {
        "url": quote(request.build_absolute_uri(path), safe=""),
        "title": quote(str(title), safe=""),
        "image": quote(request.build_absolute_uri(image_path), safe="") if image_path else "",
    }
    links = [
        {"key": key, "name": name, "url": pattern.format(**quoted)}
        for key, name, pattern in SHARE_TARGETS
    ]
    return {"links": links, "title": title}
