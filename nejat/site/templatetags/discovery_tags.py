"""Tags for what search engines, feed readers and social networks read in a page's head."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from nejat.media.renditions import SHARE_SIZE, image_file
from nejat.site.discovery import OG_LOCALES, x_default
from nejat.site.templatetags.site_tags import json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_links(context):
    """The ``x-default`` hreflang alternate, and OpenGraph's locale of this edition
    and of the others the page exists in."""
    alternates = context.get("alternates") or {}
    language = context.get("LANGUAGE_CODE")
    tags = []
    default = x_default(alternates)
    if default:
        url = context["request"].build_absolute_uri(default)
        tags.append(format_html('<link rel="alternate" hreflang="x-default" href="{}">', url))
    tags.append(
        format_html('<meta property="og:locale" content="{}">', OG_LOCALES.get(language, language))
    )
    tags += [
        format_html('<meta property="og:locale:alternate" content="{}">', OG_LOCALES[code])
        for code in alternates
        if code != language and code in OG_LOCALES
    ]
    # Safe: tags from format_html.
    return mark_safe("\n  ".join(tags))  # nosec B308 B703


@register.simple_tag(takes_context=True)
def share_image(context, image=None, alt=""):
    """The picture social networks show with a link to the page: its own, else the
    site's default, cropped to 1200×630 when it was uploaded; and the Twitter card."""
    image = image_file(image)
    if not image:
        site = context.get("site")
        image, alt = (site.share_image if site else None), ""
    if not image:
        return mark_safe('<meta name="twitter:card" content="summary">')  # nosec B308
    url = context["request"].build_absolute_uri(image.share_url)
    width, height = SHARE_SIZE
    markup = format_html(
        '<meta property="og:image" content="{}">\n'
        '  <meta property="og:image:type" content="image/jpeg">\n'
        '  <meta property="og:image:width" content="{}">\n'
        '  <meta property="og:image:height" content="{}">\n'
        '  <meta name="twitter:card" content="summary_large_image">',
        url,
        width,
        height,
    )
    if alt:
        markup += format_html(
            '\n  <meta property="og:image:alt" content="{}">'
            '\n  <meta name="twitter:image:alt" content="{}">',
            alt,
            alt,
        )
    return markup


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *trail):
    """BreadcrumbList data: the home page, then each (name, address) pair of ``trail``,
    then this page, named by the last argument. Steps without a name are left out."""
    request = context["request"]
    *pairs, current = trail
    steps = [(_("Home"), reverse("home")), *zip(pairs[::2], pairs[1::2], strict=True)]
    steps.append((current, request.path))
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(((n, u) for n, u in steps if n), start=1)
        ],
    }
    return format_html('<script type="application/ld+json">{}</script>', json_ld(data))
