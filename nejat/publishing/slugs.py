"""Addresses in each language: a translated slug, unique within its language, for an
item with a page in each edition that names it (a category, a tag)."""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.publishing.languages import filled_in, in_every_language, language_codes


def taken_in_each_language(instance, fields, exclude=None):
    """Errors for each of these translated fields whose value another item of the
    model already has in the same language."""
    errors = {}
    for field in fields:
        for code in language_codes():
            name = build_localized_fieldname(field, code)
            value = getattr(instance, name)
            if not value or (exclude and name in exclude):
                continue
            others = type(instance)._default_manager.filter(**{name: value})
            if others.exclude(pk=instance.pk).exists():
                errors[name] = ValidationError(
                    _("This address is already used in this language."), code="unique"
                )
    return errors


def free_slug(instance, field, code, base):
    """``base``, else ``base-2``, ``base-3``…: the first that no other item of the model
    has as ``field`` in that language."""
    name = build_localized_fieldname(field, code)
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    longest = instance._meta.get_field(name).max_length
    return first_free(base, longest, lambda slug: others.filter(**{name: slug}).exists())


def first_free(base, longest, taken):
    """``base``, else ``base-2``, ``base-3``…, at most ``longest`` letters: the first
    that is not ``taken``."""
    slug, number = base[:longest], 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = f"{base[: longest - len(suffix)]}{suffix}"
    return slug


class AddressInEachEdition:
    """Mixin for a model whose page exists in each edition that names it, at the
    address ``slug_field`` has in that language: letters of any alphabet, unique within
    the language, made from ``name_field`` when an editor or an import gives none."""

    name_field = "name"
    slug_field = "slug"
    url_name = None
    # Other fields a request may name the item by (an address it had before each edition
    # had its own): they lead to its address in the edition.
    old_slug_fields = ()

    def slug_in(self, code):
        return getattr(self, build_localized_fieldname(self.slug_field, code))

    def has_page_in(self, code):
        name = getattr(self, build_localized_fieldname(self.name_field, code))
        return bool(name and self.slug_in(code))

    @property
    def languages(self):
        """Codes of the editions with a page for the item, in the site's order."""
        return [code for code in language_codes() if self.has_page_in(code)]

    def url_in(self, code):
        with translation.override(code):
            return reverse(self.url_name, kwargs={"slug": self.slug_in(code)})

    def get_absolute_url(self):
        """The item's page in the current edition, else in the first edition that names it."""
        language = translation.get_language()
        if self.has_page_in(language):
            return reverse(self.url_name, kwargs={"slug": self.slug_in(language)})
        languages = self.languages
        return self.url_in(languages[0]) if languages else None

    @classmethod
    def named_in(cls, code):
        """The items with a page in that edition."""
        return cls._default_manager.filter(filled_in(code, cls.name_field, cls.slug_field))

    @classmethod
    def find(cls, slug, code):
        """The item with a page in that edition that ``slug`` names: by its address
        there, else by its address in another language or an old one; or None."""
        named = cls.named_in(code)
        own = build_localized_fieldname(cls.slug_field, code)
        item = named.filter(**{own: slug}).first()
        if item is None:
            fields = [f for f in in_every_language(cls.slug_field) if f != own]
            named_by = reduce(or_, (Q(**{f: slug}) for f in [*fields, *cls.old_slug_fields]))
            item = named.filter(named_by).first()
        return item

    def save(self, *args, **kwargs):
        for code in language_codes():
            name = getattr(self, build_localized_fieldname(self.name_field, code))
            if name and not self.slug_in(code):
                base = slugify(name, allow_unicode=True) or self._meta.model_name
                slug = free_slug(self, self.slug_field, code, base)
                setattr(self, build_localized_fieldname(self.slug_field, code), slug)
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        errors = taken_in_each_language(self, [self.slug_field], exclude)
        if errors:
            raise ValidationError(errors)
