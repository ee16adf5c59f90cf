"""Values computed once per generation: what every page of an edition shows around
its content (settings, menu, sidebar), so that rendering a page that is not in the
page cache costs only the queries of its own content.

Each value is kept in the shared cache and, once read, in this process too: its key
names the generation, so a process never uses a value of a past generation, and
the next request after a change reads the new one from the shared cache.
"""

from collections import OrderedDict

from django.core.cache import cache

from nejat.caching.generation import LIFETIME, current

MISSING = object()
# Values of the current generations kept in this process, the oldest dropped first.
LOCAL_SIZE = 256
_local = OrderedDict()


def cached(name, compute, *parts):
    """``compute()``, kept under ``name`` and ``parts`` (say, the language) until the
    generation changes. Values must pickle cheaply: text, numbers, plain objects."""
    generation = current()
    key = ":".join(["nejat:chrome", generation.id, name, *parts])
    value = _local.get(key, MISSING)
    if value is MISSING:
        value = cache.get(key, MISSING)
        if value is MISSING:
            value = compute()
            cache.set(key, value, generation.seconds_left() or LIFETIME)
        _local[key] = value
        if len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)
    return value
