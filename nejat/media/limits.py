"""Requests larger than the largest upload the site accepts are refused before their
body is read: a 501 MB "video" would otherwise keep a worker busy until it is killed.
Each field still checks its own limit (an image at most NEJAT_MAX_UPLOAD_MB, …) once
a body within this one has arrived."""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation

# Room for the form's other fields beside the largest file.
FORM_ALLOWANCE = 1024 * 1024


def largest_request():
    largest_mb = max(
        settings.NEJAT_MAX_UPLOAD_MB, settings.NEJAT_MAX_PDF_MB, settings.NEJAT_MAX_VIDEO_MB
    )
    return largest_mb * 1024 * 1024 + FORM_ALLOWANCE


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = largest_request()
        if length > limit:
            language = translation.get_language_from_request(request)
            with translation.override(language):
                body = render_to_string("413.html", {"limit": filesizeformat(limit)})
            return HttpResponse(body, status=413)
        return self.get_response(request)
