"""Media library test data, written for these tests, in the four languages."""

import itertools
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from media_library.demo.mp4 import generate_mp4
from media_library.models import Album, Cartoon, NewsPic, Photo, Video
from nejat.media.demo_images import abstract_picture
from tests.factories import localized, make_library_image

LANGUAGES = ("en", "ar", "fa", "sq")
TITLES = {
    "en": "Harvest day at the community garden",
    "ar": "يوم الحصاد في الحديقة المجتمعية",
    "fa": "روز برداشت در باغ محله",
    "sq": "Dita e korrjes në kopshtin e lagjes",
}
CAPTIONS = {
    "en": "Neighbours share the first tomatoes of the season.",
    "ar": "الجيران يتقاسمون أولى حبات الطماطم هذا الموسم.",
    "fa": "همسایه‌ها نخستین گوجه‌های فصل را با هم قسمت می‌کنند.",
    "sq": "Fqinjët ndajnë domatet e para të stinës.",
}

_counter = itertools.count(1)


def small_picture(number):
    """A picture smaller than every rendition width: quick to save."""
    return abstract_picture(number, size=(160, 120))


def _publishable(model, languages, status, days_ago, fields):
    number = next(_counter)
    item = model(
        status=status, publish_at=timezone.now() - timedelta(days=days_ago, minutes=number)
    )
    for language in languages:
        setattr(item, localized("title", language), f"{TITLES[language]} {number}")
    for field, value in fields.items():
        setattr(item, field, value)
    return item, number


def make_picture(model, languages=("en",), status="published", days_ago=1, **fields):
    item, number = _publishable(model, languages, status, days_ago, fields)
    for language in languages:
        setattr(item, localized("caption", language), CAPTIONS[language])
    if not item.image:
        item.image = small_picture(number)
    item.save()
    return item


def make_cartoon(**kwargs):
    return make_picture(Cartoon, **kwargs)


def make_newspic(**kwargs):
    return make_picture(NewsPic, **kwargs)


def make_album(languages=("en",), photos=0, status="published", days_ago=1, **fields):
    album, number = _publishable(Album, languages, status, days_ago, fields)
    album.save()
    for order in range(photos):
        make_photo(album, order=order, languages=languages)
    return album


def make_photo(album, order=0, languages=("en",), image=None):
    """A photo of the album: a new library image captioned in ``languages``, or ``image``."""
    if image is None:
        captions = {
            localized("caption", language): f"{CAPTIONS[language]} {order + 1}"
            for language in languages
        }
        image = make_library_image(small_picture(next(_counter)), **captions)
    return Photo.objects.create(album=album, order=order, image=image)


def mp4_upload(name="clip.mp4"):
    return ContentFile(generate_mp4(width=32, height=32, fps=4, seconds=2), name=name)


def make_video(languages=("en",), source="url", status="published", days_ago=1, **fields):
    video, number = _publishable(Video, languages, status, days_ago, fields)
    if source == "file" and not video.file:
        video.file = mp4_upload()
    elif source == "embed" and not video.embed_url:
        video.embed_url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    elif source == "url" and not video.file_url:
        video.file_url = f"https://media.example.org/video/clip-{number}.mp4"
    video.save()
    return video


def webm_bytes(track_type=1):
    """The start of a WebM file, as far as checks read it: the EBML header, then a
    segment whose one track is a VP8 video track (``track_type=2``: audio)."""
    track_entry = bytes.fromhex(f"d78101 8381{track_type:02x} 8685") + b"V_VP8"
    tracks = bytes.fromhex("1654ae6b") + bytes([0x80 | len(track_entry) + 2])
    tracks += bytes([0xAE, 0x80 | len(track_entry)]) + track_entry
    header = bytes.fromhex("4286 81 01 42f7 81 01 42f2 81 04 42f3 81 08 4282 84") + b"webm"
    segment = bytes.fromhex("18538067 01ffffffffffffff") + tracks
    return bytes.fromhex("1a45dfa3") + bytes([0x80 | len(header)]) + header + segment + bytes(64)
