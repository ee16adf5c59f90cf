"""One log line per request, for operators: its id, method, path, status, duration and,
for signed-in staff, the account's id (never a reader's address or anything they typed).

The id is the ``X-Request-ID`` that nginx sets (``$request_id``) when the app sits
behind trusted proxies, else a new one; the response carries it back, so a reader's
report of an error page can be found in the logs. In production the lines are on and
JSON (``NEJAT_LOG_FORMAT``); elsewhere ``NEJAT_REQUEST_LOG_LEVEL=INFO`` turns them on.
"""

import logging
import re
import time
import uuid

from django.conf import settings

logger = logging.getLogger("nejat.requests")
REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def request_id(request):
    given = request.headers.get("X-Request-ID", "")
    if settings.NEJAT_TRUSTED_PROXIES and REQUEST_ID.match(given):
        return given
    return uuid.uuid4().hex


def staff_id(request):
    # Only a user the request already loaded: logging must not add a query to the page.
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_staff else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.id = request_id(request)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": staff_id(request),
            },
        )
        return response
