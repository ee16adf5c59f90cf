from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["ar", "fa", "sq"])
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.translated() or entry.obsolete]
    assert missing == []


@pytest.mark.parametrize("language", ["ar", "fa", "sq"])
def test_compiled_catalogue_is_committed_and_current(language):
    """The .mo beside each .po is what Django reads; a stale one shows English."""
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    with translation.override(language):
        for entry in catalogue.translated_entries():
            if not entry.msgid_plural and "%" not in entry.msgid:
                shown = (
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                )
                assert shown == entry.msgstr, entry.msgid
