"""Share links as plain addresses: nothing from the networks loads on our pages.

A page shows its own share links in full; a list of cards links each card's to
``/<lang>/share/<kind>/<id>/<network>/`` (an article's: ``/<lang>/s/<id>/<network>/``),
which builds the network's address and redirects there, so ten cards do not carry
seventy long addresses.
"""

from urllib.parse import quote

from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nejat.publishing.models import publishable_models

# Each address is a pattern over the page's quoted url, title and image.
TARGETS = {
    "fb": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    "x": ("X (Twitter)", "https://twitter.com/intent/tweet?url={url}&text={title}"),
    "pin": (
        "Pinterest",
        "https://pinterest.com/pin/create/button/?url={url}&description={title}&media={image}",
    ),
    "wa": ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    "tg": ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    "mail": (_("Email"), "mailto:?subject={title}&body={url}"),
}


# A card's copy-link action: without JavaScript, it leads to the item itself.
LINK = "link"


def network_address(network, url, title, image_url=""):
    """The network's share address for a page (``url`` and ``image_url`` absolute)."""
    # Quote each value once: titles in Arabic script triple in length when quoted.
    quoted = {
        "url": quote(url, safe=""),
        "title": quote(str(title), safe=""),
        "image": quote(image_url, safe=""),
    }
    return TARGETS[network][1].format(**quoted)


def share(request, kind, pk, network):
    """Send the reader on to the network's share page for a published item."""
    model = {model._meta.model_name: model for model in publishable_models()}.get(kind)
    if model is None or network not in (*TARGETS, LINK):
        raise Http404
    item = model.objects.published().in_language(get_language()).filter(pk=pk).first()
    if item is None:
        raise Http404
    if network == LINK:
        return HttpResponseRedirect(item.get_absolute_url())
    image = item.share_image
    address = network_address(
        network,
        request.build_absolute_uri(item.get_absolute_url()),
        item.title,
        request.build_absolute_uri(image.share_url) if image else "",
    )
    return ShareRedirect(address)


class ShareRedirect(HttpResponseRedirect):
    allowed_schemes = ["https", "mailto"]
