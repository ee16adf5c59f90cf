"""`manage.py check --deploy`: in production the cache and the sessions must be shared
by every worker and every server. A per-process cache gives each gunicorn worker its
own page cache and its own hourly form limits (multiplying them), and an edit would
reach only the worker that saw it; sessions on a local disk sign staff out whenever
the load balancer sends them to another server."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
LOCAL_SESSIONS = ("django.contrib.sessions.backends.file",)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"The cache ({backend.rsplit('.', 1)[-1]}) is not shared between workers "
                "and servers.",
                hint="Set CACHE_URL to a Redis server, e.g. redis://127.0.0.1:6379/1.",
                id="nejat.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def shared_sessions(app_configs, **kwargs):
    if settings.SESSION_ENGINE in LOCAL_SESSIONS:
        return [
            Error(
                "Sessions are kept in files on this machine.",
                hint="Keep them in the database (the default) or the cache.",
                id="nejat.E002",
            )
        ]
    return []
