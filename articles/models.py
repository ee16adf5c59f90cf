from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager

from nejat.media.models import LibraryImage
from nejat.publishing.languages import filled_in_any, first_filled, language_codes
from nejat.publishing.models import Publishable
from nejat.publishing.richtext import RichTextField
from nejat.publishing.slugs import AddressInEachEdition
from nejat.publishing.tags import TaggedItem


class Category(AddressInEachEdition, models.Model):
    url_name = "articles:category"

    name = models.CharField(_("name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "The category page's address in this language; letters of any alphabet. "
            "Made from the name if left blank."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["slug"]

    def __str__(self):
        return first_filled(self, "name") or f"#{self.pk}"

    def clean(self):
        super().clean()
        if not first_filled(self, "name"):
            raise ValidationError(
                _("Give the category a name in at least one language."), code="no_name"
            )


class CreditQuerySet(models.QuerySet):
    def named(self):
        """Those with a name in at least one language: their page exists in every edition."""
        return self.filter(filled_in_any("name"))


class Credit(models.Model):
    """An author or a source: a name in each language, and a page of their articles."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text=_("The address of their page; letters of any alphabet."),
    )

    objects = CreditQuerySet.as_manager()
    url_name = None

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        # A name reads the same in every edition: as written in another language
        # where this one has none.
        return first_filled(self, "name") or self.slug

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not first_filled(self, "name"):
            raise ValidationError(_("Give a name in at least one language."), code="no_name")


class Author(Credit):
    """A writer; bylines link to their page."""

    bio = models.TextField(
        _("short biography"), blank=True, help_text=_("Plain text, shown on the author's page.")
    )
    url_name = "articles:author"

    class Meta(Credit.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class Source(Credit):
    """Where articles were first published: a newspaper, a magazine, a website."""

    url = models.URLField(_("website"), blank=True)
    url_name = "articles:source"

    class Meta(Credit.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


# The address of the archive of months: no article may take it.
ARCHIVE_SLUG = "archive"


class Article(Publishable):
    edition_fields = ("title", "slug", "body")
    indexed_fields = {"title": "A", "summary": "B", "body": "C"}
    url_name = "articles:detail"

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        allow_unicode=True,
        help_text=_("The article's address in this language; letters of any alphabet."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))
    image = models.ForeignKey(
        LibraryImage,
        verbose_name=_("featured image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Chosen from the image library (+ uploads a new one). Its alt text and "
            "caption in each language are the image's own: the pencil edits them."
        ),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedItem, blank=True)
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        related_name="articles",
        blank=True,
        help_text=_("Their names link to their pages; they replace the byline."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_(
            "For writers without a page (a guest, “Staff”); shown when no author is chosen."
        ),
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("Where the article was first published, if elsewhere."),
    )
    source_url = models.URLField(
        _("source address"), blank=True, help_text=_("The address of the original article.")
    )
    translator = models.CharField(_("translated by"), max_length=200, blank=True)
    comments_open = models.BooleanField(_("comments open"), default=True)
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Pinned at the top of the home page, above the latest articles."),
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-pk"]
        # Lists walk these newest first and stop after a page (see pagination).
        indexes = [
            models.Index(fields=["publish_at", "id"], name="article_newest"),
            models.Index(fields=["category", "publish_at", "id"], name="article_category_newest"),
            models.Index(fields=["source", "publish_at", "id"], name="article_source_newest"),
            # The home page's few featured articles, found without walking all the others.
            models.Index(
                fields=["publish_at", "id"],
                condition=models.Q(featured=True),
                name="article_featured_newest",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {
            build_localized_fieldname("slug", code): ValidationError(
                _("This address belongs to the archive of months; choose another."),
                code="reserved",
            )
            for code in language_codes()
            if getattr(self, build_localized_fieldname("slug", code)) == ARCHIVE_SLUG
        }
        if errors:
            raise ValidationError(errors)

    @property
    def share_image(self):
        return self.image.file if self.image else None


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def in_language(self, code):
        """Comments written in that edition: each edition has its own conversation."""
        return self.filter(language=code)


class Comment(models.Model):
    """A reader's comment: plain text, shown once staff approve it; one level of replies."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown on the site."))
    text = models.TextField(_("comment"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)
    ip_hash = models.CharField(_("sender's address (hashed)"), max_length=64, editable=False)
    from_team = models.BooleanField(
        _("from the team"), default=False, help_text=_("Written by one of the site's staff.")
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {Truncator(self.text).words(8)}"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED
