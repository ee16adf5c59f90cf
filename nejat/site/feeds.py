"""What every feed of the site shares: RSS 2.0 and Atom that say each item's
language, and a feed object per request that knows the site settings."""

import copy

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language

from nejat.site.chrome import site_settings

FEED_LENGTH = 20
DC = "http://purl.org/dc/elements/1.1/"


class EditionRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose items also say their language (``dc:language``)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class EditionAtomFeed(Atom1Feed):
    """Atom whose entries also say their language (``xml:lang``)."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["language"]}


class EditionFeed(Feed):
    """A feed of the current edition. One feed object serves every request; each
    request gets its own copy, which remembers the request and the site settings."""

    feed_type = EditionRssFeed

    def __call__(self, request, *args, **kwargs):
        feed = copy.copy(self)
        feed.request = request
        feed.site = site_settings()
        return Feed.__call__(feed, request, *args, **kwargs)

    def item_extra_kwargs(self, item):
        return {"language": get_language()}
