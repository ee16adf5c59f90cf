"""Values computed once per generation: what every page of an edition shows around
its content (settings, menu, sidebar), so that rendering a page that is not in the
page cache costs only the queries of its own content.

Each value is kept in the shared cache and, once read, in this process too: its key
names the generation, so a process never uses a value of a past generation, and
the next request after a change reads the new one from the shared cache.
"""

import hashlib
from collections import OrderedDict

from django.core.cache import cache

from nejat.caching.generation import LIFETIME, current

MISSING = object()
# Values of the current generations kept in this process, the least used dropped first:
# the chrome, and the cards and addresses of the pages this process serves most.
LOCAL_SIZE = 1024
# Parts of a key longer than this (addresses in four editions, say) are hashed.
LONGEST_PARTS = 120
_local = OrderedDict()


def cached(name, compute, *parts):
    """``compute()``, kept under ``name`` and ``parts`` (say, the language) until the
    generation changes. Values must pickle cheaply: text, numbers, plain objects."""
    generation = current()
    key = f"nejat:chrome:{generation.id}:{name}:{joined(parts)}"
    value = _local.get(key, MISSING)
    if value is not MISSING:
        _local.move_to_end(key)
    else:
        value = cache.get(key, MISSING)
        if value is MISSING:
            value = compute()
            cache.set(key, value, generation.seconds_left() or LIFETIME)
        _local[key] = value
        if len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)
    return value


def joined(parts):
    """The parts of a key as they are, or hashed where memcached would refuse them (too
    long, spaces, control characters: Django warns about those whatever the cache)."""
    text = ":".join(parts)
    if len(text) <= LONGEST_PARTS and text.isascii() and text.isprintable() and " " not in text:
        return text
    return hashlib.sha256(text.encode()).hexdigest()
