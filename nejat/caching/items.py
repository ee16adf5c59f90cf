"""An item's page that asks the database only which item its address names.

Most of an item's page is fragments kept until the generation changes; the item
itself — every column in every language, its relations — and its addresses in the
editions it exists in are kept as long, so a page made afresh for a reader costs one
small query: the pks the address names. Whether the reader may see the item is the
item's own rule (``is_published``, ``has_language``), asked of the kept item on every
request: the rule the edition's queries apply, at this moment. What depends on the
time alone changes with the generation too, which ends at the next scheduled
publication of any item or language.
"""

import copy
from functools import partial

from django.utils.translation import get_language

from nejat.caching.chrome import cached


class KeptItemMixin:
    """For a view with ``EditionDetailMixin``: readers' item is kept in full for the
    generation. Staff, who may be previewing it, get it fresh."""

    def fetch(self):
        if self.may_preview():
            return super().fetch()
        language = get_language()
        # The plain manager: this query needs none of modeltranslation's rewriting.
        named = self.model._base_manager.filter(**self.address())
        for pk in named.values_list("pk", flat=True):
            item = cached(self.kept_name("item"), partial(self.fetch_in_full, pk), str(pk))
            if item is not None and item.is_published and item.has_language(language):
                # The kept item is shared by this process's requests: each gets a copy.
                return copy.copy(item)
        return None

    def fetch_in_full(self, pk):
        items = self.model.objects.filter(pk=pk).select_related(*self.detail_related)
        return items.prefetch_related(*self.detail_prefetch).first()

    def alternates(self):
        if self.may_preview():
            return super().alternates()
        return dict(
            cached(self.kept_name("editions"), self.object.edition_urls, str(self.object.pk))
        )

    def kept_name(self, what):
        return f"{what}:{self.model._meta.label_lower}"
