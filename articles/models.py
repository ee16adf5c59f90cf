from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager

from nejat.media.images import ResponsiveImageField
from nejat.publishing.languages import language_codes
from nejat.publishing.models import Publishable
from nejat.publishing.richtext import RichTextField
from nejat.publishing.tags import TaggedItem


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})


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
    image = ResponsiveImageField(
        _("featured image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        renditions_ready_field="image_renditions_ready",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions_ready = models.BooleanField(default=True, editable=False)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedItem, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the article was first published, if elsewhere."),
    )
    source_url = models.URLField(_("source address"), blank=True)
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
        return self.image or None


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
