"""Files of items readers may not see cannot be found: every upload lives in a folder
named by 128 random bits, and unpublishing moves an item's files (renditions and an
album's photos included) to new folders, so their once-public addresses answer 404."""

import re

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from media_library.models import Cartoon
from tests.factories import make_article
from tests.media_library.factories import make_album, make_cartoon, make_photo, make_video

pytestmark = pytest.mark.django_db

UNGUESSABLE = re.compile(r"^[a-z/]+/\d{4}/\d{2}/[A-Za-z0-9_-]{22}/[^/]+$")


def every_file(image):
    return [image.name, *image.rendition_names]


def test_every_upload_lands_in_a_folder_nobody_can_guess():
    cartoon = make_cartoon(status="draft")
    album = make_album()
    photo = make_photo(album)
    assert UNGUESSABLE.match(cartoon.image.name), cartoon.image.name
    assert UNGUESSABLE.match(photo.image.file.name), photo.image.file.name
    token = cartoon.image.name.split("/")[-2]
    assert token not in make_cartoon(status="draft").image.name


def test_unpublishing_moves_the_files_and_their_renditions(django_capture_on_commit_callbacks):
    cartoon = make_cartoon()
    public = every_file(cartoon.image)
    assert all(default_storage.exists(name) for name in public)
    with django_capture_on_commit_callbacks(execute=True):
        cartoon.status = Cartoon.Status.UNPUBLISHED
        cartoon.save()
    assert not any(default_storage.exists(name) for name in public)
    cartoon.refresh_from_db()
    hidden = every_file(cartoon.image)
    assert all(default_storage.exists(name) for name in hidden)
    assert cartoon.image.name != public[0] and UNGUESSABLE.match(cartoon.image.name)


def test_an_albums_photos_move_unless_readers_see_them_elsewhere(
    category, django_capture_on_commit_callbacks
):
    album = make_album()
    only_here, also_in_an_article = make_photo(album).image, make_photo(album, order=1).image
    make_article(category, image=also_in_an_article)
    before = {image.pk: image.file.name for image in (only_here, also_in_an_article)}
    with django_capture_on_commit_callbacks(execute=True):
        album.status = album.Status.DRAFT
        album.save()
    only_here.refresh_from_db()
    also_in_an_article.refresh_from_db()
    assert only_here.file.name != before[only_here.pk]
    assert UNGUESSABLE.match(only_here.file.name)
    assert not default_storage.exists(before[only_here.pk])
    assert default_storage.exists(only_here.file.name)
    assert also_in_an_article.file.name == before[also_in_an_article.pk]


def test_a_videos_file_moves_too(django_capture_on_commit_callbacks):
    video = make_video(source="file")
    before = video.file.name
    with django_capture_on_commit_callbacks(execute=True):
        video.status = video.Status.DRAFT
        video.save()
    video.refresh_from_db()
    assert video.file.name != before and not default_storage.exists(before)
    assert default_storage.exists(video.file.name)


def test_saving_a_draft_again_or_publishing_moves_nothing(django_capture_on_commit_callbacks):
    cartoon = make_cartoon(status="draft")
    name = cartoon.image.name
    with django_capture_on_commit_callbacks(execute=True):
        cartoon.save()
        cartoon.status = Cartoon.Status.PUBLISHED
        cartoon.save()
    cartoon.refresh_from_db()
    assert cartoon.image.name == name and default_storage.exists(name)


def test_the_admins_unpublish_action_hides_the_files(editor_client):
    cartoon = make_cartoon()
    old = cartoon.image.name
    response = editor_client.post(
        "/admin/media_library/cartoon/", {"action": "unpublish", "_selected_action": [cartoon.pk]}
    )
    assert response.status_code == 302
    cartoon.refresh_from_db()
    assert cartoon.status == "unpublished" and cartoon.image.name != old
    assert Client().get(cartoon.url_in("en")).status_code == 404


def test_a_books_pdf_in_every_language_moves_once(django_capture_on_commit_callbacks):
    from tests.publications.factories import make_book

    book = make_book(languages=("en", "fa"))
    before = {book.pdf_en.name, book.pdf_fa.name}
    with django_capture_on_commit_callbacks(execute=True):
        book.status = book.Status.UNPUBLISHED
        book.save()
    book.refresh_from_db()
    after = {book.pdf_en.name, book.pdf_fa.name}
    assert not after & before and all(default_storage.exists(name) for name in after)
    assert not any(default_storage.exists(name) for name in before)
    assert Client().get(book.url_in("en")).status_code == 404


def test_files_stored_before_get_moved_by_the_command(django_capture_on_commit_callbacks):
    import io

    from django.core.management import call_command

    draft = make_cartoon(status="draft")
    guessable = "media/2025/01/old-upload.png"
    default_storage.save(guessable, draft.image.open("rb"))
    Cartoon.objects.filter(pk=draft.pk).update(image=guessable)
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("hide_unpublished_files", stdout=output)
    draft.refresh_from_db()
    assert UNGUESSABLE.match(draft.image.name) and not default_storage.exists(guessable)
    moved = draft.image.name
    with django_capture_on_commit_callbacks(execute=True):
        call_command("hide_unpublished_files", stdout=output)
    draft.refresh_from_db()
    assert draft.image.name == moved  # already hidden: left where it is
