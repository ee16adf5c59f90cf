"""The site around the content: its settings, editable pages, the contact inbox and
the table of old addresses that moved."""

import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    URLValidator,
    validate_email,
)
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.media.images import ResponsiveImageField
from nejat.publishing.models import Publishable
from nejat.publishing.richtext import RichTextField
from nejat.site.notices import StaffNotice

__all__ = ["ContactMessage", "Page", "Redirect", "SiteSettings", "StaffNotice"]


def validate_email_lines(value):
    for line in value.splitlines():
        if line.strip():
            validate_email(line.strip())


class SiteSettings(models.Model):
    """The one record of site-wide settings staff edit in the admin."""

    name = models.CharField(_("site name"), max_length=100, default="Nejat")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    copyright_start_year = models.PositiveIntegerField(
        _("copyright start year"),
        default=2010,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    copyright_holder = models.CharField(
        _("copyright line"),
        max_length=200,
        blank=True,
        help_text=_("Shown after the years, e.g. “Nejat Association. All rights reserved.”"),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    twitter_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    notification_emails = models.TextField(
        _("staff e-mail addresses"),
        blank=True,
        help_text=_("One per line: they receive contact messages and new-comment notices."),
        validators=[validate_email_lines],
    )
    share_image = ResponsiveImageField(
        _("default share image"),
        upload_to="site/",
        blank=True,
        width_field="share_image_width",
        height_field="share_image_height",
        renditions_ready_field="share_image_renditions_ready",
        help_text=_("Shown by social networks for pages that have no picture of their own."),
    )
    share_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    share_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    share_image_renditions_ready = models.BooleanField(default=True, editable=False)

    class Meta:
        app_label = "nejat"
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The saved settings, or the defaults before staff first save them."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def recipients(self):
        return [line.strip() for line in self.notification_emails.splitlines() if line.strip()]

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in [
                ("Facebook", self.facebook_url),
                ("X (Twitter)", self.twitter_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
                ("Telegram", self.telegram_url),
            ]
            if url
        ]


class Page(Publishable):
    """An editable page such as About Us, at ``/<lang>/<slug>/``."""

    class Placement(models.TextChoices):
        NONE = "", _("Nowhere")
        MENU = "menu", _("Main menu")
        FOOTER = "footer", _("Footer")

    edition_fields = ("title", "slug", "body")
    indexed_fields = {"title": "A", "body": "C"}
    url_name = "page"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    body = RichTextField(_("body"))
    placement = models.CharField(
        _("shown in"), max_length=10, choices=Placement.choices, default="", blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        app_label = "nejat"
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "pk"]

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        errors = {}
        for code, _name in settings.LANGUAGES:
            slug = getattr(self, build_localized_fieldname("slug", code))
            if slug and not address_is_free(code, slug):
                errors[build_localized_fieldname("slug", code)] = ValidationError(
                    _("This address belongs to another part of the site."), code="taken"
                )
        if errors:
            raise ValidationError(errors)


def address_is_free(language_code, slug):
    """True when /<lang>/<slug>/ would reach the page view, not another section."""
    with translation.override(language_code):
        try:
            match = resolve(f"/{language_code}/{slug}/")
        except Resolver404:
            return True
    return match.url_name == "page"


class ContactMessage(models.Model):
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    ip_hash = models.CharField(_("sender's address (hashed)"), max_length=64, editable=False)
    is_read = models.BooleanField(_("read"), default=False)
    is_spam = models.BooleanField(_("spam"), default=False)

    class Meta:
        app_label = "nejat"
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.subject


def redirect_path(address):
    """An old address as the redirects table keeps it: the path, decoded, with its
    query string if it has one (``/2018/08/06/slug/``, ``/?p=123``)."""
    address = address.strip()
    if address.startswith("//"):  # a path with a doubled slash, not an address on a host
        address = re.sub("^/+", "/", address)
    parts = urlsplit(address)
    path = re.sub("/{2,}", "/", unquote(parts.path)) or "/"
    return f"{path}?{parts.query}" if parts.query else path


class Redirect(models.Model):
    """An old address that answers with a permanent redirect when nothing else claims it.

    One with a host answers only requests for that host (an old site's domain now
    pointing at this server); one without answers on any host."""

    old_host = models.CharField(
        _("old host"),
        max_length=253,
        blank=True,
        help_text=_(
            "The old site's domain, such as old.example.org, when several old sites "
            "had the same address; empty for any."
        ),
    )
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        help_text=_("A path on this site, such as /2018/08/06/old-title/ or /?p=123."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where readers are sent: a path such as /en/articles/title/, or a full URL. "
            "Empty for what is not public any more: the old address answers “gone” (410)."
        ),
    )

    class Meta:
        app_label = "nejat"
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_host", "old_path"]
        constraints = [
            models.UniqueConstraint(
                fields=["old_host", "old_path"],
                name="unique_old_address",
                violation_error_message=_(
                    "This old address already has a redirect on this host: change that one."
                ),
            )
        ]

    def __str__(self):
        return f"{self.old_host}{self.old_path} → {self.new_path or '410'}"

    def clean(self):
        super().clean()
        errors = {}
        self.old_host = self.old_host.strip().lower().rstrip(".")
        self.old_path = redirect_path(self.old_path)
        if not self.old_path.startswith("/"):
            errors["old_path"] = _("Enter a path that starts with /.")
        target = self.new_path.strip()
        if not target or (target.startswith("/") and not target.startswith("//")):
            self.new_path = target
        else:
            try:
                URLValidator(schemes=["http", "https"])(target)
            except ValidationError:
                errors["new_path"] = _("Enter a path that starts with / or a full http(s) URL.")
        if target.startswith("/") and redirect_path(target) == self.old_path:
            errors["new_path"] = _("The new address must differ from the old one.")
        if errors:
            raise ValidationError(errors)
