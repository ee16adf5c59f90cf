"""Tags shared by every content type, with a label per edition."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.models import GenericTaggedItemBase, TagBase

from nejat.publishing.editions import direction
from nejat.publishing.languages import filled_in, languages_with
from nejat.publishing.slugs import AddressInEachEdition


class TagQuerySet(models.QuerySet):
    def labelled_on(self, item):
        """The item's tags that have a label in the current edition, in one query."""
        return self.filter(
            filled_in(get_language(), "label", "label_slug"),
            tagged_items__content_type=ContentType.objects.get_for_model(item),
            tagged_items__object_id=item.pk,
        ).order_by("name")


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def label_new_tags(item, editable_languages):
    """Give tags typed on an item's form, and so labelled in no edition, their name as
    the label of the item's languages (those the editor may change) written in the
    tag's script (a Persian word labels the Persian edition, not the English one):
    readers of those editions then see them at once. Tags labelled in some edition
    already are the editors' to keep."""
    written = item.written_languages
    languages = [code for code in written if code in editable_languages] or written
    for tag in item.tags.all():
        if languages_with(tag, "label"):
            continue
        script = "rtl" if ARABIC_SCRIPT.search(tag.name) else "ltr"
        matching = [code for code in languages if direction(code) == script]
        for code in matching or languages:
            setattr(tag, build_localized_fieldname("label", code), tag.name)
        tag.save()


class Tag(AddressInEachEdition, TagBase):
    """A tag shared by every content type; ``name`` is the editors' key, ``label``
    what readers of each edition see, and ``label_slug`` the address of its page in
    each edition. Taggit's ``slug`` stays one stable key: taggit makes and reads it."""

    name_field, slug_field, url_name = "label", "label_slug", "articles:tag"
    old_slug_fields = ("slug",)

    label = models.CharField(_("label"), max_length=100, blank=True)
    label_slug = models.SlugField(
        _("address"),
        max_length=100,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "The tag page's address in this language; letters of any alphabet. "
            "Made from the label if left blank."
        ),
    )

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
