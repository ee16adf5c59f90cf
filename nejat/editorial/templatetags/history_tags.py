"""History messages in the language of the admin that shows them."""

from django import template

from nejat.editorial.history import describe

register = template.Library()


@register.filter
def history_message(change_message):
    return describe(change_message or "")
