"""Text folded for search, so that the forms a reader may type count as one.

The same folding runs on the text that is indexed and on the query, so the two
always agree: Arabic and Persian yeh and kaf, teh marbuta and the heh forms,
alef and hamza forms, diacritics, tatweel, the zero-width (non-)joiner and
direction marks, Persian and Arabic-Indic digits, Latin accents and case.

Persian writes one word with a zero-width non-joiner, joined or with a space
(کتاب‌ها, کتابها, کتاب ها). Removing the non-joiner makes the first two one
word; for the space, the index also holds each pair of neighbouring words
written together (``index_text``) and a query also tries its neighbouring words
written together (``query_variants``).
"""

import re
import unicodedata

# Languages that write one word with or without a space between its parts.
JOINING_LANGUAGES = {"fa"}

LETTERS = str.maketrans(
    {
        "\u06cc": "\u064a",  # Persian yeh → Arabic yeh
        "\u0649": "\u064a",  # alef maksura
        "\u06d2": "\u064a",  # yeh barree
        "\u06a9": "\u0643",  # keheh (Persian kaf) → Arabic kaf
        "\u06aa": "\u0643",  # swash kaf
        "\u0629": "\u0647",  # teh marbuta → heh
        "\u06d5": "\u0647",  # ae (what heh with yeh above decomposes to)
        "\u06be": "\u0647",  # heh doachashmee
        "\u06c1": "\u0647",  # heh goal
        "\u0671": "\u0627",  # alef wasla
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
        # Removed: tatweel, soft hyphen, zero-width (non-)joiner, direction marks, BOM.
        **dict.fromkeys(
            map(ord, "\u0640\u00ad\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"), None
        ),
        **dict.fromkeys(range(0x202A, 0x202F), None),
        **dict.fromkeys(range(0x2066, 0x206A), None),
    }
)
WORD = re.compile(r"[^\W_]+")


def fold(text):
    """The text's words, folded, separated by single spaces."""
    if not text:
        return ""
    # Compatibility decomposition turns presentation forms into letters and splits
    # hamza, madda and accents off their letters, so dropping the marks also folds
    # أ إ آ to ا, ؤ to و, ئ to ي and é to e.
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return " ".join(WORD.findall(letters.translate(LETTERS).casefold()))


def index_text(text, language):
    """Folded text to index; in a joining language, with each pair of neighbouring
    words also written together."""
    folded = fold(text)
    if language not in JOINING_LANGUAGES:
        return folded
    words = folded.split()
    joined = [a + b for a, b in zip(words, words[1:], strict=False) if a.isalpha() and b.isalpha()]
    return " ".join([folded, *joined]) if joined else folded


def query_variants(terms, language):
    """The ways of reading the query's words: in a joining language, any neighbouring
    pair may also be one word written with a space. The first variant is the query
    as typed."""
    if language not in JOINING_LANGUAGES or len(terms) < 2:
        return [list(terms)]

    def readings(words):
        if len(words) < 2:
            return [list(words)]
        apart = [[words[0], *rest] for rest in readings(words[1:])]
        if not (words[0].isalpha() and words[1].isalpha()):
            return apart
        return apart + [[words[0] + words[1], *rest] for rest in readings(words[2:])]

    return readings(list(terms))


PERSIAN_SPELLING = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
ARABIC_SPELLING = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})


def spelling_variants(text):
    """The text as typed, with Persian yeh and kaf, and with Arabic ones: what a
    keyboard of the other language would have typed, for lookups (the admin's search)
    that cannot fold the stored text."""
    variants = [text, text.translate(PERSIAN_SPELLING), text.translate(ARABIC_SPELLING)]
    return list(dict.fromkeys(variants))
