"""Showing results: the words a query matched, marked, and a snippet around them."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from nejat.search import textfold
from nejat.search.queries import query_terms

STEMMED = {"en", "ar"}
SNIPPET_WORDS = 30
SNIPPET_SCAN_WORDS = 5000
WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
)


class Highlighter:
    """Marks the words of a text that the query matched, as the search finds them: by
    their beginnings; for stemmed languages by a shorter stem too; in Arabic also
    after the article or a preposition joined on in front."""

    def __init__(self, query, language):
        terms = query_terms(query)
        roots = {term for variant in textfold.query_variants(terms, language) for term in variant}
        if language in STEMMED:
            roots |= {root[: max(3, len(root) - 2)] for root in roots}
        self.roots = tuple(roots)
        self.inside = tuple(root for root in roots if len(root) >= 3) if language == "ar" else ()

    def matches(self, word):
        folded = _fold_word(word)
        return folded.startswith(self.roots) or any(root in folded for root in self.inside)

    def mark(self, text):
        # Safe: _marked escapes.
        return mark_safe(self._marked(text, 0, len(text)))  # nosec B308 B703

    def snippet(self, text, length=SNIPPET_WORDS):
        """A short stretch of the text around its first match, matches marked."""
        words = []
        first = 0
        for number, match in enumerate(WORD.finditer(text)):
            words.append(match)
            if self.matches(match.group()):
                first = number
                break
            if number >= SNIPPET_SCAN_WORDS:
                break
        start = words[max(0, first - length // 3)].start() if words else 0
        last = None
        for count, match in enumerate(WORD.finditer(text, start), 1):
            last = match
            if count == length:
                break
        end = last.end() if last else len(text)
        if not WORD.search(text, end):
            end = len(text)
        before = "… " if start > 0 else ""
        after = " …" if end < len(text) else ""
        return mark_safe(before + self._marked(text, start, end) + after)  # nosec B308 B703

    def _marked(self, text, start, end):
        parts = []
        position = start
        for match in WORD.finditer(text, start, end):
            word = escape(match.group())
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{word}</mark>" if self.matches(match.group()) else word)
            position = match.end()
        parts.append(escape(text[position:end]))
        return "".join(parts)


@lru_cache(maxsize=4096)
def _fold_word(word):
    return textfold.fold(word).replace(" ", "")
