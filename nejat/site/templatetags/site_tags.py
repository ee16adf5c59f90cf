"""The site's chrome and what pages share: the main menu, share links, absolute
addresses and structured data."""

import json
from functools import partial

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import uri_to_iri
from django.utils.safestring import mark_safe

from nejat.caching.chrome import cached
from nejat.site import share
from nejat.site.chrome import site_chrome
from nejat.site.menu import build_menu

register = template.Library()

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu, kept for each choice of current entries and of editions."""
    language = context["LANGUAGE_CODE"]
    chrome = site_chrome(language)
    pages = [page for page in chrome["pages"] if page.placement == "menu"]
    items = build_menu(context["request"].path, pages, chrome["sections"])
    alternates = context["alternates"]
    entries = [entry for item in items for entry in (item, *item.children)]
    current = ",".join(str(number) for number, entry in enumerate(entries) if entry.current)
    editions = " ".join(f"{code}={url}" for code, url in alternates.items())
    values = {"items": items, "alternates": alternates, "LANGUAGE_CODE": language}
    render = partial(render_to_string, "includes/main_menu.html", values)
    # Safe: a rendered template.
    return mark_safe(cached("menu", render, language, current, editions))  # nosec B308 B703


@register.filter
def iri(url):
    """An address with letters of any alphabet as they are, not percent-encoded: a
    third of the bytes of a Persian or Arabic address, and browsers send it alike."""
    return uri_to_iri(url)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path) if path else ""


@register.filter
def json_ld(data):
    """Structured data safe to place inside ``<script type="application/ld+json">``."""
    json_text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe: <, > and & escaped.
    return mark_safe(json_text)  # nosec B308 B703


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, title, path, image_path=""):
    """A page's own share links, straight to each network."""
    absolute = context["request"].build_absolute_uri
    image = absolute(image_path) if image_path else ""
    links = [
        (name, share.network_address(network, absolute(path), title, image))
        for network, (name, _pattern) in share.TARGETS.items()
    ]
    return {"links": links, "page_url": absolute(path)}


@register.inclusion_tag("includes/share_links.html")
def card_share_links(item):
    """A card's share links, short: through our share address, which redirects (the
    copy-link action copies the card's own link when scripts run)."""
    kind = item._meta.model_name
    if kind == "article":
        address = reverse("share_article", args=[item.pk, "network"])
    else:
        address = reverse("share", args=[kind, item.pk, "network"])
    base = address[: -len("network/")]
    links = [(name, f"{base}{network}/") for network, (name, _p) in share.TARGETS.items()]
    return {"links": links, "page_url": f"{base}{share.LINK}/"}
