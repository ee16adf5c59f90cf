"""Articles past the first 1,000, copied from their originals inside the database.

Past 1,000 the generated content repeats. Building each repeat as a model instance
and sending it back costs about 5 ms an article (3 minutes per 40,000), and
``rebuild_search_index`` folds and parses every article again (15 s per 1,000). A
repeat differs from its original only in its title, slug and date, so it is made in
SQL from its original's row, with copies of its original's tags, comments and
search-index entries (one per edition): four INSERT … SELECT per batch. Only the
title's repeat number is missing from the copied full-text vector, which no measured
page looks for. The SQL is plain enough for PostgreSQL and SQLite alike.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def quoted(name):
    return connection.ops.quote_name(name)


def pairs_sql(count):
    """The batch as a table: each repeat's number (then pk), original's pk, suffix, date."""
    values = ", ".join(["(%s, %s, %s, %s)"] * count)
    return f"WITH pairs (new_id, source_id, suffix, publish_at) AS (VALUES {values})"


def by_language(model, table, field):
    """SQL choosing the row's value of a translated field in the entry's language."""
    cases = " ".join(
        f"WHEN '{code}' THEN {table}.{quoted(model._meta.get_field(f'{field}_{code}').column)}"
        for code, _name in settings.LANGUAGES
    )
    return f"CASE c.language {cases} END"


def copy_rows(model, match, overrides, pairs, joins="", returning=""):
    """Copy the rows of ``model`` whose ``match`` column is an original's pk, once per
    repeat; ``overrides`` gives SQL for the columns that differ (row ``c`` is the
    original's, ``pairs`` the repeat's)."""
    columns = [field for field in model._meta.concrete_fields if not field.primary_key]
    table = quoted(model._meta.db_table)
    values = ", ".join(overrides.get(f.column, f"c.{quoted(f.column)}") for f in columns)
    sql = (
        f"{pairs_sql(len(pairs))} "
        f"INSERT INTO {table} ({', '.join(quoted(f.column) for f in columns)}) "
        f"SELECT {values} FROM pairs JOIN {table} c ON c.{quoted(match)} = pairs.source_id "
        f"{joins} {returning}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for pair in pairs for value in pair])
        return cursor.fetchall() if returning else None


def copy_articles(article_model, repeats):
    """Insert the repeats; ``repeats`` holds (slug_en, original pk, suffix, publish_at).
    Returns each new slug_en's pk."""
    publish_at = article_model._meta.get_field("publish_at")
    overrides = {"publish_at": "pairs.publish_at"}
    for field in article_model._meta.concrete_fields:
        if field.name.split("_")[0] in ("title", "slug"):
            glue = " " if field.name.startswith("title") else "-"
            overrides[field.column] = f"c.{quoted(field.column)} || '{glue}' || pairs.suffix"
    pairs = [
        (slug, source, suffix, publish_at.get_db_prep_value(when, connection))
        for slug, source, suffix, when in repeats
    ]
    pk = quoted(article_model._meta.pk.column)
    slug_en = quoted(article_model._meta.get_field("slug_en").column)
    returning = f"RETURNING {pk}, {slug_en}"
    rows = copy_rows(
        article_model, article_model._meta.pk.column, overrides, pairs, returning=returning
    )
    return {slug: pk for pk, slug in rows}


def copy_related(models, content_type, pairs):
    """Tags, comments and search entries of the originals, for their repeats; ``pairs``
    holds (repeat pk, original pk, suffix)."""
    tagged_item, comment, entry, article = models
    pairs = [(*pair, None) for pair in pairs]
    same_type = f"AND c.content_type_id = {int(content_type.pk)}"
    copy_rows(tagged_item, "object_id", {"object_id": "pairs.new_id"}, pairs, same_type)
    article_id = comment._meta.get_field("article").column
    copy_rows(comment, article_id, {article_id: "pairs.new_id"}, pairs)
    # The address ends with the slug and "/", kept percent-encoded: add the suffix there.
    entry_overrides = {
        "object_id": "pairs.new_id",
        "url": "SUBSTR(c.url, 1, LENGTH(c.url) - 1) || '-' || pairs.suffix || '/'",
        "published_at": "repeat.publish_at",
        "title": by_language(article, "repeat", "title"),
        "title_folded": "c.title_folded || ' ' || pairs.suffix",
    }
    pk = quoted(article._meta.pk.column)
    joins = f"JOIN {quoted(article._meta.db_table)} repeat ON repeat.{pk} = pairs.new_id"
    copy_rows(entry, "object_id", entry_overrides, pairs, f"{joins} {same_type}")


@contextmanager
def gin_indexes_dropped(model):
    """Drop the table's GIN indexes for a bulk insert and build them again after:
    one build is far cheaper than 400,000 insertions into an index without
    a pending list (``fastupdate = off``)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [model._meta.db_table, "% USING gin %"],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quoted(name)}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
