"""What search engines and social networks read about a page, besides its text."""

from django.conf import settings

# OpenGraph's locale of each edition.
OG_LOCALES = {"en": "en_GB", "ar": "ar_AR", "fa": "fa_IR", "sq": "sq_AL"}


def x_default(alternates):
    """The address for readers whose language the page is not in: the page in the
    site's default language, else in the first language it exists in."""
    if not alternates:
        return None
    return alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()))
