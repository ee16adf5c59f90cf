"""The tables of the ``nejat`` app label, defined where their concern lives.

Each concern under ``nejat/`` is an app of its own, but its models keep the ``nejat``
label they were created with, so their tables, permissions and migrations stay
where they are. This module names them all in one place.
"""

from nejat.publishing.tags import Tag, TaggedItem
from nejat.search.models import SearchEntry
from nejat.site.models import ContactMessage, Page, Redirect, SiteSettings, StaffNotice
from nejat.wordpress.models import ImportRecord

__all__ = [
    "ContactMessage",
    "ImportRecord",
    "Page",
    "Redirect",
    "SearchEntry",
    "SiteSettings",
    "StaffNotice",
    "Tag",
    "TaggedItem",
]
