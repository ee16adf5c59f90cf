import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.media.images import ResponsiveImageField
from nejat.publishing.languages import filled_in, first_filled
from nejat.publishing.models import Publishable, PublishableQuerySet
from nejat.publishing.richtext import RichTextField
from publications.pdfs import PdfField, facts_of
from publications.validators import normalize_isbn, validate_isbn, validate_periodical_slug

BOOKS_BY_YEAR = "by-year"


def pdf_upload_path(instance, filename):
    """An address nobody can guess, so a draft's PDF stays out of reach until published;
    readers get files through the download views, which check."""
    return f"publications/pdf/{timezone.now():%Y}/{secrets.token_urlsafe(12)}/{filename}"


class PeriodicalQuerySet(models.QuerySet):
    def in_language(self, language_code):
        return self.filter(filled_in(language_code, "name"))


class Periodical(models.Model):
    """A numbered series staff publish in (the Nejat NewsLetter, Pars Brief, …);
    it exists in the editions it has a name in."""

    name = models.CharField(_("name"), max_length=150, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        validators=[validate_periodical_slug],
        help_text=_("The periodical's address, the same in every edition, e.g. “newsletter”."),
    )
    description = models.TextField(_("description"), blank=True)
    ordering = models.PositiveSmallIntegerField(
        _("ordering"), default=0, help_text=_("Lower numbers come first in lists.")
    )

    objects = PeriodicalQuerySet.as_manager()

    class Meta:
        verbose_name = _("periodical")
        verbose_name_plural = _("periodicals")
        ordering = ["ordering", "slug"]

    def __str__(self):
        return first_filled(self, "name") or self.slug

    def get_absolute_url(self):
        return reverse("publications:periodical", kwargs={"periodical": self.slug})

    def clean(self):
        super().clean()
        if not first_filled(self, "name"):
            raise ValidationError(
                _("Give the periodical a name in at least one language."), code="no_name"
            )

    def has_language(self, language_code):
        return bool(getattr(self, build_localized_fieldname("name", language_code)))

    @property
    def languages(self):
        return [code for code, _name in settings.LANGUAGES if self.has_language(code)]


class Publication(Publishable):
    """What books and periodical issues share: a title, a cover, and a PDF per language
    whose page count and size are read from the file itself."""

    title = models.CharField(_("title"), max_length=250, blank=True)
    cover = ResponsiveImageField(
        _("cover"),
        upload_to="publications/covers/%Y/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        renditions_ready_field="cover_renditions_ready",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_renditions_ready = models.BooleanField(default=True, editable=False)
    pdf = PdfField(
        _("PDF"),
        upload_to=pdf_upload_path,
        blank=True,
        help_text=_("The PDF of this language's edition; checked and measured on upload."),
    )
    pdf_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    pdf_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)

    download_url_name = None
    read_url_name = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.measure_pdfs()
        super().save(*args, **kwargs)

    def measure_pdfs(self):
        for code, _name in settings.LANGUAGES:
            file = getattr(self, build_localized_fieldname("pdf", code))
            if file and file._committed:
                continue
            facts = facts_of(file) if file else None
            setattr(self, build_localized_fieldname("pdf_pages", code), facts and facts.pages)
            setattr(self, build_localized_fieldname("pdf_size", code), facts and facts.size)

    def get_download_url(self):
        return reverse(self.download_url_name, kwargs=self.get_url_kwargs())

    def get_read_url(self):
        return reverse(self.read_url_name, kwargs=self.get_url_kwargs())

    @property
    def share_image(self):
        return self.cover or None

    def file_names(self):
        """The downloaded file's name in the current language, and a plain-ASCII fallback."""
        raise NotImplementedError


def validate_book_slug(value):
    if value == BOOKS_BY_YEAR:
        raise ValidationError(
            _("“%(slug)s” is the address of the books list; choose another."),
            code="reserved",
            params={"slug": value},
        )


