"""Translated fields: which languages an item has, and their column names."""

from datetime import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def in_every_language(*fields):
    """Each field's column in every language (``title_en``, ``title_ar``…), e.g. for
    an admin's search across all of them."""
    return [build_localized_fieldname(field, code) for field in fields for code in language_codes()]


def filled_in(language_code, *fields):
    """A condition: each of these translated fields has a value in that language."""
    condition = Q()
    for field in fields:
        name = build_localized_fieldname(field, language_code)
        condition &= Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})
    return condition


def filled_in_any(field):
    """A condition: this translated field has a value in at least one language."""
    return reduce(or_, (filled_in(code, field) for code in language_codes()))


def languages_with(obj, field):
    """Codes of the languages in which this translated field has a value."""
    return [
        code for code in language_codes() if getattr(obj, build_localized_fieldname(field, code))
    ]


def localized_fields(model):
    """Each translated field's name in each language (``title_fa``), mapped to its
    language; none for a model without translated fields."""
    if model not in translator.get_registered_models():
        return {}
    options = translator.get_options_for_model(model)
    return {
        build_localized_fieldname(field, code): code
        for field in options.all_fields
        for code in language_codes()
    }


def language_fields(model, language_code):
    """The columns of the model's translated fields in this language (``title_fa``…)."""
    return [name for name, code in localized_fields(model).items() if code == language_code]


def other_languages_fields(model, language_code):
    """The columns of the model's translated fields in every language but this one:
    what a list of the edition need not fetch (four bodies per article, say)."""
    return [name for name, code in localized_fields(model).items() if code != language_code]


def first_filled(instance, field):
    """The field in the current language, else in the first language that has it."""
    values = [getattr(instance, field)] + [
        getattr(instance, build_localized_fieldname(field, code)) for code in language_codes()
    ]
    return next((value for value in values if value), "")


def outdated_languages(translated_at, source_language):
    """Languages last changed before the source language's latest change.

    ``translated_at`` maps language codes to the time (ISO 8601) that language's fields
    were last changed; the source is the language the item was first written in.
    """
    times = {code: datetime.fromisoformat(value) for code, value in (translated_at or {}).items()}
    if source_language not in times:
        return set()
    return {code for code, moment in times.items() if moment < times[source_language]}
