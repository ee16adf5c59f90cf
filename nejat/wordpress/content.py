"""WordPress post bodies in our HTML.

WordPress stores a body as the editor left it and builds the page when it is
read: paragraphs from blank lines (``wpautop``), shortcodes (``[caption]``,
``[gallery]``…), block-editor comments, embeds from bare links. We build that
HTML once, here, in the forms our rich-text field keeps: figures with captions,
paragraphs with a link for a video or an embed (the article page turns a video
file's link into a player), quotes with their attribution (``<cite>``) in a
paragraph of their own. The sanitiser then keeps only what an editor could
type; ``Publishable.save`` runs it.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from nejat.media.embeds import parse_embed
from nejat.wordpress.markup import file_link, link_paragraph
from nejat.wordpress.shortcodes import shortcodes


@dataclass
class Context:
    """What a body needs from the rest of the import."""

    # An address in the body → the address to keep (a copied file, a path on this site).
    rewrite_url: Callable[[str], str]
    # Attachment ids (or None: the post's own attachments) → [(id, url, alt, caption)].
    gallery: Callable[[list | None], list]
    unknown_shortcode: Callable[[str], None]
    unknown_block: Callable[[str], None]


def convert(text, context):
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    has_blocks = "<!-- wp:" in text
    if has_blocks:
        text = _blocks(text, context)
    # An address alone on its line is embedded (classic text between blocks too).
    text = AUTO_EMBED.sub(lambda m: link_paragraph(m.group(1)), text)
    text = shortcodes(text, context)
    if not has_blocks:
        text = autop(text)
    text = _media(text)
    text = _quotes(text)
    text = _tidy(text)
    text = URL_ATTRIBUTE.sub(lambda m: _rewritten(m, context.rewrite_url), text)
    return re.sub(r"\n\s*\n", "\n", text).strip()


# Block editor

EMBED_BLOCK = re.compile(
    r"<!-- wp:(core-embed/[\w-]+|embed)\s+(\{.*?\})\s+-->(.*?)<!-- /wp:\1 -->", re.S
)
SELF_CLOSING_BLOCK = re.compile(r"<!-- wp:([\w/-]+)(?:\s+\{.*?\})?\s*/-->", re.S)
BLOCK_COMMENT = re.compile(r"<!-- /?wp:.*?-->", re.S)
FIGCAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.S)
# Blocks that only space, break or hold others, when empty: nothing to say about leaving
# them out. Other self-closing blocks are built by WordPress when a page is read (latest
# posts, archives, search…) and are reported.
SILENT_BLOCKS = {
    "more", "nextpage", "spacer", "separator", "column", "columns", "group", "buttons",
    "button", "shortcode", "paragraph", "heading", "html", "freeform", "missing",
}  # fmt: skip


def _blocks(text, context):
    def embed(match):
        try:
            url = json.loads(match.group(2)).get("url", "")
        except ValueError:
            url = ""
        if not url:
            found = re.search(r"https?://[^\s<\"]+", match.group(3))
            url = found.group(0) if found else ""
        caption = FIGCAPTION.search(match.group(3))
        return (link_paragraph(url) if url else "") + (
            f"<p>{caption.group(1)}</p>" if caption else ""
        )

    def dynamic(match):
        name = match.group(1).removeprefix("core/")
        if name not in SILENT_BLOCKS:
            context.unknown_block(name)
        return ""

    text = EMBED_BLOCK.sub(embed, text)
    text = SELF_CLOSING_BLOCK.sub(dynamic, text)
    return BLOCK_COMMENT.sub("", text)


# Auto-paragraphs: a port of the core of WordPress's wpautop.

BLOCK_TAGS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
    r"|video|audio|iframe|object)"
)
AUTO_EMBED = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.M)


def autop(text):
    if not text.strip():
        return ""
    kept = []

    def keep(match):
        kept.append(match.group(0))
        return f"\n\n<!--kept{len(kept) - 1}-->\n\n"

    # Code keeps its line breaks; figures (ours, from [caption] and [gallery]) are whole.
    text = re.sub(r"<(pre|figure)[\s>].*?</\1>", keep, text, flags=re.S | re.I)
    text = re.sub(r"<[^>]*\n[^>]*>", lambda m: m.group(0).replace("\n", " "), text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.I)
    text = re.sub(rf"(<{BLOCK_TAGS}[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</{BLOCK_TAGS}>)", r"\1\n\n", text, flags=re.I)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    text = "".join(f"<p>{chunk}</p>\n" for chunk in chunks)
    text = re.sub(rf"<p>\s*(</?{BLOCK_TAGS}[^>]*>)\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(rf"<p>(\s*</?{BLOCK_TAGS}[^>]*>)", r"\1", text, flags=re.I)
    text = re.sub(rf"(</?{BLOCK_TAGS}[^>]*>\s*)</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p>(<!--kept\d+-->)</p>", r"\1", text)
    text = re.sub(r"(?<!<br>)\s*\n(?!$)", "<br>\n", text)
    text = re.sub(rf"(</?{BLOCK_TAGS}[^>]*>)\s*<br>", r"\1", text, flags=re.I)
    text = re.sub(r"<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"(<!--kept\d+-->)\s*<br>", r"\1", text)
    return re.sub(r"<!--kept(\d+)-->", lambda m: kept[int(m.group(1))], text)


# Elements our rich text has no place for, in a form it has.

VIDEO_FIGURE = re.compile(
    r"<figure[^>]*>\s*(<(?:video|audio)\b.*?</(?:video|audio)>)(.*?)</figure>", re.S | re.I
)
MEDIA_ELEMENT = re.compile(r"<(video|audio)\b([^>]*)>(.*?)</\1>", re.S | re.I)
IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe>|<iframe\b([^>]*)/?>", re.S | re.I)
SRC = re.compile(r"""(?<![\w-])src\s*=\s*["']([^"']+)["']""", re.I)


def _media(text):
    def figure(match):
        caption = FIGCAPTION.search(match.group(2))
        return match.group(1) + (f"<p>{caption.group(1)}</p>" if caption else "")

    def media(match):
        source = SRC.search(match.group(2)) or SRC.search(match.group(3))
        return file_link(source.group(1)) if source else ""

    def iframe(match):
        source = SRC.search(match.group(1) or match.group(2) or "")
        if not source:
            return ""
        embed = parse_embed(html.unescape(source.group(1)))
        return link_paragraph(embed.page_url if embed else source.group(1))

    text = VIDEO_FIGURE.sub(figure, text)
    text = MEDIA_ELEMENT.sub(media, text)
    return IFRAME.sub(iframe, text)


# A quote's attribution where the editor keeps it: a paragraph of its blockquote. WordPress
# puts the quote block's <cite> straight into the blockquote, and wraps a pull quote (and
# a quote with a caption) in a <figure>, which in the editor holds an image only.
QUOTE_FIGURE = re.compile(
    r"<figure\b[^>]*>\s*<blockquote\b([^>]*)>((?:(?!</figure>).)*?)</blockquote>\s*"
    r"(?:<figcaption\b[^>]*>((?:(?!</figure>).)*?)</figcaption>\s*)?</figure>",
    re.S | re.I,
)
LOOSE_CITE = re.compile(
    r"(<blockquote\b[^>]*>|</(?:p|h[1-6]|ul|ol|blockquote)>)(\s*)(<cite\b[^>]*>.*?</cite>)",
    re.S | re.I,
)


def _quotes(text):
    def unwrapped(match):
        caption = (match.group(3) or "").strip()
        caption = f"<p>{caption}</p>" if caption else ""
        return f"<blockquote{match.group(1)}>{match.group(2)}{caption}</blockquote>"

    def attribution(match):
        cite = match.group(3) if re.sub(r"<[^>]*>|\s", "", match.group(3)) else ""
        return match.group(1) + match.group(2) + (f"<p>{cite}</p>" if cite else "")

    text = QUOTE_FIGURE.sub(unwrapped, text)
    return LOOSE_CITE.sub(attribution, text)


def _tidy(text):
    """Headings and emphasis in the forms the editor offers; WordPress's classes, comments
    and code blocks out."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"""\sclass\s*=\s*(["'])[^"']*\1""", "", text, flags=re.I)
    text = re.sub(r"<(/?)h1(\s[^>]*)?>", r"<\1h2\2>", text, flags=re.I)
    text = re.sub(r"<(/?)h[56](\s[^>]*)?>", r"<\1h4\2>", text, flags=re.I)
    text = re.sub(r"<(/?)b(\s[^>]*)?>", r"<\1strong\2>", text, flags=re.I)
    text = re.sub(r"<(/?)i(\s[^>]*)?>", r"<\1em\2>", text, flags=re.I)
    text = re.sub(r"<(/?)(?:del|strike)(\s[^>]*)?>", r"<\1s\2>", text, flags=re.I)
    return re.sub(
        r"<pre\b[^>]*>(.*?)</pre>",
        lambda m: "<p>" + m.group(1).strip("\n").replace("\n", "<br>") + "</p>",
        text,
        flags=re.S | re.I,
    )


URL_ATTRIBUTE = re.compile(r"""(?<![\w-])(src|href)\s*=\s*(["'])(.*?)\2""", re.S | re.I)


def _rewritten(match, rewrite_url):
    url = rewrite_url(html.unescape(match.group(3)).strip())
    return f'{match.group(1)}="{html.escape(url)}"'