class Book(Publication):
    edition_fields = ("title", "slug", "pdf")
    indexed_fields = {"title": "A", "subtitle": "B", "authors": "B", "description": "C"}
    url_name = "publications:book"
    download_url_name = "publications:book_download"
    read_url_name = "publications:book_read"

    slug = models.SlugField(
        _("slug"),
        max_length=250,
        allow_unicode=True,
        blank=True,
        validators=[validate_book_slug],
        help_text=_("The book's address in this language; letters of any alphabet."),
    )
    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    description = RichTextField(_("description"), blank=True)
    authors = models.CharField(
        _("author(s)"),
        max_length=250,
        blank=True,
        help_text=_("As they are written in this language; separate several with commas."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
        help_text=_("Year of publication, in the Gregorian calendar."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    isbn = models.CharField(
        _("ISBN"),
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        help_text=_("ISBN-10 or ISBN-13; hyphens and spaces are fine."),
    )

    class Meta:
        verbose_name = _("book")
        verbose_name_plural = _("books")
        ordering = ["-publish_at", "-pk"]

    def clean(self):
        super().clean()
        if self.isbn:
            self.isbn = normalize_isbn(self.isbn)

    def file_names(self):
        readable = slugify(self.title, allow_unicode=True)[:120] or "book"
        plain = slugify(self.title)[:120] or f"book-{self.pk}"
        return f"{readable}.pdf", f"{plain}.pdf"


class IssueQuerySet(PublishableQuerySet):
    def written_in(self, language_code):
        """Issues with a title and a PDF or full text in that language, of a periodical
        that has a name in it."""
        return self.filter(
            filled_in(language_code, "title"),
            filled_in(language_code, "pdf") | filled_in(language_code, "text"),
            periodical__in=Periodical.objects.in_language(language_code),
        )


class Issue(Publication):
    """A numbered issue of a periodical."""

    edition_fields = ("title",)  # and a PDF or the full text: see ``is_written_in``
    unique_in_each_language = ()
    indexed_fields = {"title": "A", "contents": "B", "text": "C"}
    url_name = "publications:issue"
    download_url_name = "publications:issue_download"
    read_url_name = "publications:issue_read"

    periodical = models.ForeignKey(
        Periodical, verbose_name=_("periodical"), on_delete=models.PROTECT, related_name="issues"
    )
    number = models.PositiveIntegerField(_("number"), validators=[MinValueValidator(1)])
    issue_date = models.DateField(_("date of issue"))
    contents = RichTextField(
        _("contents"), blank=True, help_text=_("The issue's contents or a short summary.")
    )
    text = RichTextField(
        _("full text"),
        blank=True,
        help_text=_("The whole issue as text, instead of or as well as the PDF."),
    )

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-issue_date", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["periodical", "number"],
                name="unique_issue_number_in_periodical",
                violation_error_message=_("This periodical already has an issue with this number."),
            )
        ]

    def get_url_kwargs(self):
        return {"periodical": self.periodical.slug, "number": self.number}

    def is_written_in(self, language_code):
        def filled(field):
            return getattr(self, build_localized_fieldname(field, language_code))

        return bool(
            filled("title")
            and (filled("pdf") or filled("text"))
            and self.periodical_id
            and self.periodical.has_language(language_code)
        )

    def clean(self):
        if self.status == self.Status.PUBLISHED and not self.written_languages:
            raise ValidationError(
                _(
                    "To publish, give the issue a title and a PDF or its full text "
                    "in at least one language the periodical has a name in."
                ),
                code="no_language",
            )
        super().clean()

    def save(self, *args, **kwargs):
        # An emptied editor can leave markup with no words; that is no text at all.
        for field in ("contents", "text"):
            for code, _name in settings.LANGUAGES:
                name = build_localized_fieldname(field, code)
                value = getattr(self, name)
                if value and not strip_tags(value).strip() and "<img" not in value:
                    setattr(self, name, "")
        super().save(*args, **kwargs)

    def file_names(self):
        readable = slugify(f"{self.periodical.name} {self.number} {self.title}", allow_unicode=True)
        plain = "-".join(
            part for part in (self.periodical.slug, str(self.number), slugify(self.title)) if part
        )
        return f"{readable[:150]}.pdf", f"{plain[:150]}.pdf"
