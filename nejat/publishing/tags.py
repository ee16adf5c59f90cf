"""Tags shared by every content type, with a label per edition."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import GenericTaggedItemBase, TagBase


class Tag(TagBase):
    """A tag shared by every content type; ``name`` is the editors' key, ``label``
    what readers of each edition see."""

    label = models.CharField(_("label"), max_length=100, blank=True)

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
