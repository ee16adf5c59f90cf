"""The publishing core every content type shares: status, schedule, authorship,
and which editions an item exists in."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.publishing.calendars import months_of
from nejat.publishing.holds import LanguageSetField, held_in
from nejat.publishing.languages import filled_in, first_filled, outdated_languages
from nejat.publishing.richtext import RichTextField, sanitize_html
from nejat.publishing.slugs import taken_in_each_language


def sees_unpublished(user, model):
    """Staff who may view or change a kind of item preview its unpublished ones on the
    public site; everyone else, other staff included, sees what is published."""
    if not (user.is_active and user.is_staff):
        return False
    options = model._meta
    return any(
        user.has_perm(f"{options.app_label}.{action}_{options.model_name}")
        for action in ("view", "change")
    )


def publishable_models():
    """Every concrete content type: each model built on ``Publishable``."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Publishable.Status.PUBLISHED, publish_at__lte=timezone.now())

    def written_in(self, language_code):
        """Items whose required translated fields are all filled in that language."""
        return self.filter(filled_in(language_code, *self.model.edition_fields))

    def in_language(self, language_code):
        """Items readers find in that edition: written in it, not kept from them, and
        not waiting for a publish time of that language's own."""
        own_time = build_localized_fieldname("language_publish_at", language_code)
        return (
            self.written_in(language_code)
            .exclude(held_in(language_code))
            .exclude(**{f"{own_time}__gt": timezone.now()})
        )

    def months(self, limit=None):
        """The months these items were published in, newest first, as the edition
        counts them (``calendars.months_of``)."""
        return months_of(self, limit)

    def visible_to(self, user):
        """What a visitor may open: everything for staff who may see this kind of item
        (preview), else what is published."""
        if sees_unpublished(user, self.model):
            return self.all()
        return self.published()


class Publishable(models.Model):
    """Abstract base of every piece of content.

    ``edition_fields`` names the translated fields an item must have in a language
    to exist in that edition.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    edition_fields = ("title",)
    # What the site search indexes: field → weight, "A" (title) above "B" (summary)
    # above "C" (body).
    indexed_fields = {"title": "A"}
    # Translated fields whose values are unique within each language (an item's address).
    unique_in_each_language = ("slug",)
    url_name = None
    # The status as this object last read it from or wrote it to the database (new: None).
    stored_status = None

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
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

    # Which translations are outdated: when each language was last changed in the admin,
    # against the language the item was first written in (see ``record_translations``).
    source_language = models.CharField(
        _("written in"), max_length=10, choices=settings.LANGUAGES, blank=True, editable=False
    )
    translated_at = models.JSONField(
        _("languages last changed at"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("When each language's fields were last changed in the admin."),
    )

    # Translated: a time of its own for each language (``language_publish_at_fa``).
    language_publish_at = models.DateTimeField(
        _("publish in this language at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Later than the item's publish time, this language stays hidden from readers "
            "until then; empty, it appears with the item."
        ),
    )
    held_languages = LanguageSetField(
        _("kept from readers"),
        blank=True,
        help_text=_(
            "Editions readers do not see yet, such as a translation still being written "
            "or checked. Untick one to publish it."
        ),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return first_filled(self, "title") or f"#{self.pk}"

    def save(self, *args, **kwargs):
        # Sanitise here as well as in the form, so no path into the database
        # (shell, import, fixtures) can store unsafe markup.
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField):
                value = getattr(self, field.attname)
                if value:
                    setattr(self, field.attname, sanitize_html(value))
        super().save(*args, **kwargs)
        self.stored_status = self.status

    def get_absolute_url(self):
        """The item's page in the current edition, else in the first edition it exists in."""
        if self.has_language(translation.get_language()):
            return reverse(self.url_name, kwargs=self.get_url_kwargs())
        languages = self.languages
        return self.url_in(languages[0]) if languages else None

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and not self.written_languages:
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
        errors = taken_in_each_language(self, self.unique_in_each_language, exclude)
        if errors:
            raise ValidationError(errors)

    @property
    def share_image(self):
        """The picture social networks show with a link to the item (a
        ``ResponsiveImageField`` file), if it has one."""
        return None

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def outdated_languages(self):
        return outdated_languages(self.translated_at, self.source_language)

    def is_written_in(self, language_code):
        return all(
            getattr(self, build_localized_fieldname(field, language_code))
            for field in self.edition_fields
        )

    def has_language(self, language_code):
        """Readers find the item in that edition (now, if it is published)."""
        return (
            language_code not in self.held_languages
            and self.is_written_in(language_code)
            and self.publish_time_in(language_code) <= max(timezone.now(), self.publish_at)
        )

    def publish_time_in(self, language_code):
        """When readers find the item in that edition: the item's publish time, or the
        language's own when that is later."""
        own = getattr(self, build_localized_fieldname("language_publish_at", language_code))
        return max(own, self.publish_at) if own else self.publish_at

    def is_scheduled_in(self, language_code):
        """The item is published, but that language waits for a time still to come."""
        return self.status == self.Status.PUBLISHED and (
            self.publish_time_in(language_code) > timezone.now()
        )

    def publication_times(self):
        """For each language readers find now or will without another save: when."""
        return {
            code: self.publish_time_in(code)
            for code in self.written_languages
            if code not in self.held_languages
        }

    @property
    def languages(self):
        """Codes of the editions readers find this item in, in the site's order."""
        return [code for code, _name in settings.LANGUAGES if self.has_language(code)]

    @property
    def written_languages(self):
        """Codes of the languages the item is written in, kept from readers or not."""
        return [code for code, _name in settings.LANGUAGES if self.is_written_in(code)]

    def get_url_kwargs(self):
        return {"slug": self.slug}

    def url_in(self, language_code):
        with translation.override(language_code):
            return reverse(self.url_name, kwargs=self.get_url_kwargs())

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item.stored_status = item.__dict__.get("status")
        return item

    def edition_urls(self):
        return {code: self.url_in(code) for code in self.languages}

    def held_edition_urls(self):
        """Where staff preview the translations kept from readers."""
        held = self.held_languages.split()
        return {code: self.url_in(code) for code in held if self.is_written_in(code)}


# The tag models belong to this app too (they live in their own module).
from nejat.publishing.tags import Tag, TaggedItem  # noqa: E402, F401
