"""The generation of what readers see.

Every cached page and chrome fragment is tagged with the generation it was made
in; a change to anything readers see starts a new one, which makes all of them
stale at once, in every process and on every server sharing the cache. One
generation for the whole site is the simple choice: an editor's save re-renders
each page once, on its next request, which costs less than knowing exactly which
pages an item appears on.

A scheduled item appears at its time without anyone saving anything: a generation
also knows the next publication time it must not outlive.
"""

import contextvars
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone

from nejat.caching import cdn
from nejat.publishing.schedule import next_scheduled_publication

KEY = "nejat:generation"
# A generation kept this long at most, so a lost invalidation heals itself.
LIFETIME = 24 * 3600
RETRY_SECONDS = 30

_current = contextvars.ContextVar("nejat_generation", default=None)


@dataclass(frozen=True)
class Generation:
    id: str
    started: float
    # When the next scheduled item goes live (a Unix time), or None.
    ends: float | None

    @property
    def expired(self):
        return self.ends is not None and now() >= self.ends

    def seconds_left(self):
        return None if self.ends is None else max(1, int(self.ends - now()))


def now():
    return timezone.now().timestamp()


def new_generation():
    try:
        scheduled = next_scheduled_publication()
        ends = scheduled.timestamp() if scheduled else None
    except DatabaseError:
        # The database is away: a short generation, so the schedule is asked again soon.
        ends = now() + RETRY_SECONDS
    generation = Generation(id=secrets.token_hex(6), started=now(), ends=ends)
    cache.set(KEY, generation, LIFETIME)
    return generation


def current():
    """The generation of this request (read once per request), else the cache's."""
    generation = _current.get()
    if generation is None:
        generation = read(cache.get(KEY))
    return generation


def read(stored):
    """A stored generation, or a new one when there is none or it has run out."""
    if stored is None or stored.expired:
        return new_generation()
    return stored


def use_for_request(generation):
    """Pin the generation for the rest of the request; returns a token to release it."""
    return _current.set(generation)


def release(token):
    _current.reset(token)


def invalidate():
    """Start a new generation now and again once the transaction commits: readers
    between the two may see the old content, never a page cached from it after."""
    pending = _deferred.get()
    if pending is not None:
        pending.append(True)
        return
    new_generation()
    transaction.on_commit(_committed)


def _committed():
    new_generation()
    cdn.request_purge()


_deferred = contextvars.ContextVar("nejat_invalidation_deferred", default=None)


class deferred:
    """Within this block, changes start one new generation at its end, not one each
    (an import of thousands of items)."""

    def __enter__(self):
        self._token = _deferred.set([])
        return self

    def __exit__(self, *exc):
        changed = _deferred.get()
        _deferred.reset(self._token)
        if changed:
            invalidate()
