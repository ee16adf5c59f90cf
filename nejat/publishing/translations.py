"""Which languages of an item changed, and when: what tells translators that their
translation is outdated (see ``outdated_languages``)."""

from django.conf import settings
from django.utils import timezone

from nejat.publishing.languages import localized_fields
from nejat.publishing.richtext import RichTextField, sanitize_html


def _text(value):
    """A stored value as text to compare: a file by its name, nothing as ""."""
    return "" if value is None else str(value)


def record_translations(item):
    """Before a save: note now as the time of each language whose translated fields
    differ from what is stored (rich text compared as it will be stored).

    The first time, the item's source language is settled: the first (in the site's
    order) it had that this save leaves unchanged, else the first changed now.
    Languages it had before times were kept are dated from its creation.
    """
    languages = localized_fields(type(item))
    fields = [item._meta.get_field(name) for name in languages]
    fields = [field for field in fields if field.editable]
    stored = {}
    if item.pk:
        attnames = [field.attname for field in fields]
        stored = type(item)._default_manager.filter(pk=item.pk).values(*attnames).first() or {}
    touched = set()
    for field in fields:
        value = getattr(item, field.attname)
        if isinstance(field, RichTextField) and value:
            value = sanitize_html(value)
        if _text(value) != _text(stored.get(field.attname)):
            touched.add(languages[field.name])
    if not touched:
        return
    changed = [code for code, _name in settings.LANGUAGES if code in touched]
    present = item.written_languages
    if not item.source_language:
        unchanged = [code for code in present if code not in touched]
        item.source_language = (unchanged or present or changed)[0]
    times = dict(item.translated_at or {})
    if item.created_at:
        for code in present:
            times.setdefault(code, item.created_at.isoformat())
    now = timezone.now().isoformat()
    times.update(dict.fromkeys(changed, now))
    item.translated_at = times
