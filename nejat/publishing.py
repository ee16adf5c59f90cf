"""The publishing core every content type shares: status, schedule, authorship,
and which editions an item exists in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.richtext import RichTextField, sanitize_html


def filled_in(language_code, *fields):
    """A condition: each of these translated fields has a value in that language."""
    condition = Q()
    for field in fields:
        name = build_localized_fieldname(field, language_code)
        condition &= Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})
    return condition


def first_filled(instance, field):
    """The field in the current language, else in the first language that has it."""
    values = [getattr(instance, field)] + [
        getattr(instance, build_localized_fieldname(field, code))
        for code, _name in settings.LANGUAGES
    ]
    return next((value for value in values if value), "")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Publishable.Status.PUBLISHED, publish_at__lte=timezone.now())

    def in_language(self, language_code):
        """Items whose required translated fields are all filled in that language."""
        return self.filter(filled_in(language_code, *self.model.edition_fields))

    def visible_to(self, user):
        """What a visitor may open: everything for staff (preview), else what is published."""
        if user.is_active and user.is_staff:
            return self.all()
        return self.published()


class Publishable(models.Model):
    """Abstract base of every piece of content.

    ``edition_fields`` names the translated fields an item must have in a language
    to exist in that edition.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    edition_fields = ("title",)
    # Translated fields whose values are unique within each language (an item's address).
    unique_in_each_language = ("slug",)
    url_name = None

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A future time keeps the item hidden until then."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Sanitise here as well as in the form, so no path into the database
        # (shell, import, fixtures) can store unsafe markup.
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField):
                value = getattr(self, field.attname)
                if value:
                    setattr(self, field.attname, sanitize_html(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The item's page in the current edition, else in the first edition it exists in."""
        if self.has_language(translation.get_language()):
            return reverse(self.url_name, kwargs=self.get_url_kwargs())
        languages = self.languages
        return self.url_in(languages[0]) if languages else None

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and not self.languages:
            fields = ", ".join(
                str(self._meta.get_field(f).verbose_name) for f in self.edition_fields
            )
            raise ValidationError(
                _("To publish, fill in these fields in at least one language: %(fields)s."),
                code="no_language",
                params={"fields": fields},
            )

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        errors = {}
        for field in self.unique_in_each_language:
            for code, _name in settings.LANGUAGES:
                name = build_localized_fieldname(field, code)
                value = getattr(self, name)
                if not value or (exclude and name in exclude):
                    continue
                others = type(self)._default_manager.filter(**{name: value}).exclude(pk=self.pk)
                if others.exists():
                    errors[name] = ValidationError(
                        _("This address is already used in this language."), code="unique"
                    )
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    def has_language(self, language_code):
        return all(
            getattr(self, build_localized_fieldname(field, language_code))
            for field in self.edition_fields
        )

    @property
    def languages(self):
        """Codes of the editions this item exists in, in the site's order."""
        return [code for code, _name in settings.LANGUAGES if self.has_language(code)]

    def get_url_kwargs(self):
        return {"slug": self.slug}

    def url_in(self, language_code):
        with translation.override(language_code):
            return reverse(self.url_name, kwargs=self.get_url_kwargs())

    def edition_urls(self):
        return {code: self.url_in(code) for code in self.languages}
