"""Video on the site: files checked by their content, privacy-friendly embeds,
and players for bare video-file links in rich text.

Every section uses this one piece: ``VideoFileField`` for uploads,
``parse_embed`` / ``validate_embed_url`` for YouTube, Vimeo and Aparat links,
``validate_video_file_url`` for files hosted elsewhere, and ``players_in`` (the
``video_players`` filter of ``video_tags``) for article bodies.
"""

import re
import struct
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath
from urllib.parse import parse_qs, urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MP4, WEBM = "video/mp4", "video/webm"
TYPES_BY_SUFFIX = {".mp4": MP4, ".m4v": MP4, ".webm": WEBM}
SUFFIX_BY_TYPE = {MP4: ".mp4", WEBM: ".webm"}
# Uploads larger than this many megabytes are refused.


def type_from_url(url):
    """The MIME type a video file's address announces by its suffix, or None."""
    return TYPES_BY_SUFFIX.get(PurePosixPath(urlsplit(url).path.lower()).suffix)


# Checking files by their content


def sniff_video_type(fileobj):
    """``video/mp4`` or ``video/webm`` as the file's first bytes say, else None."""
    fileobj.seek(0)
    head = fileobj.read(64)
    fileobj.seek(0)
    if head[4:8] == b"ftyp" and head[8:12] != b"qt  ":
        return MP4
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"\x42\x82\x84webm" in head:
        return WEBM
    return None


def mp4_duration(fileobj):
    """The running time recorded in an MP4's movie header, or None."""
    fileobj.seek(0, 2)
    end = fileobj.tell()
    position = 0
    try:
        while position + 8 <= end:
            fileobj.seek(position)
            size, kind = struct.unpack(">I4s", fileobj.read(8))
            header = 8
            if size == 1:
                size, header = struct.unpack(">Q", fileobj.read(8))[0], 16
            elif size == 0:
                size = end - position
            if size < header:
                return None
            if kind == b"moov":
                return _movie_header_duration(fileobj, position + header, position + size)
            position += size
    except (struct.error, IndexError):
        return None  # a truncated or damaged file: its duration is simply unknown
    finally:
        fileobj.seek(0)
    return None


def _movie_header_duration(fileobj, start, end):
    fileobj.seek(start)
    size, kind = struct.unpack(">I4s", fileobj.read(8))
    if kind != b"mvhd" or start + size > end:
        return None
    version = fileobj.read(4)[0]
    if version == 1:
        fileobj.read(16)
        timescale, duration = struct.unpack(">IQ", fileobj.read(12))
    else:
        fileobj.read(8)
        timescale, duration = struct.unpack(">II", fileobj.read(8))
    if not timescale or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        return None
    return timedelta(seconds=round(duration / timescale))


class VideoFormField(forms.FileField):
    """Accepts an MP4 or WebM file, whatever its name says; stores it under the right suffix."""

    default_error_messages = {
        "not_video": _("This file is not a video we can play. Upload an MP4 or WebM file."),
        "too_big": _("This file is too big: it may be at most %(limit)s."),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        max_bytes = settings.NEJAT_MAX_VIDEO_MB * 1024 * 1024
        if upload.size > max_bytes:
            raise ValidationError(
                self.error_messages["too_big"],
                code="too_big",
                params={"limit": filesizeformat(max_bytes)},
            )
        video_type = sniff_video_type(upload)
        if video_type is None:
            raise ValidationError(self.error_messages["not_video"], code="not_video")
        upload.content_type = video_type
        upload.name = str(PurePosixPath(upload.name).with_suffix(SUFFIX_BY_TYPE[video_type]))
        return upload


class VideoFileField(models.FileField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": VideoFormField, **kwargs})


validate_http_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter an address that starts with http:// or https://."),
)


def validate_video_file_url(url):
    validate_http_url(url)
    if type_from_url(url) is None:
        raise ValidationError(
            _("This address is not a video file: it should end in .mp4 or .webm."),
            code="not_video_file",
        )


# Embeds: nothing from the provider loads before the reader presses play.


@dataclass(frozen=True)
class Embed:
    provider: str
    video_id: str
    player_url: str
    page_url: str


YOUTUBE_ID = r"[A-Za-z0-9_-]{11}"
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}


