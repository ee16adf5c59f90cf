"""The image library: a picture uploaded once, pasted into any text by its address,
and shown to readers in the size their screen needs."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage
from tests.articles.test_admin import library_form, upload
from tests.factories import make_article, make_library_image

ADD_URL = "/admin/nejat_media/libraryimage/add/"


@pytest.fixture
def library_image(editor_client):
    response = editor_client.post(
        ADD_URL,
        library_form(
            file=upload("harbour.jpg", abstract_picture(2).read()), title="Harbour at dawn"
        ),
    )
    assert response.status_code == 302
    return LibraryImage.objects.get()


def body_with(*images):
    figures = "".join(
        f'<figure><img src="{image.file.url}" alt="The harbour"><figcaption>Dawn</figcaption>'
        "</figure>"
        for image in images
    )
    elsewhere = '<p>Elsewhere: <img src="https://example.org/a.jpg" alt=""></p>'
    return f"<p>Boats came in.</p>{figures}{elsewhere}"


def test_an_uploaded_image_gives_its_address_for_the_editor(editor_client, library_image):
    assert library_image.renditions_ready and library_image.width > 0
    page = editor_client.get(f"/admin/nejat_media/libraryimage/{library_image.pk}/change/")
    assert f'value="{library_image.file.url}"' in page.content.decode()
    listing = editor_client.get("/admin/nejat_media/libraryimage/", {"q": "harbour"})
    assert "Harbour at dawn" in listing.content.decode()


def test_a_library_image_in_an_article_is_offered_in_its_renditions(category, library_image):
    article = make_article(category, body_en=body_with(library_image))
    html = Client().get(article.get_absolute_url()).content.decode()

    picture = re.search(r"<picture><source [^>]*></picture>|<picture>.*?</picture>", html, re.S)
    assert picture, html
    srcset = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture.group(0)).group(1)
    widths = [int(width) for width in re.findall(r" (\d+)w", srcset)]
    assert len(widths) > 1 and widths == sorted(widths)
    img = re.search(r"<img [^>]*>", picture.group(0)).group(0)
    assert 'alt="The harbour"' in img and "width=" in img and 'loading="lazy"' in img
    assert library_image.file.url not in img, "a rendition, not the original"
    # An image from elsewhere is left as it was.
    assert '<img src="https://example.org/a.jpg" alt="">' in html


def test_until_the_renditions_exist_the_original_is_shown(category, library_image):
    LibraryImage.objects.update(renditions_ready=False)
    article = make_article(category, body_en=body_with(library_image))
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "<picture>" not in html
    assert f'<img src="{library_image.file.url}" alt="The harbour">' in html


def test_images_in_the_text_cost_one_query_however_many(category, editor_client, settings):
    settings.NEJAT_PAGE_CACHE = False
    for number in range(3):
        picture = upload(f"p{number}.jpg", abstract_picture(number).read())
        editor_client.post(ADD_URL, library_form(file=picture))
    images = list(LibraryImage.objects.all())
    plain = make_article(category, slug_en="plain")
    one = make_article(category, slug_en="one", body_en=body_with(images[0]))
    three = make_article(category, slug_en="three", body_en=body_with(*images))
    editor_client.logout()
    queries_of(make_article(category, slug_en="warm").get_absolute_url())  # the chrome
    first, later = {}, {}
    for article in (plain, one, three):
        first[article.slug_en], later[article.slug_en] = queries_of(article.get_absolute_url())
    assert first["one"] == first["three"] == first["plain"] + 1
    # The article's part of the page is kept with the chrome once made.
    assert later["one"] == later["three"] == later["plain"]


def queries_of(url):
    """The queries of a page's first view, and of a later one (page cache off)."""
    counts = []
    reader = Client()
    for _view in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(url).status_code == 200
        counts.append(len(captured))
    return counts


def test_authors_add_to_the_library_and_translators_choose_from_it(
    author, persian_translator, library_image
):
    writer, translator = Client(), Client()
    writer.force_login(author)
    translator.force_login(persian_translator)
    assert writer.get(ADD_URL).status_code == 200
    assert translator.get(ADD_URL).status_code == 403
    assert translator.get("/admin/nejat_media/libraryimage/").status_code == 200
    change = f"/admin/nejat_media/libraryimage/{library_image.pk}/delete/"
    assert writer.get(change).status_code == 403


def test_an_image_shown_in_a_text_cannot_be_deleted(editor_client, category, library_image):
    article = make_article(category, title_en="Harbour report", body_en=body_with(library_image))
    delete = f"/admin/nejat_media/libraryimage/{library_image.pk}/delete/"

    page = editor_client.get(delete).content.decode()
    assert "Harbour report" in page and f"/admin/articles/article/{article.pk}/change/" in page
    editor_client.post(delete, {"post": "yes"})
    assert LibraryImage.objects.filter(pk=library_image.pk).exists()

    article.body_en = "<p>Boats came in.</p>"
    article.save()
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not LibraryImage.objects.exists()


def test_the_editors_picker_lists_and_searches_the_library(editor_client):
    market = make_library_image(title="Market", alt_fa="بازار", caption_en="Stalls at noon")
    make_library_image(title="Harbour")
    url = "/admin/nejat_media/libraryimage/pick/?CKEditorFuncNum=3"
    page = editor_client.get(url).content.decode()
    assert page.count('class="library-picker__choice"') == 2
    assert 'data-callback="3"' in page and f'data-url="{market.file.url}"' in page
    assert "&quot;fa&quot;: {&quot;alt&quot;: &quot;بازار&quot;" in page
    found = editor_client.get(url, {"q": "Stalls"}).content.decode()
    assert found.count('class="library-picker__choice"') == 1 and "Market" in found
    assert Client().get(url).status_code == 302  # signed-in staff only
