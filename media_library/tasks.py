"""A poster for every video without one, made by the task worker (``manage.py
db_worker``): the provider's thumbnail when it can be fetched, else one drawn with the
video's title (``nejat.media.posters``). Nothing here runs while an editor waits, and a
provider out of reach never stops a save."""

from django.core.files.images import get_image_dimensions
from django.db import transaction
from django_tasks import task

from media_library.models import Video
from nejat.media.posters import drawn_poster, provider_thumbnail
from nejat.media.tasks import make_image_renditions

POSTER_FIELDS = [
    "poster",
    "poster_width",
    "poster_height",
    "poster_renditions_ready",
    "poster_made_from",
]


def queue_poster(video):
    result = make_video_poster.enqueue(video.pk)
    if result.is_finished:  # a backend that runs tasks at once
        video.refresh_from_db(fields=POSTER_FIELDS)


@task()
def make_video_poster(pk):
    video = Video._base_manager.filter(pk=pk).first()
    if video is None or not video.wants_poster:
        return False
    *fetched, drawn = video.poster_sources()
    image = provider_thumbnail(video.embed) if fetched else None
    if image is not None:
        return replace_poster(video, image, made_from=fetched[0])
    if video.poster and video.poster_made_from == drawn:
        return False  # drawn already, and the provider is still out of reach
    return replace_poster(video, drawn_poster(video.poster_title, seed=pk), made_from=drawn)


def replace_poster(video, image, made_from):
    """Store ``image`` as the video's poster and queue its renditions, unless the
    poster changed meanwhile (an editor chose one); the poster the site made before
    goes once this has committed."""
    old = video.poster
    field = old.field
    name = old.storage.save(
        field.generate_filename(video, image.name), image, max_length=field.max_length
    )
    width, height = get_image_dimensions(image)
    replaced = Video._base_manager.filter(pk=video.pk, poster=old.name or "").update(
        poster=name,
        poster_width=width,
        poster_height=height,
        poster_renditions_ready=False,
        poster_made_from=made_from,
    )
    if not replaced:
        old.storage.delete(name)
        return False
    if old and video.poster_made_from:
        transaction.on_commit(lambda: old.delete(save=False))
    make_image_renditions.enqueue(Video._meta.label, video.pk, "poster")
    return True
