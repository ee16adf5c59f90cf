"""Dates, digits, direction and addresses as each edition's readers expect them."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import translate_url
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def direction(language_code):
    return "rtl" if get_language_info(language_code)["bidi"] else "ltr"


def localize_digits(text, language_code=None):
    if (language_code or get_language()) == "fa":
        return str(text).translate(PERSIAN_DIGITS)
    return str(text)


def format_date(value, language_code=None):
    """A date in the edition's calendar: Solar Hijri with Persian digits on ``fa``."""
    language_code = language_code or get_language()
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = value.date() if hasattr(value, "date") else value
    if language_code == "fa":
        jalali = jdatetime.date.fromgregorian(date=day, locale="fa_IR")
        text = f"{jalali.day} {jalali.j_months_fa[jalali.month - 1]} {jalali.year}"
        return localize_digits(text, "fa")
    text = formats.date_format(day, "DATE_FORMAT")
    # Albanian writes month names in lower case; Django's catalogue capitalises them.
    return text.lower() if language_code == "sq" else text


def format_month(value, language_code=None):
    """An archive month (``calendars``): a Solar Hijri one by its Persian name."""
    if isinstance(value, jdatetime.date):
        return localize_digits(f"{value.j_months_fa[value.month - 1]} {value.year}", "fa")
    return localize_digits(formats.date_format(value, "YEAR_MONTH_FORMAT"), language_code)


# The query parameters that name a distinct page of a list.
PAGE_PARAMETERS = ("page", "older", "newer")


def page_path(request):
    """The request's path, keeping only the query parameters that name a distinct page."""
    kept = {
        name: value
        for name in PAGE_PARAMETERS
        if (value := request.GET.get(name)) and not (name == "page" and value == "1")
    }
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


def same_page_in(request, languages=None):
    """This page's address in each of the given editions (every edition by default)."""
    path = page_path(request)
    codes = languages or [code for code, _name in settings.LANGUAGES]
    return {code: translate_url(path, code) for code in codes}


class EditionTimeZoneMiddleware:
    """Each edition shows times in its own time zone (``NEJAT_TIME_ZONES``, e.g. the
    old Persian site's Asia/Tehran): a story published at 22:10 UTC on 20 March is
    dated 21 March in Tehran. Editions not named there use ``TIME_ZONE``."""

    def __init__(self, get_response):
        self.get_response = get_response
        try:
            self.zones = {code: ZoneInfo(name) for code, name in settings.NEJAT_TIME_ZONES.items()}
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ImproperlyConfigured(f"NEJAT_TIME_ZONES: unknown time zone ({error}).") from error

    def __call__(self, request):
        zone = self.zones.get(get_language())
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
