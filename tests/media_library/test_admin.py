import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from media_library.demo.mp4 import generate_mp4
from media_library.models import Album, Cartoon, Photo, Video
from tests.factories import make_library_image
from tests.media_library.factories import (
    make_album,
    make_cartoon,
    make_video,
    small_picture,
    webm_bytes,
)

pytestmark = pytest.mark.django_db

PUBLISHING = {"status": "published", "publish_at_0": "2026-01-10", "publish_at_1": "09:00:00"}


def picture_upload(number, name=None):
    content = small_picture(number).read()
    return SimpleUploadedFile(name or f"photo-{number}.jpg", content, content_type="image/jpeg")


def form_errors(response):
    assert response.status_code == 200, "the form should be shown again, not a redirect or 500"
    return response.context["adminform"].form.errors


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def inline_management(prefix="photos", total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


class TestPictureAdmin:
    def test_editor_adds_a_cartoon_and_authorship_is_recorded(self, editor_client, editor):
        data = {
            "title_en": "The long queue",
            "title_fa": "صف طولانی",
            "image_alt_en": "People waiting in a queue that winds round a building",
            "image": picture_upload(1),
            "tags": "water",
            **PUBLISHING,
        }
        response = editor_client.post("/admin/media_library/cartoon/add/", data)
        assert response.status_code == 302, form_errors(response)
        cartoon = Cartoon.objects.get()
        assert cartoon.languages == ["en", "fa"] and cartoon.created_by == editor
        assert cartoon.image_width == 160

    def test_file_that_is_not_an_image_is_a_form_error(self, editor_client):
        data = {
            "title_en": "Not a picture",
            "image": SimpleUploadedFile("x.jpg", b"%PDF-1.4 nothing to see"),
            **PUBLISHING,
        }
        response = editor_client.post("/admin/media_library/newspic/add/", data)
        assert "image" in form_errors(response)
        assert "Not a picture" in response.content.decode()

    @pytest.mark.parametrize("model", ["cartoon", "newspic", "album", "video", "photo"])
    def test_lists_and_forms_open(self, editor_client, model):
        make_cartoon()
        make_album(photos=2)
        make_video(source="embed")
        if model == "photo":
            return
        assert editor_client.get(f"/admin/media_library/{model}/").status_code == 200
        assert editor_client.get(f"/admin/media_library/{model}/?missing=fa").status_code == 200
        assert editor_client.get(f"/admin/media_library/{model}/add/").status_code == 200


class TestAlbumAdmin:
    URL = "/admin/media_library/album/add/"

    def album_form(self, **overrides):
        return {"title_en": "Spring fair", **PUBLISHING, **inline_management(), **overrides}

    def test_add_form_offers_a_field_for_many_photos_at_once(self, editor_client):
        html = editor_client.get(self.URL).content.decode()
        assert 'name="new_photos"' in html and "multiple" in html

    def test_several_photos_are_added_at_once_in_the_order_chosen(self, editor_client):
        uploads = [picture_upload(n) for n in range(1, 4)]
        response = editor_client.post(self.URL, self.album_form(new_photos=uploads))
        assert response.status_code == 302, form_errors(response)
        album = Album.objects.get()
        names = [photo.image.file.name.rsplit("/", 1)[-1] for photo in album.photos.all()]
        assert [name.split("_")[0].removesuffix(".jpg") for name in names] == [
            "photo-1",
            "photo-2",
            "photo-3",
        ]
        assert [photo.order for photo in album.photos.all()] == [1, 2, 3]
        assert "3 photos were added." in messages_of(response)

    def test_five_files_with_one_corrupt_saves_four_and_names_the_fifth(self, editor_client):
        whole = small_picture(9).read()
        corrupt = SimpleUploadedFile("broken-scan.jpg", whole[: len(whole) // 2])
        uploads = [
            picture_upload(1),
            picture_upload(2),
            corrupt,
            picture_upload(3),
            picture_upload(4),
        ]
        response = editor_client.post(self.URL, self.album_form(new_photos=uploads))
        album = Album.objects.get()
        assert album.photos.count() == 4
        # The editor stays on the album, to choose the bad picture again.
        assert response.status_code == 302
        assert response["Location"] == f"/admin/media_library/album/{album.pk}/change/"
        messages = messages_of(response)
        assert "4 photos were added." in messages
        assert [m for m in messages if "broken-scan.jpg" in m and "damaged" in m]

    def test_added_photos_follow_those_already_in_the_album(self, editor_client):
        album = make_album(photos=2)
        existing = list(album.photos.all())
        data = {
            "title_en": album.title_en,
            **PUBLISHING,
            **inline_management(total=2, initial=2),
            "new_photos": [picture_upload(7)],
        }
        for index, photo in enumerate(existing):
            data |= {
                f"photos-{index}-id": photo.pk,
                f"photos-{index}-album": album.pk,
                f"photos-{index}-image": photo.image_id,
                f"photos-{index}-order": photo.order,
            }
        response = editor_client.post(f"/admin/media_library/album/{album.pk}/change/", data)
        assert response.status_code == 302, form_errors(response)
        assert album.photos.count() == 3
        assert list(album.photos.all())[:2] == existing

    def test_photos_are_reordered_and_chosen_from_the_library_inline(self, editor_client):
        album = make_album(photos=2)
        first, second = album.photos.all()
        picture = make_library_image(caption_fa="نمایی از بازار")
        data = {
            "title_en": album.title_en,
            **PUBLISHING,
            **inline_management(total=3, initial=2),
            "photos-0-id": first.pk,
            "photos-0-album": album.pk,
            "photos-0-image": first.image_id,
            "photos-0-order": 5,
            "photos-1-id": second.pk,
            "photos-1-album": album.pk,
            "photos-1-image": second.image_id,
            "photos-1-order": 1,
            "photos-2-album": album.pk,
            "photos-2-image": picture.pk,
            "photos-2-order": 3,
        }
        response = editor_client.post(f"/admin/media_library/album/{album.pk}/change/", data)
        assert response.status_code == 302, form_errors(response)
        photos = list(album.photos.all())
        assert photos[0] == second and photos[2] == first and photos[1].image == picture
        page = editor_client.get(f"/admin/media_library/album/{album.pk}/change/")
        assert "نمایی از بازار" in page.content.decode()

    def test_album_change_page_shows_photo_previews(self, editor_client):
        album = make_album(photos=2)
        html = editor_client.get(f"/admin/media_library/album/{album.pk}/change/").content.decode()
        assert html.count("/renditions/") >= 2


class TestVideoAdmin:
    URL = "/admin/media_library/video/add/"

    def video_form(self, **overrides):
        return {"title_en": "Open day at the library", **PUBLISHING, **overrides}

    def test_uploaded_mp4_is_accepted_by_its_content_and_its_duration_read(self, editor_client):
        mp4 = generate_mp4(width=32, height=32, fps=4, seconds=3)
        data = self.video_form(
            file=SimpleUploadedFile("open-day.bin", mp4, "application/octet-stream")
        )
        response = editor_client.post(self.URL, data)
        assert response.status_code == 302, form_errors(response)
        video = Video.objects.get()
        assert video.file.name.endswith(".mp4") and video.file_type == "video/mp4"
        assert video.duration.total_seconds() == 3

    def test_webm_is_recognised_by_its_structure(self, editor_client):
        response = editor_client.post(
            self.URL, self.video_form(file=SimpleUploadedFile("clip.webm", webm_bytes()))
        )
        assert response.status_code == 302, form_errors(response)
        assert Video.objects.get().file_type == "video/webm"

    @pytest.mark.parametrize(
        "name, content",
        [
            ("clip.mp4", b"this is plain text and no video at all"),
            ("clip.webm", small_picture(2).read()),
            ("clip.mp4", b""),
            ("clip.mov", b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  "),
        ],
    )
    def test_upload_that_is_not_mp4_or_webm_by_its_content_is_a_form_error(
        self, editor_client, name, content
    ):
        response = editor_client.post(
            self.URL, self.video_form(file=SimpleUploadedFile(name, content))
        )
        assert "file" in form_errors(response)
        assert Video.objects.count() == 0
        assert "Open day at the library" in response.content.decode()

    @pytest.mark.parametrize(
        "address",
        [
            "ftp://media.example.org/video/open-day.mp4",
            "javascript:alert(1)//.mp4",
            "file:///etc/passwd.mp4",
        ],
    )
    def test_address_that_is_not_http_is_a_form_error(self, editor_client, address):
        response = editor_client.post(self.URL, self.video_form(file_url=address))
        assert "file_url" in form_errors(response)
        assert address in response.content.decode()

    def test_address_of_something_that_is_not_a_video_file_is_a_form_error(self, editor_client):
        response = editor_client.post(
            self.URL, self.video_form(file_url="https://media.example.org/report.pdf")
        )
        assert ".mp4" in str(form_errors(response)["file_url"])

    def test_link_from_an_unsupported_provider_is_a_form_error_naming_those_supported(
        self, editor_client
    ):
        response = editor_client.post(
            self.URL, self.video_form(embed_url="https://videos.example.net/watch/123")
        )
        message = str(form_errors(response)["embed_url"])
        assert "YouTube" in message and "Vimeo" in message and "Aparat" in message

    @pytest.mark.parametrize(
        "sources",
        [
            {},
            {
                "file_url": "https://media.example.org/video/a.mp4",
                "embed_url": "https://vimeo.com/76979871",
            },
        ],
    )
    def test_video_needs_exactly_one_source(self, editor_client, sources):
        response = editor_client.post(self.URL, self.video_form(**sources))
        assert "__all__" in form_errors(response)

    @pytest.mark.parametrize(
        "link",
        [
            "https://youtu.be/aqz-KE-bpKQ",
            "https://vimeo.com/76979871",
            "https://www.aparat.com/v/k3Vb8",
        ],
    )
    def test_links_from_supported_providers_are_saved(self, editor_client, link):
        response = editor_client.post(self.URL, self.video_form(embed_url=link))
        assert response.status_code == 302, form_errors(response)


def test_photo_model_is_edited_only_within_its_album(editor_client):
    assert editor_client.get("/admin/media_library/photo/").status_code == 404
    assert Photo._meta.ordering == ["order", "pk"]
