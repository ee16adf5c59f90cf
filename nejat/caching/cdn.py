"""Telling a CDN in front of the site to drop its copies when what readers see changes.

Pages carry ``s-maxage`` (``NEJAT_PAGE_CACHE_SECONDS``), so a CDN that honours it is
at most that stale without any of this; with a purge hook an edit reaches readers
through the CDN at once. Either setting names the hook, called by the task worker
after the change has committed, never on an editor's request:

- ``NEJAT_CDN_PURGE_URL``: POSTed ``{"purge_everything": true}`` as JSON, with
  ``Authorization: Bearer NEJAT_CDN_PURGE_TOKEN`` when a token is set (Cloudflare's
  zone purge API takes exactly this; a small relay adapts it for others);
- ``NEJAT_CDN_PURGE``: the dotted path of a function of no arguments, for anything else.
"""

import json
import logging
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)


def is_configured():
    return bool(settings.NEJAT_CDN_PURGE or settings.NEJAT_CDN_PURGE_URL)


def request_purge():
    if is_configured():
        purge_cdn.enqueue()


@task()
def purge_cdn():
    if settings.NEJAT_CDN_PURGE:
        import_string(settings.NEJAT_CDN_PURGE)()
        return
    headers = {"Content-Type": "application/json"}
    if settings.NEJAT_CDN_PURGE_TOKEN:
        headers["Authorization"] = f"Bearer {settings.NEJAT_CDN_PURGE_TOKEN}"
    body = json.dumps({"purge_everything": True}).encode()
    url = settings.NEJAT_CDN_PURGE_URL
    if urlsplit(url).scheme not in ("http", "https"):
        raise ImproperlyConfigured(f"NEJAT_CDN_PURGE_URL must be an http(s) address: {url!r}")
    request = urllib.request.Request(url, body, headers, method="POST")
    # Safe: http(s) only.
    with urllib.request.urlopen(request, timeout=10) as response:  # nosec B310
        logger.info("CDN purge answered %s", response.status)
