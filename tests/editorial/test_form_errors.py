"""A form that comes back with errors names the files chosen for it: a browser cannot
fill a file input in again, so the editor is told which to choose again."""

import re

import pytest

from media_library.models import Album, Cartoon
from nejat.media.demo_images import abstract_picture
from tests.articles.test_admin import ADD_URL, article_form, upload
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_library_image
from tests.media_library.factories import make_album

pytestmark = pytest.mark.django_db

CHOOSE_AGAIN = (
    "The file you chose (river.jpg) was not saved because the form had errors: choose it again."
)


def picture(name, number=1):
    return upload(name, abstract_picture(number, size=(160, 120)).read())


def persian_article_without_category(category):
    data = article_form(
        category,
        title_fa="کتاب‌خوانی در روستا",
        slug_fa="کتاب-خوانی",
        body_fa="<p>متن</p>",
        status="draft",
    )
    for field in ("title_en", "slug_en", "summary_en", "body_en", "category"):
        data[field] = ""
    return data


CARTOON_ADD_URL = "/admin/media_library/cartoon/add/"


def persian_cartoon(publish_at="not a date", **overrides):
    """A Persian cartoon whose publication time is not a date, unless given one."""
    return {
        "title_fa": "کاریکاتور روز",
        "caption_fa": "شرح",
        "status": "draft",
        "publish_at_0": publish_at,
        "publish_at_1": "09:00:00",
        **overrides,
    }


class TestFilesOfAFailedForm:
    def test_the_chosen_file_is_named_next_to_its_field_and_above_the_form(self, editor_client):
        response = editor_client.post(CARTOON_ADD_URL, persian_cartoon(image=picture("river.jpg")))
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form.errors["publish_at"]
        assert form.errors["image"] == [CHOOSE_AGAIN]
        assert CHOOSE_AGAIN in form.non_field_errors()
        html = response.content.decode()
        assert 'class="errorlist upload-lost" id="id_image_error"' in html

    def test_a_file_refused_for_itself_gets_its_own_error_only(self, editor_client):
        response = editor_client.post(
            CARTOON_ADD_URL, persian_cartoon(image=upload("river.jpg", b"no image"))
        )
        form = response.context["adminform"].form
        assert "choose it again" not in str(form.errors["image"])
        assert not form.non_field_errors()

    def test_a_picture_chosen_from_the_library_stays_chosen(self, editor_client, category):
        image = make_library_image(title="Reading room")
        data = persian_article_without_category(category)
        response = editor_client.post(ADD_URL, {**data, "image": image.pk})
        assert response.status_code == 200
        html = response.content.decode()
        assert re.search(rf'<option value="{image.pk}" selected[^>]*>Reading room</option>', html)
        assert "choose it again" not in html

    def test_a_form_without_files_says_nothing_of_them(self, editor_client, category):
        response = editor_client.post(ADD_URL, persian_article_without_category(category))
        assert "choose it again" not in response.content.decode()

    def test_a_form_that_saves_keeps_its_file(self, editor_client):
        data = persian_cartoon("2026-01-10", image=picture("river.jpg"))
        assert editor_client.post(CARTOON_ADD_URL, data).status_code == 302
        assert Cartoon.objects.get().image.name.endswith("river.jpg")

    def test_the_album_names_every_photo_chosen_at_once(self, editor_client):
        album = make_album(languages=["en"], photos=1)
        data = form_data(editor_client.get(change_url(album)))
        data.update(
            {
                "publish_at_0": "not a date",
                "new_photos": [picture("one.jpg", 2), picture("two.jpg", 3)],
            }
        )
        response = editor_client.post(change_url(album), data)
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form.errors["new_photos"] == [
            "The files you chose (one.jpg, two.jpg) were not saved because the form had "
            "errors: choose them again."
        ]
        assert "(one.jpg, two.jpg)" in str(form.non_field_errors())
        assert Album.objects.get().photos.count() == 1
