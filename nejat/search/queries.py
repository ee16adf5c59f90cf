"""Finding entries: the reader's words folded as the index is, matched as full-text
search on PostgreSQL (each edition's text-search configuration, a GIN index per
language) and by word beginnings elsewhere (SQLite on a laptop).

Only the ``NEJAT_SEARCH_LIMIT`` newest matches are ranked: a common word matches most
of a twenty-year archive, and ranking (and counting) all of it would cost seconds a
search; the newest few hundred cost milliseconds whatever the archive's size, and
are what a reader of a news site is looking for."""

from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, F, Q, Subquery, Value, When
from django.utils import timezone

from nejat.search import textfold
from nejat.search.indexing import COLUMNS, CONFIGS, is_postgresql
from nejat.search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_TERM_LENGTH = 60


def query_terms(query):
    """The query's folded words: at most ``MAX_TERMS`` of them, each of bounded length."""
    words = textfold.fold(str(query)[:MAX_QUERY_LENGTH]).split()
    return [word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS]]


def search(query, language):
    """Published entries of the edition that match the query, most relevant first
    (title above summary above body), then newest first."""
    entries = SearchEntry.objects.filter(language=language, published_at__lte=timezone.now())
    terms = query_terms(query)
    if not terms:
        return entries.none()
    variants = textfold.query_variants(terms, language)
    if is_postgresql():
        matches, rank = _full_text_search(entries, variants, language)
    else:
        matches, rank = _word_start_search(entries, variants)
    newest = matches.order_by("-published_at", "-pk").values("pk")[: settings.NEJAT_SEARCH_LIMIT]
    return (
        SearchEntry.objects.filter(pk__in=Subquery(newest))
        .annotate(rank=rank)
        .order_by("-rank", "-published_at", "-pk")
    )


def _full_text_search(entries, variants, language):
    # Folded words hold only letters and digits, so quoting them is enough to keep
    # tsquery operators out.
    tsquery = " | ".join(
        "(" + " & ".join(f"'{term}':*" for term in variant) + ")" for variant in variants
    )
    query = SearchQuery(tsquery, config=CONFIGS[language], search_type="raw")
    return entries.filter(vector=query), SearchRank(F("vector"), query)


def _starts_a_word(column, term):
    return Q(**{f"{column}__startswith": term}) | Q(**{f"{column}__contains": f" {term}"})


def _word_start_search(entries, variants):
    def matches(columns):
        def term_in_columns(term):
            return reduce(or_, (_starts_a_word(column, term) for column in columns))

        return reduce(or_, (reduce(and_, map(term_in_columns, variant)) for variant in variants))

    def score(column, points):
        return Case(When(matches([column]), then=Value(points)), default=Value(0))

    rank = score("title_folded", 4) + score("summary_folded", 2) + score("body_folded", 1)
    return entries.filter(matches(COLUMNS.values())), rank
