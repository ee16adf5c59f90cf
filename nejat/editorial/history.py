"""History messages ("Added.", "Changed Title [en]…", "State changed to …") kept as
data and shown in the language of whoever reads them, not of whoever saved.

Django keeps its own messages as JSON and translates them when they are shown, except
the field labels: "Title [en]" or "Publish at" are not in any catalogue, their
verbose names ("title", "publish at") are. Our own messages are kept the same way, as
their untranslated text and parameters. Revisions keep the same JSON as the admin's
log entry, rather than the text in the saver's language.
"""

import json
import re
from datetime import datetime

import reversion
from django.contrib.admin.models import LogEntry
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext, override

# modeltranslation's label of a field in one language: "Title [en]".
LOCALIZED_LABEL = re.compile(r"(?P<label>.+) \[(?P<code>[\w-]+)\]")


def logged(message, **params):
    """One of our messages with its parameters, for ``log_change()``: stored
    untranslated, shown in each reader's language by ``describe()``."""
    with override(None):
        kept = {name: kept_value(value) for name, value in params.items()}
        return [{"nejat": {"message": str(message), "params": kept}}]


def kept_value(value):
    if isinstance(value, datetime):
        return {"time": value.isoformat()}
    # A choice (Publishable.Status.PUBLISHED) is kept as its label, not its value.
    return str(getattr(value, "label", value))


def shown_value(value):
    if isinstance(value, dict):
        moment = parse_datetime(value["time"])
        # A moment inside a sentence: no closing "a.m." full stop before the sentence's.
        return formats.localize(timezone.localtime(moment)).rstrip(".")
    # Words of the site's own (a state, a language) are translated; names and numbers
    # have no entry in the catalogue and stay as they are.
    return gettext(value) if value else value


def field_label(label):
    """A field's label as Django stored it, in the active language."""
    localized = LOCALIZED_LABEL.fullmatch(label)
    if localized:
        return f"{field_label(localized['label'])} [{localized['code']}]"
    translated = gettext(label)
    if translated == label:
        # Verbose names are lower case; the form's label is capitalised.
        lowered = label[:1].lower() + label[1:]
        translated = capfirst(gettext(lowered))
    return translated


def describe_part(part):
    if "nejat" in part:
        own = part["nejat"]
        params = {name: shown_value(value) for name, value in own["params"].items()}
        return gettext(own["message"]) % params
    if "fields" in part.get("changed", {}):
        part["changed"]["fields"] = [field_label(label) for label in part["changed"]["fields"]]
    return LogEntry(change_message=json.dumps([part])).get_change_message()


def describe(change_message):
    """A log entry's or a revision's message in the active language."""
    try:
        parts = json.loads(change_message) if change_message.startswith("[") else None
    except json.JSONDecodeError:
        parts = None
    if parts is None:
        # Plain text: an older message in its saver's language, or one kept untranslated
        # ("Deleted.").
        return gettext(change_message) if change_message else ""
    if not parts:
        return LogEntry(change_message="[]").get_change_message()
    return " ".join(describe_part(part) for part in parts)


class HistoryMixin:
    """For a reversion ``VersionAdmin``: each revision keeps its log entry's message as
    data, and ``self.logged()`` makes our own messages the same kind."""

    logged = staticmethod(logged)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry
