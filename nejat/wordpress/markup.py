"""Small pieces of HTML the import reads and writes."""

import html
import re
from urllib.parse import unquote, urlsplit

from django.utils.html import strip_tags


def link_paragraph(url, label=None):
    url = html.unescape(url.strip())
    return f'<p><a href="{html.escape(url)}">{html.escape(label or url)}</a></p>'


def plain_text(value):
    """Text of a bit of HTML (titles, excerpts): tags dropped, entities read, one line."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def comment_text(value):
    """A comment's HTML as the plain text our comments are: paragraphs kept as lines."""
    value = re.sub(r"<br\s*/?>|</p>", "\n", value or "", flags=re.I)
    text = html.unescape(strip_tags(value)).replace("\r\n", "\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def file_link(url):
    """A paragraph with a link to a file, named by its file name."""
    name = unquote(urlsplit(html.unescape(url)).path.rsplit("/", 1)[-1])
    return link_paragraph(url, name or None)
