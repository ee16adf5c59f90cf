"""Pages of a list that cost the same however deep a reader goes.

A newest-first list is paged by the item a page starts after (``?older=<id>``) or
before (``?newer=<id>``), not by page number: the database finds the page through
the index on the publish time instead of counting and skipping every item before
it, and there is no count of the whole list at all. Lists in another order keep
numbered pages (``?page=2``).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.http import urlencode


@dataclass
class Page:
    object_list: list
    newer: str | None  # the query string of the newer page, if there is one
    older: str | None
    first: bool = False

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def keyset_page(queryset, params, size, first_size=None):
    """The page of ``queryset`` (ordered by ``-publish_at, -pk``) that ``params``
    (the request's query) asks for. The queryset may give the items or only their
    pks (``values_list("pk", flat=True)``). The first page may hold fewer items
    (``first_size``) when the page shows others above them."""
    first_size = size if first_size is None else first_size
    older, newer = params.get("older"), params.get("newer")
    if not older and not newer:
        return _first_page(queryset, first_size)
    anchor_pk = _number(older or newer)
    moment = (
        queryset.model._default_manager.filter(pk=anchor_pk)
        .values_list("publish_at", flat=True)
        .first()
    )
    if moment is None:
        raise Http404
    if older:
        before = Q(publish_at__lt=moment) | Q(publish_at=moment, pk__lt=anchor_pk)
        rows = list(queryset.filter(before)[: size + 1])
        items = rows[:size]
        return _page(items, newer=bool(items), older=len(rows) > size)
    after = Q(publish_at__gt=moment) | Q(publish_at=moment, pk__gt=anchor_pk)
    rows = list(queryset.filter(after).order_by("publish_at", "pk")[: size + 1])
    if len(rows) <= first_size:
        # Back at the top: the first page, whole.
        return _first_page(queryset, first_size)
    items = rows[:size][::-1]
    return _page(items, newer=True, older=True)


def numbered_links(page, path):
    """The newer and older pages of a page of Django's paginator, as addresses
    relative to the list at ``path``."""
    newer = older = None
    if page.has_previous():
        number = page.previous_page_number()
        newer = f"?{urlencode({'page': number})}" if number > 1 else path
    if page.has_next():
        older = f"?{urlencode({'page': page.next_page_number()})}"
    return newer, older


def _first_page(queryset, size):
    rows = list(queryset[: size + 1])
    page = _page(rows[:size], newer=False, older=len(rows) > size)
    page.first = True
    return page


def _page(items, newer, older):
    return Page(
        object_list=items,
        newer=f"?{urlencode({'newer': _pk(items[0])})}" if newer and items else None,
        older=f"?{urlencode({'older': _pk(items[-1])})}" if older and items else None,
    )


def _pk(item):
    return getattr(item, "pk", item)


def _number(value):
    try:
        number = int(value)
    except ValueError:
        raise Http404 from None
    if number < 1:
        raise Http404
    return number
