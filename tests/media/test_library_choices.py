"""One picture of the image library chosen by several items: its words and focal point
are the picture's own, its crops follow the focal point everywhere it is shown, and it
cannot be deleted while something shows it."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from nejat.media.models import LibraryImage
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article, make_library_image
from tests.media_library.factories import make_album, make_photo

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 20, 220)


def red_left_blue_right():
    picture = Image.new("RGB", (1600, 800), BLUE)
    picture.paste(RED, (0, 0, 800, 800))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="halves.png")


def crop_addresses(html, crop):
    return re.findall(rf'/media/(renditions/[^" ]+-{crop}-\d+-f\d+-\d+\.webp)', html)


def middle_colour(settings, name):
    with Image.open(Path(settings.MEDIA_ROOT) / name) as crop:
        red, _green, blue = crop.convert("RGB").getpixel((crop.width // 2, crop.height // 2))
    return "red" if red > blue else "blue"


@pytest.fixture
def shared(category):
    image = make_library_image(
        red_left_blue_right(), title="Two halves", alt_en="Red beside blue", alt_fa="سرخ و آبی"
    )
    articles = [make_article(category, languages=("en", "fa"), image=image) for _ in range(2)]
    album = make_album(languages=("en",))
    make_photo(album, image=image)
    return image, articles, album


def move_focal_point(editor_client, image, across, django_capture_on_commit_callbacks):
    data = form_data(editor_client.get(change_url(image)))
    data.update(focal_x=str(across), focal_y="50")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(image), data)
    assert response.status_code == 302


def share_crops(reader, articles):
    """The share card (og:image) of each article's page."""
    pages = [reader.get(article.url_in("en")).content.decode() for article in articles]
    return [re.search(r'og:image" content="[^"]*/media/([^"]+)"', page).group(1) for page in pages]


def test_the_focal_point_moves_every_crop_of_the_picture(
    shared, editor_client, settings, django_capture_on_commit_callbacks
):
    image, articles, album = shared
    reader = Client()
    centred = share_crops(reader, articles)
    assert len(set(centred)) == 1 and centred[0].endswith("-share-f50-50.jpg")
    gallery = crop_addresses(reader.get(album.url_in("en")).content.decode(), "1x1")
    assert gallery and all("-f50-50" in name for name in gallery)

    move_focal_point(editor_client, image, 10, django_capture_on_commit_callbacks)

    shares = share_crops(reader, articles)
    assert len(set(shares)) == 1 and shares[0].endswith("-share-f10-50.jpg")
    gallery = crop_addresses(reader.get(album.url_in("en")).content.decode(), "1x1")
    cards = crop_addresses(reader.get("/en/media/albums/").content.decode(), "4x3")
    assert gallery and cards and all("-f10-50" in name for name in [*gallery, *cards])
    assert {middle_colour(settings, name) for name in [*shares, *gallery, *cards]} == {"red"}
    # The crops around the old point are gone; the new ones are where the pages say.
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in centred)

    move_focal_point(editor_client, image, 90, django_capture_on_commit_callbacks)
    shares = share_crops(reader, articles)
    assert {middle_colour(settings, name) for name in shares} == {"blue"}


def test_the_words_are_the_pictures_own_in_each_edition(shared):
    image, articles, _album = shared
    reader = Client()
    assert 'alt="Red beside blue"' in reader.get(articles[0].url_in("en")).content.decode()
    assert 'alt="سرخ و آبی"' in reader.get(articles[1].url_in("fa")).content.decode()


def test_a_picture_in_use_cannot_be_deleted_and_its_places_are_listed(shared, editor_client):
    image, articles, album = shared
    delete_url = f"/admin/nejat_media/libraryimage/{image.pk}/delete/"
    page = editor_client.get(delete_url).content.decode()
    for article in articles:
        assert f"/admin/articles/article/{article.pk}/change/" in page
    assert f"/admin/media_library/album/{album.pk}/change/" in page
    editor_client.post(delete_url, {"post": "yes"})
    assert LibraryImage.objects.filter(pk=image.pk).exists()

    change = editor_client.get(change_url(image)).content.decode()
    assert change.count("/admin/articles/article/") >= 2  # "Where it is used"

    for article in articles:
        article.image = None
        article.save()
    album.photos.all().delete()
    editor_client.post(delete_url, {"post": "yes"})
    assert not LibraryImage.objects.filter(pk=image.pk).exists()
