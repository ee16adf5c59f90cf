"""Media in an S3-compatible bucket (DJANGO_MEDIA_STORAGE=s3), against moto's S3 API
server on loopback: uploads and their renditions go to the bucket, pages point at
the CDN domain, deleting the item deletes its files."""

import pytest
from django.core.management import call_command

from media_library.models import Cartoon
from tests.media_library.test_admin import PUBLISHING, form_errors, picture_upload
from tests.storage.s3 import S3Server

pytestmark = pytest.mark.django_db(transaction=True)

CDN = "media.example.org"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    server = S3Server(tmp_path_factory.mktemp("s3")).start()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3, settings):
    settings.STORAGES = {**settings.STORAGES, "default": s3.storage_setting(custom_domain=CDN)}
    client = s3.client()
    for key in s3.keys():
        client.delete_object(Bucket="nejat-media", Key=key)
    return s3


def test_an_upload_and_its_renditions_live_in_the_bucket_and_go_with_the_item(
    bucket, editor_client, client
):
    data = {
        "title_en": "The long queue",
        "image_alt_en": "People waiting in a queue",
        "image": picture_upload(1, name="queue.jpg"),
        **PUBLISHING,
    }
    response = editor_client.post("/admin/media_library/cartoon/add/", data)
    assert response.status_code == 302, form_errors(response)
    cartoon = Cartoon.objects.get()
    keys = bucket.keys()
    assert cartoon.image.name in keys
    renditions = [key for key in keys if key.startswith("renditions/")]
    assert any(key.endswith(".webp") for key in renditions)
    assert any(key.endswith("-share.jpg") for key in renditions)

    page = client.get(cartoon.url_in("en")).content.decode()
    assert f"https://{CDN}/renditions/" in page and "/media/renditions/" not in page
    stored = bucket.client().get_object(Bucket="nejat-media", Key=cartoon.image.name)
    assert stored["Body"].read()[:2] == b"\xff\xd8"

    response = editor_client.post(
        f"/admin/media_library/cartoon/{cartoon.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert bucket.keys() == []


def test_media_to_storage_copies_a_local_folder_once(bucket, tmp_path):
    folder = tmp_path / "media"
    (folder / "cartoons" / "2026").mkdir(parents=True)
    (folder / "cartoons" / "2026" / "a.jpg").write_bytes(b"\xff\xd8 first")
    (folder / "notes.txt").write_text("hello")
    call_command("media_to_storage", str(folder))
    assert bucket.keys() == ["cartoons/2026/a.jpg", "notes.txt"]

    (folder / "cartoons" / "2026" / "a.jpg").write_bytes(b"\xff\xd8 other")  # same size: kept
    (folder / "notes.txt").write_text("hello again")  # another size: copied again
    call_command("media_to_storage", str(folder))
    assert bucket.keys() == ["cartoons/2026/a.jpg", "notes.txt"]
    read = bucket.client().get_object
    assert read(Bucket="nejat-media", Key="notes.txt")["Body"].read() == b"hello again"
    assert read(Bucket="nejat-media", Key="cartoons/2026/a.jpg")["Body"].read() == b"\xff\xd8 first"


def test_unpublishing_moves_the_files_within_the_bucket(bucket, editor_client):
    data = {
        "title_en": "The short queue",
        "image_alt_en": "A few people waiting",
        "image": picture_upload(2, name="short.jpg"),
        **PUBLISHING,
    }
    assert editor_client.post("/admin/media_library/cartoon/add/", data).status_code == 302
    cartoon = Cartoon.objects.get()
    public = set(bucket.keys())
    response = editor_client.post(
        "/admin/media_library/cartoon/", {"action": "unpublish", "_selected_action": [cartoon.pk]}
    )
    assert response.status_code == 302
    cartoon.refresh_from_db()
    hidden = set(bucket.keys())
    assert cartoon.image.name in hidden and not public & hidden
    assert len(hidden) == len(public)  # the original and every rendition, moved
    policy = bucket.client().get_bucket_policy(Bucket="nejat-media")["Policy"]
    assert "s3:ListBucket" not in policy  # nobody can list the random folders
