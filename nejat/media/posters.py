"""Posters for videos that have none: the provider's own thumbnail when it can be had,
else one drawn here. Either is stored as our own file, never hot-linked (the content
policy lets readers' browsers load images from the site's origins only).

Fetching runs in the task worker, never while an editor waits; where each provider's
thumbnail is found is ``NEJAT_VIDEO_THUMBNAILS``: an image's address, or an oEmbed
endpoint whose answer names one (``thumbnail_url``). An answer is checked like an
upload (``ImageFormField``), within a few seconds; anything else is refused.
"""

import http.client
import json
import logging
import random
import time
import urllib.request
from io import BytesIO
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from nejat.media.images import ImageFormField

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5
MAX_REDIRECTS = 3


class Unavailable(Exception):
    """The provider gave no usable thumbnail."""


def provider_thumbnail(embed):
    """The provider's thumbnail of an embedded video as a checked upload, or None."""
    template = settings.NEJAT_VIDEO_THUMBNAILS.get(embed.provider)
    if not template:
        return None
    url = template.format(
        video_id=quote(embed.video_id, safe=""), page_url=quote(embed.page_url, safe="")
    )
    try:
        body, content_type = _get(url, origin=url)
        if content_type.endswith("json") or body.lstrip()[:1] == b"{":
            answer = json.loads(body)
            thumbnail = answer.get("thumbnail_url") if isinstance(answer, dict) else None
            if not isinstance(thumbnail, str):
                raise Unavailable("the oEmbed answer names no thumbnail")
            body, _content_type = _get(thumbnail, origin=url)
        upload = SimpleUploadedFile(f"{embed.provider}-thumbnail.jpg", body)
        return ImageFormField().clean(upload)
    except (OSError, ValueError, http.client.HTTPException, ValidationError, Unavailable) as e:
        logger.warning("No thumbnail from %s for %s: %s", embed.provider, embed.video_id, e)
        return None


def _allowed(url, origin):
    """Only https, or the very origin the setting names (a test's local server)."""
    parts, trusted = urlsplit(url), urlsplit(origin)
    return parts.scheme == "https" or (
        parts.scheme in ("http", "https") and parts[:2] == trusted[:2]
    )


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, origin):
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not _allowed(newurl, self.origin):
            fp.close()
            raise Unavailable(f"redirected to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _get(url, origin):
    """The body and media type at ``url``: within the upload size limit and
    ``TIMEOUT_SECONDS`` in all, following redirects only where ``_allowed``."""
    if not _allowed(url, origin):
        raise Unavailable(f"refused to fetch {url}")
    limit = settings.NEJAT_MAX_UPLOAD_MB * 1024 * 1024
    deadline = time.monotonic() + TIMEOUT_SECONDS
    request = urllib.request.Request(url, headers={"User-Agent": "Nejat video posters"})
    opener = urllib.request.build_opener(_Redirects(origin))
    # Safe: http(s) only, checked above and at each redirect.
    with opener.open(request, timeout=TIMEOUT_SECONDS) as response:  # nosec B310
        body = BytesIO()
        while chunk := response.read(64 * 1024):
            body.write(chunk)
            if body.tell() > limit:
                raise Unavailable("larger than an upload may be")
            if time.monotonic() > deadline:
                raise Unavailable("too slow")
        return body.getvalue(), response.headers.get_content_type()


# Drawn posters: 16:9, a calm background, a play symbol and the video's title.

POSTER_SIZE = (960, 540)
BACKGROUNDS = [("#1f2933", "#3e4c59"), ("#243b53", "#486581"), ("#27364a", "#4a5d73")]
FONT_FOLDER = Path("/usr/share/fonts/truetype")
# Fonts for the title (Debian's fonts-noto-core and fonts-dejavu), best first: the first
# with a glyph for every character of the title is used; with none, the poster has no text.
FONTS = ["noto/NotoSans-Bold.ttf", "noto/NotoSansArabic-Bold.ttf", "dejavu/DejaVuSans-Bold.ttf"]


def drawn_poster(title, seed=0):
    """A 16:9 JPEG poster with a play symbol and ``title``, as an upload."""
    width, height = POSTER_SIZE
    top, bottom = BACKGROUNDS[seed % len(BACKGROUNDS)]
    image = Image.new("RGB", POSTER_SIZE, top)
    _gradient(image, bottom)
    draw = ImageDraw.Draw(image, "RGBA")
    generator = random.Random(seed)
    for _ in range(5):
        radius = generator.randint(height // 6, height // 2)
        x, y = generator.randint(0, width), generator.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 10))
    # In the middle, where the site's own play button lies over a poster, and the
    # title above it, clear of the player's label along the bottom.
    centre_x, centre_y, radius = width // 2, height // 2, height // 9
    draw.ellipse(
        (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius),
        fill=(255, 255, 255, 60),
        outline=(255, 255, 255, 230),
        width=6,
    )
    side = radius * 0.9
    draw.polygon(
        [
            (centre_x - side * 0.4, centre_y - side / 2),
            (centre_x - side * 0.4, centre_y + side / 2),
            (centre_x + side * 0.55, centre_y),
        ],
        fill=(255, 255, 255, 240),
    )
    _draw_title(draw, title, top=height // 7)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name="video-poster.jpg")


def _gradient(image, bottom):
    width, height = image.size
    fade = Image.linear_gradient("L").resize((width, height))
    image.paste(Image.new("RGB", image.size, bottom), mask=fade)


def _draw_title(draw, title, top):
    font = _font_for(title, size=POSTER_SIZE[1] // 14)
    if font is None:
        return
    ellipsis = "..." if _missing(font, "…") else "…"
    width = POSTER_SIZE[0]
    lines = _lines(draw, title, font, max_width=width * 4 // 5, ellipsis=ellipsis)
    for number, line in enumerate(lines):
        draw.text(
            (width // 2, top + number * font.size * 3 // 2),
            line,
            font=font,
            fill=(255, 255, 255, 245),
            anchor="mt",
        )


def _lines(draw, title, font, max_width, ellipsis, most=2):
    """The title's words in at most ``most`` lines, the last cut short if need be."""
    lines, words = [], title.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= max_width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words or (lines and draw.textlength(lines[-1], font=font) > max_width):
        last = lines[-1]
        while " " in last and draw.textlength(f"{last}{ellipsis}", font=font) > max_width:
            last = last.rsplit(" ", 1)[0]
        while last and draw.textlength(f"{last}{ellipsis}", font=font) > max_width:
            last = last[:-1]  # one word wider than the poster
        lines[-1] = f"{last.rstrip()}{ellipsis}"
    return lines


def _font_for(text, size):
    """The first of ``FONTS`` that has every character of ``text``, or None."""
    if not text.strip():
        return None
    for name in FONTS:
        path = FONT_FOLDER / name
        if path.exists():
            font = ImageFont.truetype(str(path), size)
            if not _missing(font, text):
                return font
    return None


def _missing(font, text):
    """Characters of ``text`` the font has no glyph for: it draws them as it draws a
    private-use character, with its "no glyph" box."""
    no_glyph = _shape(font, "\U0010fffd")
    return {c for c in set(text) if not c.isspace() and _shape(font, c) == no_glyph}


def _shape(font, character):
    mask = font.getmask(character)
    return mask.size, bytes(mask)
