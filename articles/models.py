from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager

from nejat.images import ResponsiveImageField
from nejat.models import TaggedItem
from nejat.publishing import Publishable
from nejat.richtext import RichTextField


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


class Article(Publishable):
    edition_fields = ("title", "slug", "body")
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
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-pk"]

    def __str__(self):
        """The title in the current language, else in the first language that has one."""
        titles = [self.title] + [
            getattr(self, build_localized_fieldname("title", code))
            for code, _name in settings.LANGUAGES
        ]
        return next((title for title in titles if title), f"#{self.pk}")

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and not self.languages:
            raise ValidationError(
                _(
                    "A published article needs its title, address and body "
                    "in at least one language."
                ),
                code="no_language",
            )

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        errors = {}
        for code, _name in settings.LANGUAGES:
            field = build_localized_fieldname("slug", code)
            value = getattr(self, field)
            if not value or (exclude and field in exclude):
                continue
            duplicates = Article.objects.filter(**{field: value}).exclude(pk=self.pk)
            if duplicates.exists():
                errors[field] = ValidationError(
                    _("Another article already uses this address in this language."),
                    code="unique",
                )
        if errors:
            raise ValidationError(errors)
