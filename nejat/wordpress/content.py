"""WordPress post bodies in our HTML.

WordPress stores a body as the editor left it and builds the page when it is
read: paragraphs from blank lines (``wpautop``), shortcodes (``[caption]``,
``[gallery]``…), block-editor comments, embeds from bare links. We build that
HTML once, here, in the forms our rich-text field keeps: figures with captions,
paragraphs with a link for a video or an embed (the article page turns a video
file's link into a player). The sanitiser then keeps only what an editor could
type; ``Publishable.save`` runs it.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.html import strip_tags

from nejat.video import parse_embed


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
    else:
        text = AUTO_EMBED.sub(lambda m: link_paragraph(m.group(1)), text)
    text = shortcodes(text, context)
    if not has_blocks:
        text = autop(text)
    text = _media(text)
    text = _tidy(text)
    text = URL_ATTRIBUTE.sub(lambda m: _rewritten(m, context.rewrite_url), text)
    return re.sub(r"\n\s*\n", "\n", text).strip()


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


# Shortcodes, with WordPress's own pattern (get_shortcode_regex): [name attrs],
# [name attrs /], [name attrs]content[/name], and [[name]] for a literal one.

KNOWN = ("caption", "wp_caption", "gallery", "video", "audio", "embed", "playlist")
SHORTCODE = re.compile(
    r"\[(\[?)(" + "|".join(KNOWN) + r")(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*(?:\[(?!/\2\])[^\[]*)*)\[/\2\])?)(\]?)",
    re.S,
)
ANY_SHORTCODE = re.compile(r"\[/?([a-z][\w-]*)(?:\s+[^\]\[]*=[^\]\[]*)?\s*/?\]", re.I)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
    r"""|"([^"]*)"|'([^']*)'|(\S+)"""
)
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv")
AUDIO_SOURCES = ("src", "mp3", "m4a", "ogg", "wav", "wma")


def attributes(text):
    """Named and positional attributes, as WordPress's shortcode_parse_atts reads them."""
    named, positional = {}, []
    for match in ATTRIBUTE.finditer(re.sub("[\u00a0\u200b]", " ", text)):
        if match.group(1):
            named[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            named[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            named[match.group(5).lower()] = match.group(6)
        else:
            value = next(g for g in match.groups()[6:] if g is not None)
            positional.append(value)
    return named, positional


def shortcodes(text, context):
    def replace(match):
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]
        name, (named, positional) = match.group(2), attributes(match.group(3))
        content = match.group(5) or ""
        return match.group(1) + HANDLERS[name](named, positional, content, context) + match.group(6)

    text = SHORTCODE.sub(replace, text)
    for name in dict.fromkeys(m.group(1).lower() for m in ANY_SHORTCODE.finditer(text)):
        context.unknown_shortcode(name)
    return text


CAPTIONED = re.compile(r"^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)


def _caption(named, positional, content, context):
    content = shortcodes(content, context)
    match = CAPTIONED.match(content)
    media, rest = (match.group(1), match.group(2)) if match else (content, "")
    caption = named.get("caption") or rest.strip()
    if not match:
        return f"<p>{content.strip()}</p>" if content.strip() else ""
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{media.strip()}{caption_html}</figure>"


def _ids(value):
    return [int(part) for part in re.findall(r"\d+", value or "")]


def _gallery(named, positional, content, context):
    ids = _ids(named.get("ids") or named.get("include")) or None
    excluded = set(_ids(named.get("exclude")))
    figures = []
    for attachment_id, url, alt, caption in context.gallery(ids):
        if not url or attachment_id in excluded:
            continue
        image = f'<img src="{html.escape(url)}" alt="{html.escape(alt)}">'
        caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        figures.append(f"<figure>{image}{caption_html}</figure>")
    return "\n".join(figures)


def _source(named, positional, keys):
    return next((named[key] for key in keys if named.get(key)), positional[0] if positional else "")


def file_link(url):
    """A paragraph with a link to a file, named by its file name."""
    name = unquote(urlsplit(html.unescape(url)).path.rsplit("/", 1)[-1])
    return link_paragraph(url, name or None)


def _video(named, positional, content, context):
    url = _source(named, positional, VIDEO_SOURCES)
    return file_link(url) if url else ""


def _audio(named, positional, content, context):
    url = _source(named, positional, AUDIO_SOURCES)
    return file_link(url) if url else ""


def _embed(named, positional, content, context):
    url = plain_text(content)
    return link_paragraph(url) if url else ""


def _playlist(named, positional, content, context):
    items = [
        f'<li><a href="{html.escape(url)}">{html.escape(caption or url.rsplit("/")[-1])}</a></li>'
        for _id, url, _alt, caption in context.gallery(_ids(named.get("ids")) or None)
        if url
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


HANDLERS = {
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
    "video": _video,
    "audio": _audio,
    "embed": _embed,
    "playlist": _playlist,
}


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
