"""Dates, digits and names as each edition's readers expect them."""

from datetime import UTC

from django import template
from django.conf import settings
from django.utils.html import format_html

from nejat.publishing import editions

register = template.Library()


@register.filter
def edition_date(value):
    return editions.format_date(value) if value else ""


@register.filter
def edition_name(language_code):
    """The edition's name as its own readers write it."""
    return settings.EDITION_NAMES.get(language_code, language_code)


@register.filter
def edition_month(value):
    return editions.format_month(value) if value else ""


@register.filter
def edition_digits(value):
    return editions.localize_digits(value)


@register.simple_tag
def edition_time(value):
    """A ``<time>`` element: machine-readable in UTC to the minute (``…Z``, the short
    form: a list shows many), human-readable per edition."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"),
        editions.format_date(value),
    )
