"""Whole pages for readers, from the shared cache.

A reader is a request with no session cookie (nobody is signed in) and no pending
message: the page it gets is the same for every reader of that address, so it is
kept, keyed by host, path and query (tracking parameters left out), and sent with
headers a CDN or proxy may act on. Signed-in staff, previews, POSTs and error
responses are never kept; staff responses say so (``private``).
"""

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    get_max_age,
    patch_cache_control,
)
from django.utils.http import http_date, parse_http_date_safe

from nejat.admin_address import admin_root
from nejat.caching import generation as generations

# Added to shared links by social networks and newsletters; pages never read them.
TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga")
# How long a reader's browser keeps a page before asking again (a CDN keeps it longer).
BROWSER_SECONDS = 60


def is_reader(request):
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def is_public(request):
    """A page of the public site (not the admin, files or the health check)."""
    excluded = (admin_root(), "/healthz", settings.STATIC_URL, settings.MEDIA_URL)
    return not request.path.startswith(excluded)


class ReaderMiddleware:
    """A request without a session cookie belongs to a reader: its user is anonymous
    without asking the session, so nothing makes the page vary on cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request.user = AnonymousUser()
        return self.get_response(request)


@dataclass
class Entry:
    generation: str
    status: int
    headers: list
    content: bytes

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def page_key(request):
    query = sorted(
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not TRACKING.fullmatch(name)
    )
    address = f"{request.get_host()}{request.path}?{urlencode(query)}"
    return "nejat:page:" + hashlib.sha256(address.encode()).hexdigest()


def is_cacheable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and "cookie" not in response.get("Vary", "").lower()
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (request.method in ("GET", "HEAD") and is_reader(request) and is_public(request)):
            response = self.get_response(request)
            if not is_reader(request) and "Cache-Control" not in response:
                add_never_cache_headers(response)
            return response

        key = page_key(request)
        stored = cache.get_many([generations.KEY, key])
        generation = generations.read(stored.get(generations.KEY))
        token = generations.use_for_request(generation)
        try:
            entry = stored.get(key)
            if settings.NEJAT_PAGE_CACHE and entry and entry.generation == generation.id:
                response = entry.response()
            else:
                response = self.render(request, key, generation)
        finally:
            generations.release(token)
        return self.conditional(request, response)

    def render(self, request, key, generation):
        response = self.get_response(request)
        if not is_cacheable(response):
            return response
        lifetime = min(
            settings.NEJAT_PAGE_CACHE_SECONDS,
            get_max_age(response) or settings.NEJAT_PAGE_CACHE_SECONDS,
            generation.seconds_left() or settings.NEJAT_PAGE_CACHE_SECONDS,
        )
        del response["Cache-Control"]
        patch_cache_control(
            response,
            public=True,
            max_age=min(BROWSER_SECONDS, lifetime),
            s_maxage=lifetime,
            stale_while_revalidate=min(30, lifetime),
        )
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'
        response["Last-Modified"] = http_date(generation.started)
        if settings.NEJAT_PAGE_CACHE and request.method == "GET":
            headers = list(response.items())
            cache.set(key, Entry(generation.id, 200, headers, response.content), lifetime)
        return response

    def conditional(self, request, response):
        if response.status_code != 200 or "ETag" not in response:
            return response
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
