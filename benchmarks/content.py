"""The generated content as the site's four editions, for the benchmark's loader.

``gen_content.py`` writes English-like text. The Arabic and Persian editions get
the same text with each Latin letter swapped for a letter of that script, so their
pages weigh what right-to-left pages weigh (two bytes a letter, percent-encoded
addresses) and search folds real Arabic-script letters, Persian yeh and keheh
among them; the Albanian edition gets its ë and ç.
"""

from datetime import timedelta

LANGUAGES = ("en", "ar", "fa", "sq")
YEARS = 20
LATIN = "abcdefghijklmnopqrstuvwxyz"
SCRIPTS = {
    "ar": str.maketrans(LATIN, "ابتثجحدذرزسشصطعغفقكلمنهوية"),
    "fa": str.maketrans(LATIN, "ابپتجچحخدرزژسشفقکگلمنوهیعط"),
    "sq": str.maketrans("ec", "ëç"),
}


def in_language(text, language):
    """The text as the benchmark's stand-in translation into that language."""
    if language in ("ar", "fa"):
        return text.lower().translate(SCRIPTS[language])
    return text.translate(SCRIPTS["sq"]) if language == "sq" else text


def editions(article):
    """The generated article's fields in each language, ready to copy onto rows.
    Albanian addresses stay in plain Latin letters, as Albanian sites write them."""
    from django.utils.html import escape

    def edition(language):
        paragraphs = (escape(in_language(p, language)) for p in article["body_paragraphs"])
        return {
            "title": in_language(article["title"], language),
            "slug": in_language(article["slug"], language if language != "sq" else "en"),
            "summary": in_language(article["intro"], language),
            "body": "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
        }

    return {language: edition(language) for language in LANGUAGES}


def translated(fields):
    """Model keyword arguments for each language's fields."""
    values = {}
    for language, texts in fields.items():
        for field, text in texts.items():
            values[f"{field}_{language}"] = text
    # The untranslated column, as modeltranslation fills it: the default language.
    values.update({field: values[f"{field}_en"] for field in fields["en"]})
    return values


def publish_times(count):
    """Evenly spread over the last ``YEARS`` years; the last article is the newest."""
    from django.utils import timezone

    newest = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    step = timedelta(days=365.25 * YEARS) / max(count - 1, 1)
    return [newest - step * (count - 1 - number) for number in range(count)]