def _youtube(host, path, query):
    if host in ("youtu.be", "www.youtu.be"):
        match = re.fullmatch(rf"/({YOUTUBE_ID})/?", path)
    elif host in YOUTUBE_HOSTS:
        match = re.fullmatch(rf"/(?:embed|shorts|live|v)/({YOUTUBE_ID})/?", path)
        if match is None and path in ("/watch", "/watch/"):
            match = re.fullmatch(YOUTUBE_ID, query.get("v", [""])[0])
            if match:
                return match.group(0)
    else:
        return None
    return match.group(1) if match else None


def _vimeo(host, path, query):
    if host in ("vimeo.com", "www.vimeo.com"):
        match = re.fullmatch(r"/(?:channels/[\w-]+/|video/)?(\d+)(?:/([0-9a-f]+))?/?", path)
    elif host == "player.vimeo.com":
        match = re.fullmatch(r"/video/(\d+)/?", path)
    else:
        return None
    if match is None:
        return None
    private_hash = match.group(2) if match.lastindex == 2 else query.get("h", [""])[0]
    return f"{match.group(1)}?h={private_hash}" if private_hash else match.group(1)


def _aparat(host, path, query):
    if host not in ("aparat.com", "www.aparat.com"):
        return None
    match = re.fullmatch(
        r"/(?:v/|video/video/embed/videohash/)([A-Za-z0-9]+)(?:/vt/frame)?/?", path
    )
    return match.group(1) if match else None


def _vimeo_urls(video_id):
    number, _sep, private_hash = video_id.partition("?h=")
    if private_hash:
        return (
            f"https://player.vimeo.com/video/{number}?h={private_hash}&dnt=1&autoplay=1",
            f"https://vimeo.com/{number}/{private_hash}",
        )
    return (
        f"https://player.vimeo.com/video/{number}?dnt=1&autoplay=1",
        f"https://vimeo.com/{number}",
    )


PROVIDERS = {
    "YouTube": (
        _youtube,
        lambda video_id: (
            f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            f"https://www.youtube.com/watch?v={video_id}",
        ),
    ),
    "Vimeo": (_vimeo, _vimeo_urls),
    "Aparat": (
        _aparat,
        lambda video_id: (
            f"https://www.aparat.com/video/video/embed/videohash/{video_id}/vt/frame",
            f"https://www.aparat.com/v/{video_id}",
        ),
    ),
}


def parse_embed(url):
    """The embed for a YouTube, Vimeo or Aparat link, or None for anything else.

    The player address is rebuilt from the video's id alone, never copied from the link.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    for provider, (match, urls) in PROVIDERS.items():
        video_id = match(host, parts.path, query)
        if video_id:
            return Embed(provider, video_id, *urls(video_id))
    return None


def validate_embed_url(url):
    validate_http_url(url)
    if parse_embed(url) is None:
        raise ValidationError(
            format_lazy(
                _("Videos from this site cannot be embedded. Links from {providers} can."),
                providers=", ".join(PROVIDERS),
            ),
            code="unsupported_provider",
        )


# Players for bare video-file links in sanitised rich text

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


def _video_line(line):
    """(address, label) when a line is only a link to a video file, else None."""
    match = LINK_LINE.fullmatch(line)
    if match is None:
        return None
    url = match.group("href") or match.group("bare")
    if type_from_url(url) is None or not re.match(r"(https?:)?/", url):
        return None
    return url, match.group("text") or url


def players_in(html):
    """Sanitised HTML with each video-file link that stands alone on its line
    (its own paragraph, or between line breaks) replaced by a player.

    A link inside a sentence stays a link. The input must already be safe:
    addresses and labels are reused as the sanitiser left them (escaped).
    """

    def paragraph(match):
        lines = LINE_BREAK.split(match.group("content"))
        videos = [_video_line(line) for line in lines]
        if not any(videos):
            return match.group(0)
        parts, text = [], []
        for line, video in zip(lines, videos, strict=True):
            if video is None:
                text.append(line)
                continue
            if any(t.strip() for t in text):
                parts.append("<p>" + "<br>".join(text) + "</p>")
            text = []
            # Pieces of sanitised HTML, already escaped: not to be escaped twice.
            parts.append(player_html(mark_safe(video[0]), mark_safe(video[1])))
        if any(t.strip() for t in text):
            parts.append("<p>" + "<br>".join(text) + "</p>")
        return "".join(parts)

    return PARAGRAPH.sub(paragraph, html)
