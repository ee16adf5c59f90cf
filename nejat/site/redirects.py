"""Old addresses that moved: a page not found answers with a permanent redirect
when the redirects table knows where it went, or 410 Gone when it says the page was
taken down on purpose (an empty new address).

The WordPress import fills the table; editors change it in the admin. An entry may
belong to one old host (each of several old sites now pointing at this server).
"""

import re

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import get_language_from_path

from nejat.site.models import Redirect


def candidates(request):
    """The forms of the requested address the table may hold, most specific first."""
    path = re.sub("/{2,}", "/", request.path)
    paths = [path] if path.endswith("/") else [path, f"{path}/"]
    query = request.META.get("QUERY_STRING", "")
    return [f"{p}?{query}" for p in paths if query] + paths


class RedirectFallbackMiddleware:
    """Runs after the page's view: only a 404 costs the one query of the lookup.

    It sits below LocaleMiddleware, so it sees the 404 of an unprefixed address
    such as ``/?p=123`` before that one is sent on to an edition.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        paths = [path for path in candidates(request) if "\x00" not in path]
        if not paths:  # PostgreSQL refuses NUL in a string; no stored address has one
            return response
        host = request.get_host().split(":")[0].lower()
        found = {
            (old_host, old_path): new_path
            for old_host, old_path, new_path in Redirect.objects.filter(
                old_path__in=[*paths, "/"], old_host__in=[host, ""]
            ).values_list("old_host", "old_path", "new_path")
        }
        # This host's own address first: several old sites may have had the same path.
        for key in [(host, path) for path in paths] + [("", path) for path in paths]:
            if key in found:
                if not found[key]:  # taken down on purpose
                    return render(request, "410.html", status=410)
                return HttpResponsePermanentRedirect(found[key])
        edition = get_language_from_path(found.get((host, "/"), ""))
        if edition and not get_language_from_path(request.path_info):
            # An old site's address nobody kept: its own edition's page or "not found",
            # not the edition the browser prefers.
            return HttpResponsePermanentRedirect(f"/{edition}{request.get_full_path()}")
        return response
