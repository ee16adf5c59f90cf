"""The site's chrome and what pages share: the main menu, share links, absolute
addresses and structured data."""

import json
from urllib.parse import quote

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from nejat.site.chrome import site_chrome
from nejat.site.menu import build_menu

register = template.Library()

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    chrome = site_chrome(context["LANGUAGE_CODE"])
    pages = [page for page in chrome["pages"] if page.placement == "menu"]
    return {
        "items": build_menu(context["request"].path, pages, chrome["sections"]),
        "alternates": context["alternates"],
        "LANGUAGE_CODE": context["LANGUAGE_CODE"],
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path) if path else ""


@register.filter
def json_ld(data):
    """Structured data safe to place inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))


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
