"""Text direction for staff screens, where Persian, Arabic and Latin words meet."""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from nejat.publishing.editions import direction


def isolated(text, language_code):
    """Text set apart from what surrounds it, in its language's direction, so a Persian
    title that starts with a Latin word still reads right to left."""
    return format_html(
        '<bdi lang="{}" dir="{}">{}</bdi>', language_code, direction(language_code), text
    )


def title_language(titles):
    """Of a {language: title} mapping, the language to show: the current one, else the
    first in the site's order that has a title."""
    current = get_language()
    codes = [current] + [code for code, _name in settings.LANGUAGES if code != current]
    return next((code for code in codes if titles.get(code)), None)


def isolated_title(obj):
    """An item's title as its __str__ picks it (current language first), isolated."""
    titles = {
        code: getattr(obj, build_localized_fieldname("title", code), None)
        for code, _name in settings.LANGUAGES
    }
    code = title_language(titles)
    return isolated(titles[code], code) if code else str(obj)
