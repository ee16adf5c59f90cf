"""What every page of an edition shows around its content, fetched once per generation
(and edition): the site settings, the pages placed in the menu and footer, and the
sections the content apps add to the menu."""

from dataclasses import dataclass
from functools import partial

from django.utils import translation
from django.utils.encoding import uri_to_iri

from nejat.caching.chrome import cached
from nejat.site.menu import section_entries
from nejat.site.models import Page, SiteSettings


def site_settings():
    return cached("settings", SiteSettings.current)


def site_chrome(language):
    """The edition's pages placed in the menu or footer, and the menu's sections."""
    return cached("site", partial(_build, language), language)


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str
    placement: str


def _build(language):
    """Plain text only: kept values are unpickled on every request that reads them."""
    with translation.override(language):
        pages = Page.objects.published().in_language(language).exclude(placement="")
        return {
            "pages": [
                PageLink(p.title, uri_to_iri(p.get_absolute_url()), p.placement) for p in pages
            ],
            "sections": [item.as_text() for item in section_entries()],
        }
