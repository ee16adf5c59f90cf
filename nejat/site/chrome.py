"""What every page of an edition shows around its content, fetched once per generation
(and edition): the site settings, the pages placed in the menu and footer, and the
sections the content apps add to the menu."""

from functools import partial

from django.utils import translation

from nejat.caching.chrome import cached
from nejat.site.menu import section_entries
from nejat.site.models import Page, SiteSettings


def site_settings():
    return cached("settings", SiteSettings.current)


def site_chrome(language):
    """The edition's pages placed in the menu or footer, and the menu's sections."""
    return cached("site", partial(_build, language), language)


def _build(language):
    with translation.override(language):
        pages = Page.objects.published().in_language(language).exclude(placement="")
        return {"pages": list(pages), "sections": section_entries()}
