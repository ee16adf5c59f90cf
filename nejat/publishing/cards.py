"""Items of a list page shown as kept cards, fetched only when a card is made afresh.

A list whose template keeps each item's card (``{% chrome "…-card" item.pk %}``)
needs, most of the time, nothing but which items the page shows: their pks, from
a query that selects no other column. The items themselves — every column shown,
their relations, their annotations — are fetched the first time a card needs more
than its pk, all the request's cards in one query.
"""


class Cards:
    """The cards of one request: ``of(pks)`` gives an item for each pk; ``items()``
    returns the queryset that fetches them in full (filtered by pk only: the query
    that found the pks applied the edition's conditions)."""

    def __init__(self, items):
        self.items = items
        self.pks = []
        self._fetched = {}

    def of(self, pks):
        pks = list(pks)
        self.pks.extend(pks)
        return [Card(pk, self) for pk in pks]

    def item(self, pk):
        if pk not in self._fetched:
            self._fetched = self.items().in_bulk(self.pks)
        return self._fetched.get(pk)


class Card:
    """An item known by its pk; asking for anything else fetches it."""

    def __init__(self, pk, cards):
        self.pk = pk
        self._cards = cards

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        # An item deleted since the page found it: no value, as for a missing attribute.
        return getattr(self._cards.item(self.pk), name)
