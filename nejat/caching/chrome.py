"""Values computed once per generation: what every page of an edition shows around
its content (settings, menu, sidebar), so that rendering a page that is not in the
page cache costs only the queries of its own content."""

from django.core.cache import cache

from nejat.caching.generation import LIFETIME, current

MISSING = object()


def cached(name, compute, *parts):
    """``compute()``, kept under ``name`` and ``parts`` (say, the language) until the
    generation changes."""
    generation = current()
    key = ":".join(["nejat:chrome", generation.id, name, *parts])
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, generation.seconds_left() or LIFETIME)
    return value


def generation_id():
    """For ``{% cache %}`` fragments of the chrome: ``vary on`` it and they are fresh."""
    return current().id
