"""Privacy-friendly embeds of YouTube, Vimeo and Aparat videos: nothing from the
provider loads before the reader presses play."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from nejat.media.video import validate_http_url


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
