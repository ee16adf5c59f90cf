"""Editions kept from readers: per-language publishing.

A published item's new translation does not go live when its translator presses
Save: its language is *held* until an editor publishes it. ``held_languages`` keeps
those codes as " fa ar ", so that one can be looked for with a ``contains`` filter on
every database.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q


def held_in(language_code):
    """A condition: the item is kept from readers in that language."""
    return Q(held_languages__contains=f" {language_code} ")


class LanguageSet(str):
    """The stored " fa ar ", which knows its codes: ``"fa" in item.held_languages``."""

    def __contains__(self, code):
        return code in self.split()


def stored(codes):
    """Codes as they are stored, in the site's order; "" for none."""
    codes = set(codes)
    ordered = [code for code, _name in settings.LANGUAGES if code in codes]
    return LanguageSet(f" {' '.join(ordered)} " if ordered else "")


class LanguageSetFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=settings.LANGUAGES, **kwargs)

    def prepare_value(self, value):
        return value.split() if isinstance(value, str) else value

    def clean(self, value):
        return stored(super().clean(value))

    def has_changed(self, initial, data):
        return stored(self.prepare_value(initial or "")) != stored(data or [])


class LanguageSetField(models.CharField):
    """A set of the site's languages, chosen with a checkbox for each."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("default", LanguageSet)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return LanguageSet(value or "")

    def to_python(self, value):
        if isinstance(value, (list, tuple, set)):
            return stored(value)
        return LanguageSet(value or "")

    def formfield(self, **kwargs):
        # Whatever widget the admin gives a CharField: a checkbox for each language.
        widget = forms.CheckboxSelectMultiple
        return super().formfield(**{**kwargs, "form_class": LanguageSetFormField, "widget": widget})
