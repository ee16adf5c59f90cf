"""Renditions are made by the task worker, not while the editor waits; until then
pages show the original, never an address that does not exist yet."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from media_library.models import Album, Photo
from nejat.media.demo_images import abstract_picture
from nejat.media.hiding import move_files_of
from tests.articles.test_admin import ADD_URL, article_form, form_errors, upload
from tests.factories import make_article

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


def renditions_on_disk(settings, image):
    stem = Path(image.name).with_suffix("").name
    folder = Path(settings.MEDIA_ROOT) / "renditions" / Path(image.name).parent
    return sorted(path.name for path in folder.glob(f"{stem}-*")) if folder.exists() else []


def test_an_upload_is_answered_before_its_renditions_are_made(
    editor_client, category, settings, database_queue
):
    data = article_form(category, image=upload("river.jpg", abstract_picture(3).read()))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, form_errors(response)

    article = Article.objects.get()
    assert not article.image_renditions_ready
    assert renditions_on_disk(settings, article.image) == []
    assert DBTaskResult.objects.ready().count() == 1

    reader = Client()
    page = reader.get(article.get_absolute_url()).content.decode()
    linked = media_addresses(page, settings)
    # The original, where the main picture and the share card would be, and nothing else.
    assert linked and all(path.exists() for path in linked), linked
    assert {path.name for path in linked} == {Path(article.image.name).name}
    assert "<picture>" not in page.split("<main", 1)[1]

    run_worker()

    article.refresh_from_db()
    assert article.image_renditions_ready
    assert len(renditions_on_disk(settings, article.image)) == 7  # 3 widths × 2 + share
    # The cached page is not served any more: the next reader gets the renditions.
    page = reader.get(article.get_absolute_url()).content.decode()
    linked = media_addresses(page, settings)
    assert all(path.exists() for path in linked), linked
    assert any("-800.webp" in path.name for path in linked)
    assert any(path.name.endswith("-share.jpg") for path in linked)


def test_the_feed_encloses_the_original_until_the_renditions_exist(
    category, settings, database_queue
):
    article = make_article(category, image=abstract_picture(1))
    feed = Client().get("/en/feed/").content.decode()
    enclosure = re.search(r'<enclosure length="(\d+)" type="([^"]+)" url="[^"]*/([^/"]+)"', feed)
    assert enclosure.groups() == (
        str(article.image.size),
        "image/jpeg",
        article.image.name.split("/")[-1],
    )


def test_an_image_moved_before_the_worker_ran_gets_renditions_where_it_is_now(
    category, settings, database_queue
):
    article = make_article(category, image=abstract_picture(2))
    first_name = article.image.name
    move_files_of(article, {})
    assert article.image.name != first_name

    run_worker()

    article.refresh_from_db()
    assert article.image_renditions_ready and article.image.name != first_name
    assert len(renditions_on_disk(settings, article.image)) == 7


def test_every_photo_of_an_album_gets_its_own_task(settings, database_queue):
    album = Album.objects.create(title_en="Spring fair", status="published")
    photos = [
        Photo.objects.create(album=album, image=abstract_picture(number)) for number in (1, 2)
    ]
    assert DBTaskResult.objects.ready().count() == 2
    run_worker()
    for photo in photos:
        photo.refresh_from_db()
        assert photo.image_renditions_ready
        assert renditions_on_disk(settings, photo.image)


def test_without_a_worker_queue_the_renditions_are_ready_at_once(category, settings):
    # The test settings run tasks at once, as a site without a worker could.
    article = make_article(category, image=abstract_picture(1))
    article.refresh_from_db()
    assert article.image_renditions_ready
    assert len(renditions_on_disk(settings, article.image)) == 7


def test_the_command_makes_what_the_worker_did_not(category, settings, database_queue):
    article = make_article(category, image=abstract_picture(1))
    call_command("make_renditions", stdout=StringIO())
    article.refresh_from_db()
    assert article.image_renditions_ready
    assert len(renditions_on_disk(settings, article.image)) == 7


def test_the_command_remakes_every_image_for_new_widths(category, settings):
    article = make_article(category, image=abstract_picture(1))
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
    category, settings, database_queue
):
    article = make_article(category, image=abstract_picture(1))
    stale = Article.objects.get(pk=article.pk)
    run_worker()
    stale.title_en = "Trees along the river, updated"
    stale.save()  # writes the flag it read: not ready
    run_worker()
    article.refresh_from_db()
    assert article.image_renditions_ready and article.title_en.endswith("updated")
    html = Client().get(article.get_absolute_url()).content.decode()
    assert all(path.exists() for path in media_addresses(html, settings))
    assert "-800.webp 800w" in html
