from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from nejat.publishing.editions import same_page_in
from nejat.site.models import Page, SiteSettings


def site(request):
    """What every public page shows: the site settings, the pages placed in the menu
    and footer, and this page in every edition (a view whose page exists only in some
    editions passes its own ``alternates``). Each is fetched only if a template uses it.
    """
    return {
        "site": SimpleLazyObject(SiteSettings.current),
        "site_pages": SimpleLazyObject(
            lambda: list(Page.objects.published().in_language(get_language()).exclude(placement=""))
        ),
        "alternates": SimpleLazyObject(lambda: same_page_in(request)),
    }
