"""Filters for the admin's own templates."""

from django import template

from nejat.editorial import bidi
from nejat.editorial.desk import desk_entries
from nejat.publishing import editions

register = template.Library()


@register.filter
def isolated_title(obj):
    return bidi.isolated_title(obj)


@register.filter
def direction(language_code):
    return editions.direction(language_code)


@register.inclusion_tag("editorial/desk.html", takes_context=True)
def desk(context):
    return {"entries": desk_entries(context["request"].user)}
