"""Keeping the search index: one entry per published item and edition it exists in.

A content type says what it indexes with ``indexed_fields`` ({field: weight}, the
weights "A" for the title, "B" for a summary, "C" for the body); nothing here knows
one content type from another. The index listens to every ``Publishable``'s saves
and deletions (connected in ``SearchConfig.ready``) and writes in the same
transaction as the item, so it never names an item that was rolled back;
``manage.py rebuild_search_index`` fills it from scratch.
"""

import html
import re
from functools import reduce
from operator import add

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.utils import translation

from nejat.publishing.models import publishable_models
from nejat.search import textfold
from nejat.search.models import SearchEntry

# Text-search configuration of each edition; PostgreSQL has no Persian or Albanian
# stemmer, and "simple" (lower case, no stop words) suits both.
CONFIGS = {"en": "english", "ar": "arabic", "fa": "simple", "sq": "simple"}
# Which folded column holds the text of each weight.
COLUMNS = {"A": "title_folded", "B": "summary_folded", "C": "body_folded"}


def plain_text(value):
    """Words of a field's value without markup, as a reader sees them."""
    text = re.sub(r"<[^>]*>", " ", str(value or ""))
    return " ".join(html.unescape(text).split())


def entries_for(item):
    """Unsaved index entries of a published item, one per edition it exists in or will
    exist in at a time already set."""
    if item.status != item.Status.PUBLISHED:
        return []
    content_type = ContentType.objects.get_for_model(item)
    entries = []
    # A language waiting for its own publish time is indexed now, found from then on.
    for language, published_at in item.publication_times().items():
        with translation.override(language):
            texts = {"A": [], "B": [], "C": []}
            for field, weight in item.indexed_fields.items():
                texts[weight].append(plain_text(getattr(item, field, "")))
            url = item.url_in(language)
        title, summary, body = (" ".join(filter(None, texts[w])) for w in "ABC")
        entries.append(
            SearchEntry(
                language=language,
                content_type=content_type,
                object_id=item.pk,
                kind=item._meta.label_lower,
                url=url,
                published_at=published_at,
                title=title[:300],
                text=" ".join(filter(None, (summary, body))),
                title_folded=textfold.index_text(title, language),
                summary_folded=textfold.index_text(summary, language),
                body_folded=textfold.index_text(body, language),
            )
        )
    return entries


def remove(model, pks):
    content_type = ContentType.objects.get_for_model(model)
    SearchEntry.objects.filter(content_type=content_type, object_id__in=pks).delete()


def index(item):
    """Bring the item's entries up to date: one per edition it is published in."""
    remove(type(item), [item.pk])
    store(entries_for(item))


def store(entries):
    saved = SearchEntry.objects.bulk_create(entries, batch_size=500)
    if saved and is_postgresql():
        languages = {entry.language for entry in saved}
        update_vectors(SearchEntry.objects.filter(pk__in=[entry.pk for entry in saved]), languages)


def update_vectors(entries, languages=CONFIGS):
    """Parse each entry's folded text with its edition's configuration, by weight:
    one UPDATE per configuration the given languages use."""
    by_config = {}
    for language in languages:
        by_config.setdefault(CONFIGS[language], []).append(language)
    for config, languages in by_config.items():
        vector = reduce(
            add,
            (
                SearchVector(column, weight=weight, config=config)
                for weight, column in COLUMNS.items()
            ),
        )
        entries.filter(language__in=languages).update(vector=vector)


def rebuild():
    """Index every published item again; returns the number of entries."""
    SearchEntry.objects.all().delete()
    total = 0
    for model in publishable_models():
        batch = []
        published = model.objects.filter(status=model.Status.PUBLISHED).select_related()
        for item in published.iterator(chunk_size=500):
            batch.extend(entries_for(item))
            if len(batch) >= 500:
                total += len(SearchEntry.objects.bulk_create(batch))
                batch = []
        total += len(SearchEntry.objects.bulk_create(batch))
    if is_postgresql():
        update_vectors(SearchEntry.objects.all())
    return total


def is_postgresql():
    return connections[SearchEntry.objects.db].vendor == "postgresql"


def item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index(instance)


def item_deleted(sender, instance, **kwargs):
    remove(sender, [instance.pk])
