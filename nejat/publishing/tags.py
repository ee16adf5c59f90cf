"""Tags shared by every content type, with a label per edition."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import GenericTaggedItemBase, TagBase

from nejat.publishing.languages import filled_in


class TagQuerySet(models.QuerySet):
    def labelled_on(self, item):
        """The item's tags that have a label in the current edition, in one query."""
        return self.filter(
            filled_in(get_language(), "label"),
            tagged_items__content_type=ContentType.objects.get_for_model(item),
            tagged_items__object_id=item.pk,
        ).order_by("name")


class Tag(TagBase):
    """A tag shared by every content type; ``name`` is the editors' key, ``label``
    what readers of each edition see."""

    label = models.CharField(_("label"), max_length=100, blank=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        app_label = "nejat"
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]


class TaggedItem(GenericTaggedItemBase):
    tag = models.ForeignKey(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        app_label = "nejat"
        verbose_name = _("tagged item")
        verbose_name_plural = _("tagged items")
        indexes = [models.Index(fields=["content_type", "object_id"])]
