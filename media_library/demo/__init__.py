"""Demo cartoons, news pictures, albums and videos, written for this project, for ``seed_demo``."""

import json
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from media_library.demo.mp4 import generate_mp4
from media_library.models import Album, Cartoon, NewsPic, Photo, Video
from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage

HERE = Path(__file__).resolve().parent
# Pictures of their own: seeds past those the articles use.
FIRST_SEED = 200
PHOTO_SIZE = (800, 600)


def load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def seed(command, tags):
    """Add what is missing; return how many items were new."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    pictures = load("pictures.json")
    created = 0
    created += seed_pictures(command, "Cartoons", Cartoon, pictures["cartoons"], tags, now, 0)
    created += seed_pictures(command, "NewsPics", NewsPic, pictures["newspics"], tags, now, 20)
    created += seed_albums(command, load("albums.json")["albums"], tags, now)
    created += seed_videos(command, load("videos.json")["videos"], tags, now)
    return created


def exists(model, entry):
    language, texts = next(iter(entry["translations"].items()))
    return model.objects.filter(**{build_localized_fieldname("title", language): texts["title"]})


def translate(item, entry, fields):
    for language, texts in entry["translations"].items():
        for field in fields:
            setattr(item, build_localized_fieldname(field, language), texts.get(field, ""))


def new_item(model, entry, now, number):
    return model(
        status=entry.get("status", "published"),
        publish_at=now - timedelta(days=entry["days_ago"], hours=number % 7),
    )


def seed_pictures(command, label, model, entries, tags, now, offset):
    created = 0
    for number, entry in enumerate(entries, start=1):
        if not exists(model, entry).exists():
            item = new_item(model, entry, now, number)
            translate(item, entry, ("title", "caption", "image_alt"))
            item.image = abstract_picture(FIRST_SEED + offset + number, size=(1000, 750))
            item.save()
            item.tags.set([tags[slug] for slug in entry["tags"]])
            created += 1
        command.progress(label, number, len(entries))
    return created


def seed_albums(command, entries, tags, now):
    created = 0
    total = sum(entry["photos"] for entry in entries)
    done = 0
    for number, entry in enumerate(entries, start=1):
        if exists(Album, entry).exists():
            done += entry["photos"]
            command.progress("Album photos", done, total)
            continue
        album = new_item(Album, entry, now, number)
        translate(album, entry, ("title", "description"))
        album.save()
        album.tags.set([tags[slug] for slug in entry["tags"]])
        for order in range(entry["photos"]):
            image = LibraryImage(title=str(album)[:200])
            for language, texts in entry["translations"].items():
                caption = texts["captions"][order % len(texts["captions"])]
                setattr(image, build_localized_fieldname("caption", language), caption)
                setattr(image, build_localized_fieldname("alt", language), caption)
            image.file = abstract_picture(FIRST_SEED + 100 * number + order, size=PHOTO_SIZE)
            image.save()
            Photo.objects.create(album=album, image=image, order=order + 1)
            done += 1
            command.progress("Album photos", done, total)
        created += 1
    return created


def parse_duration(text):
    minutes, seconds = text.split(":")
    return timedelta(minutes=int(minutes), seconds=int(seconds))


def seed_videos(command, entries, tags, now):
    created = 0
    for number, entry in enumerate(entries, start=1):
        if not exists(Video, entry).exists():
            video = new_item(Video, entry, now, number)
            translate(video, entry, ("title", "description"))
            if entry["source"] == "file":
                video.file = ContentFile(generate_mp4(), name="animation-workshop.mp4")
            elif entry["source"] == "url":
                video.file_url = entry["url"]
            else:
                video.embed_url = entry["url"]
            if "duration" in entry:
                video.duration = parse_duration(entry["duration"])
            video.poster = abstract_picture(FIRST_SEED + 90 + number, size=(960, 540))
            video.save()
            video.tags.set([tags[slug] for slug in entry["tags"]])
            created += 1
        command.progress("Videos", number, len(entries))
    return created
