"""Links between imported items, pointed at their new addresses once every site is in.

A post may link to one that comes later in its export, or to another site's post, so
links are resolved at the end, through the redirects the import made: the old
address (on its old host) becomes the path it now redirects to. A link whose target
was not imported keeps its old address.
"""

import re
from collections import defaultdict
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from modeltranslation.utils import build_localized_fieldname

from nejat.site.models import Redirect, redirect_path
from nejat.wordpress.models import ImportRecord

HREF = re.compile(r'(href=")([^"]+)(")')
BATCH = 500


def new_addresses(hosts):
    """(old host, old path) → new path, for the redirects of these hosts."""
    rows = Redirect.objects.filter(old_host__in=hosts).values_list(
        "old_host", "old_path", "new_path"
    )
    return {(host, path): new for host, path, new in rows.iterator()}


def resolve(url, host_of, table):
    """The new address of an old one, or None."""
    url = url.replace("&amp;", "&")
    parts = urlsplit(url)
    host = host_of.get((parts.hostname or "").lower())
    if host is None:
        return None
    path = redirect_path(url.split("#", 1)[0])
    candidates = [path] if "?" in path or path.endswith("/") else [path, f"{path}/"]
    for candidate in candidates:
        new = table.get((host, candidate))
        if new:
            return new + (f"#{parts.fragment}" if parts.fragment else "")
    return None


def point_links_at_new_addresses(site_urls, host_of):
    """Rewrite, in the bodies imported from these sites, the links to old addresses the
    redirects know. ``host_of`` maps each site's own host name (as its links have it)
    to the host its redirects are kept under. Returns how many bodies changed."""
    table = new_addresses(set(host_of.values()))

    def replace(match):
        new = resolve(match.group(2), host_of, table)
        return f"{match.group(1)}{new}{match.group(3)}" if new else match.group(0)

    imported = defaultdict(list)
    records = ImportRecord.objects.filter(source_site__in=site_urls, kind__in=("post", "page"))
    for kind, pk, language in records.values_list("content_type", "object_id", "language"):
        imported[kind].append((pk, language))
    changed = 0
    for kind, items in imported.items():
        model = ContentType.objects.get_for_id(kind).model_class()
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            found = model._base_manager.in_bulk([pk for pk, _language in batch])
            for pk, language in batch:
                field = build_localized_fieldname("body", language)
                body = getattr(found.get(pk), field, "") or ""
                rewritten = HREF.sub(replace, body)
                if rewritten != body:
                    model._base_manager.filter(pk=pk).update(**{field: rewritten})
                    changed += 1
    return changed
