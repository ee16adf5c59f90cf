"""Response headers that tell the browser what the site's pages may do.

The Content-Security-Policy comes from django-csp (``CONTENT_SECURITY_POLICY`` in the
settings), one policy for every page but one concession in the admin: the rich-text
editor adds its own ``<style>`` element, so admin pages allow inline styles (never
inline scripts). This adds what neither it nor Django's ``SecurityMiddleware`` sends: a
Permissions-Policy that turns off the device features no page of the site uses, and a
Cross-Origin-Resource-Policy that keeps other sites from embedding its responses.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from nejat.admin_address import is_admin_path

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class BrowserPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Pages are never embedded elsewhere; files (images, PDFs) may be, by the same site.
        html = response.get("Content-Type", "").startswith("text/html")
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "same-origin" if html else "same-site"
        )
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin_path(request.path_info) and parts.update is None:
            inline_styles = {"style-src": [UNSAFE_INLINE]}
            return PolicyParts(parts.config, inline_styles, parts.replace, parts.nonce)
        return parts
