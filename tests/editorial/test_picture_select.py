"""Choosing a picture by seeing it: the image-library autocomplete of an article's
featured image, an album's cover and its photos answers with thumbnails, and the
chosen picture is shown below the field."""

import re

import pytest
from django.test import Client

from tests.factories import make_article, make_library_image
from tests.media_library.factories import make_album

pytestmark = pytest.mark.django_db

PICTURES = "/admin/nejat_media/libraryimage/autocomplete/"
ARTICLE_IMAGE = {"app_label": "articles", "model_name": "article", "field_name": "image"}


def test_the_pictures_autocomplete_answers_with_thumbnails(editor_client):
    harbour = make_library_image(title="Harbour at dawn")
    make_library_image(title="Market day")
    answer = editor_client.get(PICTURES, {**ARTICLE_IMAGE, "term": "harbour"}).json()
    assert answer["results"] == [
        {"id": str(harbour.pk), "text": "Harbour at dawn", "thumbnail": harbour.file.smallest_url}
    ]
    assert "/renditions/" in harbour.file.smallest_url


def test_it_keeps_the_admins_own_checks_and_answers_for_pictures_only(
    editor_client, django_user_model, category
):
    make_library_image(title="Harbour at dawn")
    visitor = Client()
    assert visitor.get(PICTURES, ARTICLE_IMAGE).status_code == 302  # to the sign-in page
    staff = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    visitor.force_login(staff)  # no permission on articles or pictures
    assert visitor.get(PICTURES, ARTICLE_IMAGE).status_code == 403
    not_a_picture = {**ARTICLE_IMAGE, "field_name": "category"}
    assert editor_client.get(PICTURES, not_a_picture).status_code == 403


def select_of(html, name):
    return re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)


def test_the_article_form_asks_for_pictures_and_shows_the_chosen_one(editor_client, category):
    picture = make_library_image(title="Harbour at dawn")
    article = make_article(category, image=picture)
    html = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    field = select_of(html, "image")
    assert f'data-ajax--url="{PICTURES}"' in field and "data-picture-preview" in field
    assert f'data-thumbnail="{picture.file.smallest_url}"' in field
    assert "editorial/picture-select.js" in html
    # Other autocompletes keep Django's.
    assert 'data-ajax--url="/admin/autocomplete/"' in select_of(html, "category")


def test_an_albums_cover_and_photos_are_chosen_by_their_pictures(editor_client):
    album = make_album(photos=2)
    html = editor_client.get(f"/admin/media_library/album/{album.pk}/change/").content.decode()
    assert f'data-ajax--url="{PICTURES}"' in select_of(html, "cover")
    photo = select_of(html, "photos-0-image")
    assert f'data-ajax--url="{PICTURES}"' in photo
    assert "data-picture-preview" not in photo, "the row's preview column shows it"


def test_it_answers_for_the_picture_a_field_has_just_been_given(editor_client):
    make_library_image(title="Harbour at dawn")
    added = make_library_image(title="Market day")
    answer = editor_client.get(PICTURES, {**ARTICLE_IMAGE, "chosen": added.pk}).json()
    assert [result["id"] for result in answer["results"]] == [str(added.pk)]
    assert answer["results"][0]["thumbnail"] == added.file.smallest_url
