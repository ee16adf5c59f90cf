"""The page for an unexpected error, and the one for an outage of the database.

Django calls ``server_error`` while it handles any exception a request raised, in a
view or in a middleware; a database that went away answers 503 with
``Retry-After`` (a reader, a proxy or a crawler may come back) rather than the 500
page. Both templates are rendered without the database or the request.
"""

import sys

from django.db import DatabaseError
from django.http import HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 30


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponseServerError(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
