"""Spam and flood protection for the public forms, with no third-party service.

Every public form inherits ``ProtectedForm`` (a honeypot and a minimum time to
fill it in); views call ``over_limit`` before storing anything, and are wrapped in
``public_form``: the pages they are on are the same for every reader (and cached),
so readers get no CSRF cookie and their posts are checked by where they come from.
"""

import contextvars
import re
import time
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.forms.utils import flatatt
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

TIMESTAMP_SALT = "nejat.antispam.shown-at"


def client_ip(request):
    """The visitor's address as our own proxies saw it, never as the visitor wrote it.

    ``X-Forwarded-For`` is read from the right: each trusted proxy appends the address
    it got the request from, so the entry just before them is the visitor's, and
    whatever a visitor put in the header themselves stays on the left, unread.
    ``NEJAT_TRUSTED_PROXIES`` is how many proxies stand in front of the app (nginx: 1;
    a CDN and nginx: 2) or their addresses; none means the connection's own address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.NEJAT_TRUSTED_PROXIES
    if not trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [address.strip() for address in forwarded.split(",") if address.strip()]
    chain.append(remote)
    if isinstance(trusted, int):
        return chain[max(len(chain) - 1 - trusted, 0)]
    for address in reversed(chain):
        if address not in trusted:
            return address
    return chain[0]


def ip_hash(request):
    """A keyed hash of the visitor's IP address: comparable, but not the address."""
    return salted_hmac("nejat.ip", client_ip(request), algorithm="sha256").hexdigest()


class FormsUnavailable(Exception):
    """The cache that holds the hourly limits and used form tokens cannot be reached."""


def _shared(operation, *args, **kwargs):
    """A cache operation the public forms depend on; any failure of the cache server
    (a refused connection, a timeout) becomes ``FormsUnavailable``."""
    try:
        return getattr(cache, operation)(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - each cache backend raises its own errors
        raise FormsUnavailable from error


def public_form(view):
    """A view whose form is on pages every reader gets alike. Signed-in staff pass
    Django's CSRF check as everywhere; a reader's post must come from a page of this
    site, by its ``Origin`` (else ``Referer``) header, as Django checks on HTTPS.

    When the cache is down, posts are refused politely (503, the text kept on the
    page) rather than accepted unchecked: nothing is stored, so nothing is doubled."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST":
            if request.user.is_authenticated:
                refusal = CsrfViewMiddleware(view).process_view(request, view, args, kwargs)
                if refusal is not None:
                    return refusal
            elif not from_this_site(request):
                return csrf_failure(request, reason="foreign origin")
        claimed = _claimed.set([])
        try:
            return view(request, *args, **kwargs)
        except FormsUnavailable:
            return refused(request, "site/forms_unavailable.html", 503)
        except Exception:
            # The post was not stored (the database failed, say): the visitor may send
            # the same form again.
            for key in _claimed.get():
                cache.delete(key)
            raise
        finally:
            _claimed.reset(claimed)

    return csrf_exempt(checked)


_claimed = contextvars.ContextVar("nejat_claimed_form_tokens", default=None)


def from_this_site(request):
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != "null" and same_origin(origin, request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return same_origin(referer, request)
    # Browsers send one or the other with every form; on HTTPS, Django requires it too.
    return not request.is_secure()


def same_origin(url, request):
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


def csrf_failure(request, reason=""):
    """A form post refused for where it came from (also Django's ``CSRF_FAILURE_VIEW``)."""
    return render(request, "403_csrf.html", status=403)


def refused(request, template, status):
    """A post refused as a whole, with what the visitor wrote kept on the page."""
    kept = request.POST.get("message") or request.POST.get("text") or ""
    response = render(request, template, {"kept_text": kept}, status=status)
    if status == 503:
        response["Retry-After"] = "300"
    return response


def too_many_posts(request):
    return refused(request, "429.html", 429)


def over_limit(request, scope, per_hour):
    """Count one post for this visitor; True once they have made more than allowed this hour."""
    key = f"nejat:limit:{scope}:{ip_hash(request)}:{int(time.time() // 3600)}"
    _shared("add", key, 0, timeout=3600)
    try:
        return _shared("incr", key) > per_hour
    except ValueError:  # the key expired between add and incr
        _shared("set", key, 1, timeout=3600)
        return 1 > per_hour


class OneLineField(forms.CharField):
    """Text that travels in an e-mail header (a name, a subject): a line break or a
    control character there is refused with a message, never passed on."""

    default_error_messages = {
        "not_one_line": _("Write this on one line, without line breaks or control characters.")
    }
    control_characters = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")

    def validate(self, value):
        super().validate(value)
        if value and self.control_characters.search(value):
            raise forms.ValidationError(self.error_messages["not_one_line"], code="not_one_line")


class HiddenInput(forms.HiddenInput):
    """Django's hidden input, written without its template: the markup is the same,
    and a form's hidden values (the signed time it was shown) change on every page
    view, so they are written afresh for every reader."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], name, value, flatatt(widget["attrs"])
        )


class ProtectedForm(forms.Form):
    """A honeypot field people never see, and a signed time the form was shown."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown_at = forms.CharField(widget=HiddenInput)

    spam_message = _("Your message could not be accepted. Please try again in a minute.")
    is_spam = False
    is_replay = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["shown_at"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.is_spam = True
            raise forms.ValidationError(self.spam_message, code="honeypot")
        if self._errors:
            # The fields' own messages say what to fix; nothing is stored, and the time
            # checks below would only add a reason that is not the real one.
            return cleaned
        token = self.data.get(self.add_prefix("shown_at"), "")
        try:
            shown_at = signing.loads(
                token, salt=TIMESTAMP_SALT, max_age=settings.NEJAT_FORM_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form has expired. Please send it again."), code="expired"
            ) from None
        if time.time() - shown_at < settings.NEJAT_FORM_MIN_SECONDS:
            self.is_spam = True
            raise forms.ValidationError(
                _(
                    "This was sent seconds after the page opened, faster than people "
                    "write. Check what you wrote and send it again."
                ),
                code="too_fast",
            )
        if not self.claim(token):
            self.is_replay = True
            raise forms.ValidationError(
                _("This form has already been sent. To write again, fill in the form anew."),
                code="replayed",
            )
        return cleaned

    def claim(self, token):
        """Use up this copy of the form: True the first time it is sent whole."""
        key = "nejat:form-used:" + salted_hmac(TIMESTAMP_SALT, token).hexdigest()
        if not _shared("add", key, 1, timeout=settings.NEJAT_FORM_MAX_AGE_SECONDS):
            return False
        if _claimed.get() is not None:
            _claimed.get().append(key)
        return True

    @property
    def refusal_status(self):
        """The status a page showing this invalid form answers with."""
        return 400 if self.is_replay else 200
