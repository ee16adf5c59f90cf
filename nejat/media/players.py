"""Players in sanitised rich text: a link to a video file, or to a video on YouTube,
Vimeo or Aparat, alone on its line becomes a player (``{{ body|safe|video_players }}``)."""

import html
import re

from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from nejat.media.embeds import parse_embed
from nejat.media.video import type_from_url

PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(?P<content>.*?)</p>", re.S)
LINE_BREAK = re.compile(r"<br\s*/?>")
LINK_LINE = re.compile(
    r'\s*(?:<a\s[^>]*?href="(?P<href>[^"]+)"[^>]*>(?P<text>(?:(?!</a>).)*)</a>'
    r"|(?P<bare>https?://[^\s<>\"']+))\s*",
    re.S,
)


def player_html(url, label):
    """A ``<video>`` for a file's address; ``label`` is safe HTML (the link's text)."""
    video_type = type_from_url(url)
    return format_html(
        '<figure class="video-player">'
        '<video controls preload="metadata"><source src="{url}" type="{type}">'
        '<a href="{url}">{label}</a></video>'
        '<figcaption><a href="{url}">{label}</a></figcaption>'
        "</figure>",
        url=url,
        type=video_type,
        label=label,
    )


def embed_player_html(embed, label):
    """A YouTube, Vimeo or Aparat video that loads nothing from the provider until the
    reader presses play (static/js/media_library_embed.js); without JavaScript, a link."""
    provider = {"provider": embed.provider}
    return format_html(
        '<figure class="video-player"><div class="video-frame video-embed" data-player="{player}"'
        ' data-title="{title}"><a class="video-embed__start" href="{page}" rel="noopener">'
        '<span class="video-embed__play"><span class="video-embed__icon" aria-hidden="true">'
        '</span>{play}</span></a></div><figcaption class="video-embed__note">{note}'
        "</figcaption></figure>",
        player=embed.player_url,
        title=strip_tags(label),
        page=embed.page_url,
        play=_("Play the video from %(provider)s") % provider,
        note=_("Nothing is loaded from %(provider)s until you press play.") % provider,
    )


def _video_line(line):
    """The player for a line that is only a link to a video file or to a video on
    YouTube, Vimeo or Aparat, else None."""
    match = LINK_LINE.fullmatch(line)
    if match is None:
        return None
    url = match.group("href") or match.group("bare")
    # Pieces of sanitised HTML, already escaped: not to be escaped twice.
    label = mark_safe(match.group("text") or url)  # nosec B308 B703
    embed = parse_embed(html.unescape(url))
    if embed is not None:
        return embed_player_html(embed, label)
    if type_from_url(url) is None or not re.match(r"(https?:)?/", url):
        return None
    return player_html(mark_safe(url), label)  # nosec B308 B703


def players_in(html):
    """Sanitised HTML with each link to a video file or a video page (YouTube, Vimeo,
    Aparat) that stands alone on its line (its own paragraph, or between line breaks)
    replaced by a player.

    A link inside a sentence stays a link. The input must already be safe:
    addresses and labels are reused as the sanitiser left them (escaped).
    """

    def paragraph(match):
        lines = LINE_BREAK.split(match.group("content"))
        players = [_video_line(line) for line in lines]
        if not any(players):
            return match.group(0)
        parts, text = [], []
        for line, player in zip(lines, players, strict=True):
            if player is None:
                text.append(line)
                continue
            if any(t.strip() for t in text):
                parts.append("<p>" + "<br>".join(text) + "</p>")
            text = []
            parts.append(player)
        if any(t.strip() for t in text):
            parts.append("<p>" + "<br>".join(text) + "</p>")
        return "".join(parts)

    return PARAGRAPH.sub(paragraph, html)
