"""Settings for a laptop: every value comes from the environment, and none is needed.

Production settings (``nejat.settings.production``) build on these and refuse to
start without their secret key, hosts and database.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="development-only-key-never-used-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to add its translation tabs.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "reversion",
    "django_tasks",
    # Named in our languages in the admin (nejat.library_apps).
    "nejat.library_apps.BackgroundTasksConfig",
    "nejat.library_apps.SignInAttemptsConfig",
    "django_otp",
    "nejat.library_apps.AuthenticatorAppsConfig",
    "nejat.library_apps.RecoveryCodesConfig",
    "csp",
    # The project, then the shared core, one app per concern (their models keep the
    # "nejat" app label), then the content apps, then the importer that fills them.
    "nejat",
    "nejat.publishing",
    "nejat.media",
    "nejat.caching",
    "nejat.search",
    "nejat.editorial",
    "nejat.site",
    "articles",
    "media_library",
    "publications",
    "nejat.wordpress",
    "nejat.backups",
    "nejat.signin",
]

MIDDLEWARE = [
    "nejat.site.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the locale middleware and the page cache, so every response carries these
    # headers, the redirect of / and pages from the cache included.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "nejat.site.headers.ContentSecurityPolicyMiddleware",
    "nejat.site.headers.BrowserPolicyMiddleware",
    "nejat.media.limits.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A reader's page from the cache costs no more than this far down the stack.
    "nejat.caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nejat.publishing.editions.EditionTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A staff member's chosen admin language, in place of the browser's (admin pages only).
    "nejat.signin.language.AdminLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "nejat.signin.middleware.TwoFactorMiddleware",
    "nejat.caching.middleware.ReaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "nejat.site.redirects.RedirectFallbackMiddleware",
    # Last: it sees every sign-in attempt and answers a locked-out one.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nejat.urls"
CSRF_FAILURE_VIEW = "nejat.site.antispam.csrf_failure"
WSGI_APPLICATION = "nejat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nejat.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# redis://host:port/db uses Django's own Redis backend; rate limits need a cache
# shared by every worker in production.
CACHE_URL = env("CACHE_URL", default="locmemcache://")
CACHES = {
    "default": env.cache_url_config(
        CACHE_URL,
        backend="nejat.caching.backends.ResilientRedisCache"
        if CACHE_URL.startswith(("redis://", "rediss://"))
        else None,
    )
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("sq", _("Albanian")),
]
# Each edition's name as its own readers write it, for the Editions switcher.
EDITION_NAMES = {"en": "English", "ar": "عربي", "fa": "فارسی", "sq": "Shqip"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("DJANGO_TIME_ZONE", default="UTC")
# An edition's own time zone, for the dates its readers see (as its old site showed
# them): NEJAT_TIME_ZONES="fa=Asia/Tehran,ar=Asia/Baghdad". The others use TIME_ZONE.
NEJAT_TIME_ZONES = env.dict("NEJAT_TIME_ZONES", default={})
# Translators of these languages publish their own translations (NEJAT_TRANSLATORS_PUBLISH="fa,ar"),
# as editors publish every language (nejat.editorial.holds).
NEJAT_TRANSLATORS_PUBLISH = env.list("NEJAT_TRANSLATORS_PUBLISH", default=[])

# An edition shows only what exists in its language: never fall back to another.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_ENABLE_FALLBACKS = False
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
# Static files are the site's own; no other site needs to read them.
WHITENOISE_ALLOW_ALL_ORIGINS = False

# modeltranslation's tabs load jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# The rich-text editor's extensions of our own, each with what the sanitiser keeps of it;
# nejat.publishing.richtext turns them on.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {"js": [static_lazy("editorial/citation.js")], "extensions": {"Citation": html_tags(["cite"])}},
]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = env("DJANGO_MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads in an S3-compatible bucket (django-storages), for several app servers.
if env("DJANGO_MEDIA_STORAGE", default="local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            # A CDN or the bucket's public address, e.g. media.example.org.
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "location": env("AWS_LOCATION", default=""),
            # Public media have plain, cacheable addresses.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
            # For stores that use ACLs rather than a bucket policy: public-read.
            "default_acl": env("AWS_DEFAULT_ACL", default=None),
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# Whole pages for readers, kept in the cache above until something they show changes
# (see nejat.caching); the page cache off still keeps the chrome of every edition.
NEJAT_PAGE_CACHE = env.bool("NEJAT_PAGE_CACHE", default=True)
NEJAT_PAGE_CACHE_SECONDS = env.int("NEJAT_PAGE_CACHE_SECONDS", default=300)
# A CDN in front: what to call when readers' content changes (see nejat.caching.cdn).
NEJAT_CDN_PURGE_URL = env("NEJAT_CDN_PURGE_URL", default="")
NEJAT_CDN_PURGE_TOKEN = env("NEJAT_CDN_PURGE_TOKEN", default="")
NEJAT_CDN_PURGE = env("NEJAT_CDN_PURGE", default="")
# Messages ("thank you") travel in a cookie, never the session: a reader's page never
# asks for a session, so it stays the same for every reader.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

# Largest image accepted, in pixels; a bigger one is refused before it is decoded.
NEJAT_MAX_IMAGE_PIXELS = env.int("NEJAT_MAX_IMAGE_PIXELS", default=40_000_000)
NEJAT_MAX_UPLOAD_MB = env.int("NEJAT_MAX_UPLOAD_MB", default=20)
NEJAT_MAX_PDF_MB = env.int("NEJAT_MAX_PDF_MB", default=50)
NEJAT_MAX_VIDEO_MB = env.int("NEJAT_MAX_VIDEO_MB", default=500)
# While a change form has unsaved changes, a draft copy of it is kept this often.
NEJAT_AUTOSAVE_SECONDS = env.int("NEJAT_AUTOSAVE_SECONDS", default=60)
# Widths, in pixels, of the renditions made of every uploaded image.
NEJAT_IMAGE_WIDTHS = (400, 800, 1200)
# Where a video without a poster gets its provider's thumbnail (nejat.media.posters):
# an image's address, or an oEmbed endpoint whose answer names one. A provider left
# out gets a poster drawn with the video's title.
NEJAT_VIDEO_THUMBNAILS = {
    "YouTube": "https://i.ytimg.com/vi/{video_id}/hqdefault.jpg",
    "Vimeo": "https://vimeo.com/api/oembed.json?url={page_url}",
    "Aparat": "https://www.aparat.com/oembed?url={page_url}&format=json",
}
NEJAT_PAGE_SIZE = 10
# Search ranks this many of the newest matches (and says "at least" when it finds them all).
NEJAT_SEARCH_LIMIT = 500
# Public forms: posts allowed per visitor an hour, and the least time to fill one in.
# Slow work (staff e-mail, image renditions) waits in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Pauses between attempts to send a staff notice: 1 min, 5 min, 30 min, 2 h, 6 h, 24 h.
NEJAT_NOTICE_RETRY_SECONDS = (60, 300, 1800, 7200, 21600, 86400)

NEJAT_CONTACT_LIMIT_PER_HOUR = env.int("NEJAT_CONTACT_LIMIT_PER_HOUR", default=5)
NEJAT_COMMENT_LIMIT_PER_HOUR = env.int("NEJAT_COMMENT_LIMIT_PER_HOUR", default=10)
NEJAT_FORM_MIN_SECONDS = env.int("NEJAT_FORM_MIN_SECONDS", default=3)
# A public form may be sent once, within this long of being shown.
NEJAT_FORM_MAX_AGE_SECONDS = env.int("NEJAT_FORM_MAX_AGE_SECONDS", default=3 * 3600)
# The proxies in front of the app, as a number (nginx alone: 1) or their addresses:
# the visitor's address is read from X-Forwarded-For past them (nejat.site.antispam).
_proxies = env("NEJAT_TRUSTED_PROXIES", default="0")
NEJAT_TRUSTED_PROXIES = (
    int(_proxies) if _proxies.isdigit() else [a.strip() for a in _proxies.split(",") if a.strip()]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Failed sign-ins and lockouts are warnings; axes tells every success at INFO.
        "axes": {"level": "WARNING"},
        # One line per request (nejat.site.requestlog): on in production.
        "nejat.requests": {"level": env("NEJAT_REQUEST_LOG_LEVEL", default="WARNING")},
    },
}

# Errors are e-mailed to these ("Name <address>, …") and, with SENTRY_DSN, reported to
# Sentry without personal data (production settings).
ADMINS = [
    (name.strip(), address.strip(" >"))
    for name, _, address in (
        entry.rpartition("<") for entry in env.list("DJANGO_ADMINS", default=[])
    )
]

# Staff sign-in and what browsers may do (nejat/settings/security.py).
from .security import *  # noqa: E402, F403
