"""Video files on the site: checked by their content, and players for bare
video-file links in rich text.

Every section uses this one piece: ``VideoFileField`` for uploads,
``validate_video_file_url`` for files hosted elsewhere, and ``players_in`` (the
``video_players`` filter of ``media_tags``) for article bodies; ``embeds`` has the
YouTube, Vimeo and Aparat links.
"""

import struct
from datetime import timedelta
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nejat.media import containers
from nejat.media.uploads import UnguessableNameMixin, check_size, stored_name

MP4, WEBM = "video/mp4", "video/webm"
TYPES_BY_SUFFIX = {".mp4": MP4, ".m4v": MP4, ".webm": WEBM}
SUFFIX_BY_TYPE = {MP4: ".mp4", WEBM: ".webm"}


def type_from_url(url):
    """The MIME type a video file's address announces by its suffix, or None."""
    return TYPES_BY_SUFFIX.get(PurePosixPath(urlsplit(url).path.lower()).suffix)


# Checking files by their content


def sniff_video_type(fileobj):
    """``video/mp4`` or ``video/webm`` when the file's structure says so (a container
    that holds a video track, see ``containers``), else None."""
    fileobj.seek(0)
    head = fileobj.read(64)
    fileobj.seek(0)
    if head[4:8] == b"ftyp" and head[8:12] != b"qt  " and containers.is_mp4_with_video(fileobj):
        return MP4
    if head[:4] == b"\x1a\x45\xdf\xa3" and containers.is_webm_with_video(fileobj):
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


def clock_parts(duration):
    """A running time as (hours, minutes, seconds)."""
    seconds = max(0, round(duration.total_seconds()))
    return seconds // 3600, seconds // 60 % 60, seconds % 60


def iso_duration(duration):
    """A running time as ISO 8601 says it, for ``<time datetime>`` and schema.org: PT4M5S."""
    if duration is None:
        return ""
    parts = zip(clock_parts(duration), "HMS", strict=True)
    return "PT" + ("".join(f"{value}{unit}" for value, unit in parts if value) or "0S")


class VideoFormField(forms.FileField):
    """Accepts an MP4 or WebM file, whatever its name says; stores it under the right suffix."""

    default_error_messages = {
        "not_video": _("This file is not a video we can play. Upload an MP4 or WebM file."),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        check_size(upload, settings.NEJAT_MAX_VIDEO_MB)
        video_type = sniff_video_type(upload)
        if video_type is None:
            raise ValidationError(self.error_messages["not_video"], code="not_video")
        upload.content_type = video_type
        upload.name = stored_name(upload.name, SUFFIX_BY_TYPE[video_type])
        return upload


class VideoFileField(UnguessableNameMixin, models.FileField):
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
