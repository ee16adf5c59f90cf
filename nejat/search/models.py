from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One published item in one edition, as the site search finds it.

    ``nejat.search.indexing`` keeps it whenever the item is saved or deleted: the title and
    text as written (to show in results), and the text folded for matching, one
    column per weight. On PostgreSQL ``vector`` holds that text parsed with the
    edition's text-search configuration; its GIN indexes, one per language, are
    made by the migration, as SQLite has no such index.
    """

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    kind = models.CharField(_("kind"), max_length=100)
    url = models.CharField(_("address"), max_length=500)
    published_at = models.DateTimeField(_("published at"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    title_folded = models.TextField(_("title, folded"), blank=True)
    summary_folded = models.TextField(_("summary, folded"), blank=True)
    body_folded = models.TextField(_("body, folded"), blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        app_label = "nejat"
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="unique_search_entry"
            )
        ]
        indexes = [models.Index(fields=["language", "published_at"])]

    def __str__(self):
        return f"{self.title} ({self.language})"

    @property
    def kind_name(self):
        """The content type's name in the current language, e.g. “article”."""
        try:
            return apps.get_model(self.kind)._meta.verbose_name
        except LookupError:
            return self.kind
