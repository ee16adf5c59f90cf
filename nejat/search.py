"""Site search: one index of every published item, in each edition it exists in.

A content type says what it indexes with ``search_fields`` ({field: weight}, the
weights "A" for the title, "B" for a summary, "C" for the body); nothing here
knows one content type from another. ``Publishable.save()`` and ``delete()`` keep
the index up to date; ``manage.py rebuild_search_index`` fills it from scratch.

On PostgreSQL the folded text is matched as full-text search with each edition's
text-search configuration (stemming for English and Arabic), through a GIN index
per language. Elsewhere (SQLite on a laptop) words are matched by their
beginnings in the same folded text.
"""

import html
import re
from functools import lru_cache, reduce
from operator import add, and_, or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from nejat import textfold

# Text-search configuration of each edition; PostgreSQL has no Persian or Albanian
# stemmer, and "simple" (lower case, no stop words) suits both.
CONFIGS = {"en": "english", "ar": "arabic", "fa": "simple", "sq": "simple"}
# Which folded column holds the text of each weight.
COLUMNS = {"A": "title_folded", "B": "summary_folded", "C": "body_folded"}
STEMMED = {"en", "ar"}
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_TERM_LENGTH = 60
SNIPPET_WORDS = 30
SNIPPET_SCAN_WORDS = 5000


def search_entry_model():
    return apps.get_model("nejat", "SearchEntry")


def searchable_models():
    from nejat.publishing import Publishable

    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def plain_text(value):
    """Words of a field's value without markup, as a reader sees them."""
    text = re.sub(r"<[^>]*>", " ", str(value or ""))
    return " ".join(html.unescape(text).split())


# Indexing


def entries_for(item):
    """Unsaved index entries of a published item, one per edition it exists in."""
    if item.status != item.Status.PUBLISHED:
        return []
    entry_model = search_entry_model()
    content_type = ContentType.objects.get_for_model(item)
    entries = []
    for language in item.languages:
        with translation.override(language):
            texts = {"A": [], "B": [], "C": []}
            for field, weight in item.search_fields.items():
                texts[weight].append(plain_text(getattr(item, field, "")))
            url = item.url_in(language)
        title, summary, body = (" ".join(filter(None, texts[w])) for w in "ABC")
        entries.append(
            entry_model(
                language=language,
                content_type=content_type,
                object_id=item.pk,
                kind=item._meta.label_lower,
                url=url,
                published_at=item.publish_at,
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
    search_entry_model().objects.filter(content_type=content_type, object_id__in=pks).delete()


def index(item):
    """Bring the item's entries up to date: one per edition it is published in."""
    remove(type(item), [item.pk])
    store(entries_for(item))


def store(entries):
    entry_model = search_entry_model()
    saved = entry_model.objects.bulk_create(entries, batch_size=500)
    if saved and is_postgresql():
        languages = {entry.language for entry in saved}
        update_vectors(entry_model.objects.filter(pk__in=[entry.pk for entry in saved]), languages)


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
    entry_model = search_entry_model()
    entry_model.objects.all().delete()
    total = 0
    for model in searchable_models():
        batch = []
        published = model.objects.filter(status=model.Status.PUBLISHED).select_related()
        for item in published.iterator(chunk_size=500):
            batch.extend(entries_for(item))
            if len(batch) >= 500:
                total += len(entry_model.objects.bulk_create(batch))
                batch = []
        total += len(entry_model.objects.bulk_create(batch))
    if is_postgresql():
        update_vectors(entry_model.objects.all())
    return total


def is_postgresql():
    return connections[search_entry_model().objects.db].vendor == "postgresql"


# Searching


def query_terms(query):
    """The query's folded words: at most ``MAX_TERMS`` of them, each of bounded length."""
    words = textfold.fold(str(query)[:MAX_QUERY_LENGTH]).split()
    return [word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS]]


def search(query, language):
    """Published entries of the edition that match the query, most relevant first
    (title above summary above body), then newest first."""
    entries = search_entry_model().objects.filter(
        language=language, published_at__lte=timezone.now()
    )
    terms = query_terms(query)
    if not terms:
        return entries.none()
    variants = textfold.query_variants(terms, language)
    if is_postgresql():
        return _full_text_search(entries, variants, language)
    return _word_start_search(entries, variants)


def _full_text_search(entries, variants, language):
    # Folded words hold only letters and digits, so quoting them is enough to keep
    # tsquery operators out.
    tsquery = " | ".join(
        "(" + " & ".join(f"'{term}':*" for term in variant) + ")" for variant in variants
    )
    query = SearchQuery(tsquery, config=CONFIGS[language], search_type="raw")
    return (
        entries.filter(vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", "-published_at", "-pk")
    )


def _starts_a_word(column, term):
    return Q(**{f"{column}__startswith": term}) | Q(**{f"{column}__contains": f" {term}"})


def _word_start_search(entries, variants):
    def matches(columns):
        def term_in_columns(term):
            return reduce(or_, (_starts_a_word(column, term) for column in columns))

        return reduce(or_, (reduce(and_, map(term_in_columns, variant)) for variant in variants))

    def score(column, points):
        return Case(When(matches([column]), then=Value(points)), default=Value(0))

    return (
        entries.filter(matches(COLUMNS.values()))
        .annotate(
            rank=score("title_folded", 4) + score("summary_folded", 2) + score("body_folded", 1)
        )
        .order_by("-rank", "-published_at", "-pk")
    )


# Showing results

WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
)


class Highlighter:
    """Marks the words of a text that the query matched, as the search finds them: by
    their beginnings; for stemmed languages by a shorter stem too; in Arabic also
    after the article or a preposition joined on in front."""

    def __init__(self, query, language):
        terms = query_terms(query)
        roots = {term for variant in textfold.query_variants(terms, language) for term in variant}
        if language in STEMMED:
            roots |= {root[: max(3, len(root) - 2)] for root in roots}
        self.roots = tuple(roots)
        self.inside = tuple(root for root in roots if len(root) >= 3) if language == "ar" else ()

    def matches(self, word):
        folded = _fold_word(word)
        return folded.startswith(self.roots) or any(root in folded for root in self.inside)

    def mark(self, text):
        return mark_safe(self._marked(text, 0, len(text)))

    def snippet(self, text, length=SNIPPET_WORDS):
        """A short stretch of the text around its first match, matches marked."""
        words = []
        first = 0
        for number, match in enumerate(WORD.finditer(text)):
            words.append(match)
            if self.matches(match.group()):
                first = number
                break
            if number >= SNIPPET_SCAN_WORDS:
                break
        start = words[max(0, first - length // 3)].start() if words else 0
        last = None
        for count, match in enumerate(WORD.finditer(text, start), 1):
            last = match
            if count == length:
                break
        end = last.end() if last else len(text)
        if not WORD.search(text, end):
            end = len(text)
        before = "… " if start > 0 else ""
        after = " …" if end < len(text) else ""
        return mark_safe(before + self._marked(text, start, end) + after)

    def _marked(self, text, start, end):
        parts = []
        position = start
        for match in WORD.finditer(text, start, end):
            word = escape(match.group())
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{word}</mark>" if self.matches(match.group()) else word)
            position = match.end()
        parts.append(escape(text[position:end]))
        return "".join(parts)


@lru_cache(maxsize=4096)
def _fold_word(word):
    return textfold.fold(word).replace(" ", "")
