"""Staff sign-in (lockout, two-factor) and the browser's content policy, read from the
environment like the rest of the settings (base.py imports this at its end)."""

from datetime import timedelta

import environ
from csp.constants import NONCE, NONE, SELF

env = environ.Env()

AUTHENTICATION_BACKENDS = [
    # Refuses sign-ins from a locked-out address or account before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in: NEJAT_SIGNIN_FAILURES wrong passwords for one account, or from one
# address, lock it for NEJAT_SIGNIN_COOLOFF_MINUTES (or until an Administrator deletes
# the attempt under "Access attempts").
AXES_FAILURE_LIMIT = env.int("NEJAT_SIGNIN_FAILURES", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("NEJAT_SIGNIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "nejat.site.antispam.client_ip"
AXES_LOCKOUT_CALLABLE = "nejat.signin.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Every failed sign-in is kept (Axes › Access failures) and logged.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Two-factor sign-in (TOTP, with recovery codes) is required of these groups' members
# before they reach the admin; anyone else may enrol.
NEJAT_TWO_FACTOR_GROUPS = ("Administrator", "Editor")
NEJAT_TWO_FACTOR_REQUIRED = env.bool("NEJAT_TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = env("NEJAT_TWO_FACTOR_ISSUER", default="Nejat")

# Content-Security-Policy (django-csp): the site's own scripts and styles only; the
# video players it embeds (on play) in frames; nothing may frame the site.
_media_origins = [
    f"https://{domain}" if (domain := env("AWS_S3_CUSTOM_DOMAIN", default="")) else "",
    env("AWS_S3_ENDPOINT_URL", default="")
    if env("DJANGO_MEDIA_STORAGE", default="") == "s3"
    else "",
]
MEDIA_ORIGINS = [origin.rstrip("/") for origin in _media_origins if origin]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # A nonce only where a page asks for one (the admin's rich-text editor).
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.aparat.com",
        ],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
