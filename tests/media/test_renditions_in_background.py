"""Renditions are made by the task worker, not while the editor waits; until then
pages show the original, never an address that does not exist yet."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from media_library.models import Album, Cartoon, Photo
from nejat.media.demo_images import abstract_picture
from nejat.media.hiding import move_files_of
from nejat.media.models import LibraryImage
from nejat.media.renditions import image_file
from tests.articles.test_admin import LIBRARY_ADD_URL, form_errors, library_form, upload
from tests.factories import make_article, make_library_image
from tests.media_library.factories import make_cartoon

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command(
        "db_worker", batch=True, reload=False, startup_delay=False, verbosity=0, queue_name="*"
    )


def media_addresses(html, settings):
    """Every address of an uploaded file the page links, as paths under MEDIA_ROOT."""
    media = re.escape(settings.MEDIA_URL)
    found = re.findall(rf'(?:["\s,]|//testserver)({media}[^"\s,]+)', html)
    root = Path(settings.MEDIA_ROOT)
    return [root / address.removeprefix(settings.MEDIA_URL) for address in found]


# A 1200 × 800 picture: 3 widths, two 4:3 and two square crops, each as WebP and
# JPEG, and the share crop.
RENDITIONS = 3 * 2 + 2 * 2 + 2 * 2 + 1


def renditions_on_disk(settings, image):
    image = image_file(image)
    stem = Path(image.name).with_suffix("").name
    folder = Path(settings.MEDIA_ROOT) / "renditions" / Path(image.name).parent
    return sorted(path.name for path in folder.glob(f"{stem}-*")) if folder.exists() else []


def test_an_upload_is_answered_before_its_renditions_are_made(
    editor_client, category, settings, database_queue
):
    data = library_form(file=upload("river.jpg", abstract_picture(3).read()))
    response = editor_client.post(LIBRARY_ADD_URL, data)
    assert response.status_code == 302, form_errors(response)

    image = LibraryImage.objects.get()
    assert not image.renditions_ready
    assert renditions_on_disk(settings, image) == []
    assert DBTaskResult.objects.ready().count() == 1

    article = make_article(category, image=image)
    reader = Client()
    page = reader.get(article.get_absolute_url()).content.decode()
    linked = media_addresses(page, settings)
    # The original, where the main picture and the share card would be, and nothing else.
    assert linked and all(path.exists() for path in linked), linked
    assert {path.name for path in linked} == {Path(image.file.name).name}
    assert "<picture>" not in page.split("<main", 1)[1]

    run_worker()

    image.refresh_from_db()
    assert image.renditions_ready
    assert len(renditions_on_disk(settings, image)) == RENDITIONS
    # The cached page is not served any more: the next reader gets the renditions.
    page = reader.get(article.get_absolute_url()).content.decode()
    linked = media_addresses(page, settings)
    assert all(path.exists() for path in linked), linked
    assert any("-800.webp" in path.name for path in linked)
    assert any(path.name.endswith("-share-f50-50.jpg") for path in linked)


def test_the_feed_encloses_the_original_until_the_renditions_exist(
    category, settings, database_queue
):
    image = make_library_image(abstract_picture(1))
    make_article(category, image=image)
    feed = Client().get("/en/feed/").content.decode()
    enclosure = re.search(r'<enclosure length="(\d+)" type="([^"]+)" url="[^"]*/([^/"]+)"', feed)
    assert enclosure.groups() == (
        str(image.file.size),
        "image/jpeg",
        image.file.name.split("/")[-1],
    )


def test_an_image_moved_before_the_worker_ran_gets_renditions_where_it_is_now(
    settings, database_queue
):
    cartoon = make_cartoon(image=abstract_picture(2))
    first_name = cartoon.image.name
    move_files_of(cartoon, {})
    assert cartoon.image.name != first_name

    run_worker()

    cartoon.refresh_from_db()
    assert cartoon.image_renditions_ready and cartoon.image.name != first_name
    assert len(renditions_on_disk(settings, cartoon.image)) == 7  # 3 widths × 2 + share


def test_every_picture_gets_its_own_task(settings, database_queue):
    album = Album.objects.create(title_en="Spring fair", status="published")
    images = [make_library_image(abstract_picture(number)) for number in (1, 2)]
    for image in images:
        Photo.objects.create(album=album, image=image)
    assert DBTaskResult.objects.ready().count() == 2
    run_worker()
    for image in images:
        image.refresh_from_db()
        assert image.renditions_ready
        assert renditions_on_disk(settings, image)


def test_without_a_worker_queue_the_renditions_are_ready_at_once(settings):
    # The test settings run tasks at once, as a site without a worker could.
    image = make_library_image(abstract_picture(1))
    image.refresh_from_db()
    assert image.renditions_ready
    assert len(renditions_on_disk(settings, image)) == RENDITIONS


def test_the_command_makes_what_the_worker_did_not(settings, database_queue):
    image = make_library_image(abstract_picture(1))
    call_command("make_renditions", stdout=StringIO())
    image.refresh_from_db()
    assert image.renditions_ready
    assert len(renditions_on_disk(settings, image)) == RENDITIONS


def test_the_command_remakes_every_image_for_new_widths(category, settings):
    article = make_article(category, image=make_library_image(abstract_picture(1)))
    settings.NEJAT_IMAGE_WIDTHS = (300, 600)
    output = StringIO()
    call_command("make_renditions", "--all", stdout=output)
    assert "1 images" in output.getvalue()
    made = renditions_on_disk(settings, article.image)
    assert any(name.endswith("-300.webp") for name in made)
    assert any(name.endswith("-600.jpg") for name in made)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "-600.webp 600w" in html


def test_a_copy_read_before_the_worker_was_done_does_not_lose_the_renditions(
    settings, database_queue
):
    cartoon = make_cartoon(image=abstract_picture(1))
    stale = Cartoon.objects.get(pk=cartoon.pk)
    run_worker()
    stale.title_en = "Trees along the river, updated"
    stale.save()  # writes the flag it read: not ready
    run_worker()
    cartoon.refresh_from_db()
    assert cartoon.image_renditions_ready and cartoon.title_en.endswith("updated")
    html = Client().get(cartoon.get_absolute_url()).content.decode()
    assert all(path.exists() for path in media_addresses(html, settings))
    assert "-800.webp 800w" in html
