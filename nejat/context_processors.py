from django.conf import settings
from django.utils import timezone

from nejat.editions import same_page_in


def editions(request):
    """The same page in every edition, and what the footer shows.

    A view whose page exists only in some editions passes its own ``alternates``.
    """
    return {
        "alternates": same_page_in(request),
        "copyright_years": (settings.NEJAT_COPYRIGHT_START_YEAR, timezone.now().year),
    }
