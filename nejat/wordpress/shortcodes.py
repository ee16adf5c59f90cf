"""WordPress shortcodes in our HTML: captions and galleries as figures, media and
embeds as links. A plugin's shortcode (one with attributes, an end tag or a dash in
its name, such as ``[contact-form-7 id="12"]``) did something only that plugin knew:
it is removed from what readers see and reported. A bare ``[word]`` stays, as text."""

import html
import re

from nejat.wordpress.markup import file_link, link_paragraph, plain_text

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
    reported = set()

    def remove_unknown(match):
        name, tag = match.group(1).lower(), match.group(0)
        if not ("=" in tag or tag.startswith("[/") or "-" in name or "_" in name):
            return tag
        if name not in reported:
            reported.add(name)
            context.unknown_shortcode(name)
        return ""

    text = ANY_SHORTCODE.sub(remove_unknown, text)
    # What stood alone in a paragraph leaves none behind.
    return re.sub(r"<p>\s*</p>", "", text)


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
