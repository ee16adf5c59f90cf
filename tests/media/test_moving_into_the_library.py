"""Pictures stored by articles and albums before the image library existed move into it
with the migrations: the files stay where they are, their words come along in every
language, and one file shown twice becomes one library image."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from nejat.media.demo_images import abstract_picture

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("articles", "0010_category_slugs_per_language"),
    ("media_library", "0005_video_poster_made_from"),
    ("nejat_media", "0001_library_images"),
]
AFTER = [
    ("articles", "0012_featured_image_from_library"),
    ("media_library", "0007_album_pictures_from_library"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def latest_schema_after():
    """The tests after this one find the database as every migration leaves it."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def stored_picture(name):
    return default_storage.save(name, ContentFile(abstract_picture(7).read()))


def test_featured_images_and_album_photos_become_library_images():
    old = migrate(BEFORE)
    Category = old.get_model("articles", "Category")
    Article = old.get_model("articles", "Article")
    Album = old.get_model("media_library", "Album")
    Photo = old.get_model("media_library", "Photo")
    category = Category.objects.create(name_en="Water", slug_en="water")
    shared = stored_picture("articles/2026/01/well.jpg")
    common = {"category": category, "publish_at": timezone.now(), "status": "published"}
    first = Article.objects.create(
        title_en="Wells",
        slug_en="wells",
        body_en="<p>x</p>",
        image=shared,
        image_width=1200,
        image_height=800,
        image_alt_en="A well",
        image_alt_fa="یک چاه",
        image_caption_fa="چاه روستا",
        **common,
    )
    second = Article.objects.create(
        title_en="Wells again",
        slug_en="wells-again",
        body_en="<p>x</p>",
        image=shared,
        image_width=1200,
        image_height=800,
        **common,
    )
    plain = Article.objects.create(
        title_en="No picture", slug_en="no-picture", body_en="<p>x</p>", **common
    )
    album = Album.objects.create(
        title_en="Fair",
        status="published",
        publish_at=timezone.now(),
        cover=stored_picture("albums/2026/01/cover.jpg"),
        cover_width=1200,
        cover_height=800,
    )
    photo = Photo.objects.create(
        album=album,
        image=stored_picture("albums/2026/01/stall.jpg"),
        image_width=1200,
        image_height=800,
        caption_en="A stall",
        alt_en="Fruit on a stall",
        order=1,
    )

    new = migrate(AFTER)
    Article = new.get_model("articles", "Article")
    Album = new.get_model("media_library", "Album")
    Photo = new.get_model("media_library", "Photo")
    LibraryImage = new.get_model("nejat_media", "LibraryImage")

    well = Article.objects.get(pk=first.pk).image
    assert well.file.name == shared and default_storage.exists(shared)
    assert (well.alt_en, well.alt_fa, well.caption_fa) == ("A well", "یک چاه", "چاه روستا")
    assert well.title == "Wells" and well.width == 1200 and not well.renditions_ready
    assert Article.objects.get(pk=second.pk).image_id == well.pk
    assert Article.objects.get(pk=plain.pk).image_id is None
    assert Album.objects.get(pk=album.pk).cover.file.name == "albums/2026/01/cover.jpg"
    stall = Photo.objects.get(pk=photo.pk).image
    assert (stall.caption_en, stall.alt_en, stall.title) == ("A stall", "Fruit on a stall", "Fair")
    assert LibraryImage.objects.count() == 3
