from functools import partial

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from nejat.caching.chrome import cached
from nejat.publishing.editions import page_path, same_page_in
from nejat.site.chrome import site_chrome, site_settings


def site(request):
    """What every public page shows: the site settings, the pages placed in the menu
    and footer (both kept per edition until something changes), this page in every
    edition (a view whose page exists only in some editions passes its own
    ``alternates``). Each is fetched only if a template uses it.
    """
    language = get_language()
    return {
        "site": SimpleLazyObject(site_settings),
        "site_pages": SimpleLazyObject(lambda: site_chrome(language)["pages"]),
        "alternates": SimpleLazyObject(partial(alternates, request)),
    }


def alternates(request):
    """This page in every edition: the same for every request of this address."""
    path = page_path(request)
    return cached("alternates", partial(same_page_in, request), get_language(), path)
