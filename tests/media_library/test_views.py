import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.media_library.factories import (
    LANGUAGES,
    make_album,
    make_cartoon,
    make_newspic,
    make_photo,
    make_video,
)

pytestmark = pytest.mark.django_db

MAKERS = {
    "cartoon": make_cartoon,
    "newspic": make_newspic,
    "album": make_album,
    "video": make_video,
}
LIST_NAMES = {"cartoon": "cartoons", "newspic": "newspics", "album": "albums", "video": "videos"}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"media_library:{name}", kwargs=kwargs or None)


def titles_on(response):
    return re.findall(
        r'class="media-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode()
    )


class TestEditions:
    @pytest.mark.parametrize("kind", MAKERS)
    def test_item_exists_only_in_the_editions_it_is_translated_into(self, client, kind):
        item = MAKERS[kind](languages=["en", "fa"])
        for language in LANGUAGES:
            expected = 200 if language in ("en", "fa") else 404
            assert client.get(url(kind, language, pk=item.pk)).status_code == expected, language
            listed = titles_on(client.get(url(LIST_NAMES[kind], language)))
            title = getattr(item, f"title_{language}")
            assert listed == ([title] if expected == 200 else []), language

    @pytest.mark.parametrize("kind", MAKERS)
    def test_items_of_one_edition_never_show_in_another(self, client, kind):
        persian = MAKERS[kind](languages=["fa"])
        albanian = MAKERS[kind](languages=["sq"])
        assert titles_on(client.get(url(LIST_NAMES[kind], "fa"))) == [persian.title_fa]
        assert titles_on(client.get(url(LIST_NAMES[kind], "sq"))) == [albanian.title_sq]
        index = client.get(url("index", "fa")).content.decode()
        assert persian.title_fa in index and albanian.title_sq not in index

    @pytest.mark.parametrize("kind", MAKERS)
    def test_page_links_only_to_the_editions_the_item_exists_in(self, client, kind):
        item = MAKERS[kind](languages=["en", "ar"])
        html = client.get(item.url_in("ar")).content.decode()
        assert f'hreflang="en" href="http://testserver{item.url_in("en")}"' in html
        assert 'hreflang="fa"' not in html and 'hreflang="sq"' not in html

    def test_photo_page_exists_where_its_album_does(self, client):
        album = make_album(languages=["en", "ar"], photos=2)
        photo = album.photos.last()
        assert client.get(photo.url_in("ar")).status_code == 200
        assert client.get(photo.url_in("fa")).status_code == 404


class TestPublishing:
    @pytest.mark.parametrize("kind", MAKERS)
    def test_drafts_and_scheduled_items_never_reach_readers(self, client, kind):
        draft = MAKERS[kind](status="draft")
        scheduled = MAKERS[kind](days_ago=-2)
        for item in (draft, scheduled):
            assert client.get(item.url_in("en")).status_code == 404
        assert titles_on(client.get(url(LIST_NAMES[kind], "en"))) == []

    @pytest.mark.parametrize("kind", MAKERS)
    def test_staff_can_preview_a_draft(self, editor_client, kind):
        draft = MAKERS[kind](status="draft")
        response = editor_client.get(draft.url_in("en"))
        assert response.status_code == 200
        assert "Preview" in response.content.decode()


class TestListPages:
    def test_newest_first_twelve_to_a_page(self, client):
        cartoons = [make_cartoon(days_ago=day) for day in range(1, 15)]
        first = client.get(url("cartoons", "en"))
        assert titles_on(first) == [c.title_en for c in cartoons[:12]]
        assert 'rel="next" href="?page=2"' in first.content.decode()
        assert titles_on(client.get(url("cartoons", "en") + "?page=2")) == [
            c.title_en for c in cartoons[12:]
        ]
        assert client.get(url("cartoons", "en") + "?page=3").status_code == 404

    def test_album_card_shows_its_cover_or_first_photo_and_photo_count(self, client):
        album = make_album(photos=3)
        html = client.get(url("albums", "en")).content.decode()
        first = album.photos.first().image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        assert first in html
        assert "3 photos" in html

    def test_video_card_shows_the_duration_when_known(self, client):
        from datetime import timedelta

        make_video(duration=timedelta(minutes=4, seconds=5))
        make_video(languages=["fa"], duration=timedelta(minutes=12, seconds=30))
        assert (
            '<time datetime="PT4M5S">4:05</time>'
            in client.get(url("videos", "en")).content.decode()
        )
        assert "۱۲:۳۰" in client.get(url("videos", "fa")).content.decode()


class TestDetailPages:
    def test_picture_page_shows_the_large_image_caption_and_neighbours(self, client):
        older, middle, newer = (make_newspic(days_ago=day) for day in (3, 2, 1))
        html = client.get(middle.url_in("en")).content.decode()
        assert ".webp 160w" in html and middle.caption_en in html
        assert f'rel="prev" href="{newer.url_in("en")}"' in html
        assert f'rel="next" href="{older.url_in("en")}"' in html
        assert "facebook.com/sharer" in html

    def test_neighbours_are_from_the_same_edition(self, client):
        first = make_cartoon(languages=["en"], days_ago=3)
        make_cartoon(languages=["fa"], days_ago=2)
        last = make_cartoon(languages=["en"], days_ago=1)
        html = client.get(first.url_in("en")).content.decode()
        assert f'rel="prev" href="{last.url_in("en")}"' in html

    def test_album_page_links_each_thumbnail_to_its_photo_page(self, client):
        album = make_album(photos=3)
        html = client.get(album.url_in("en")).content.decode()
        for photo in album.photos.all():
            assert f'href="{photo.url_in("en")}"' in html
        assert "js/lightbox.js" in html and "data-lightbox-src=" in html

    def test_album_without_photos_does_not_break_its_page(self, client):
        album = make_album(photos=0)
        response = client.get(album.url_in("en"))
        assert response.status_code == 200
        assert "No photos in this album yet." in response.content.decode()
        assert client.get(url("albums", "en")).status_code == 200

    def test_photo_page_works_on_its_own_with_previous_and_next(self, client):
        album = make_album(languages=["fa"], photos=3)
        first, second, third = album.photos.all()
        html = client.get(second.url_in("fa")).content.decode()
        assert second.image.caption_fa in html
        assert f'rel="prev" href="{first.url_in("fa")}"' in html
        assert f'rel="next" href="{third.url_in("fa")}"' in html
        assert "۲" in html  # "photo 2 of 3" in Persian digits

    def test_photo_of_another_album_is_404(self, client):
        album, other = make_album(photos=1), make_album(photos=0)
        photo = make_photo(other)
        bad = url("photo", "en", pk=album.pk, photo=photo.pk)
        assert client.get(bad).status_code == 404

    def test_uploaded_video_plays_in_a_video_element_with_its_poster(self, client):
        from tests.media_library.factories import small_picture

        video = make_video(source="file", poster=small_picture(5))
        html = client.get(video.url_in("en")).content.decode()
        assert re.search(r'<video controls preload="metadata" poster="[^"]+\.jpg">', html)
        assert f'<source src="{video.file.url}" type="video/mp4">' in html
        assert "PT2S" in html  # the duration read from the uploaded file

    def test_video_hosted_elsewhere_plays_from_its_address(self, client):
        video = make_video(source="url", file_url="https://media.example.org/video/talk.webm")
        html = client.get(video.url_in("en")).content.decode()
        assert '<source src="https://media.example.org/video/talk.webm" type="video/webm">' in html

    def test_embedded_video_loads_nothing_from_the_provider_before_play(self, client):
        video = make_video(source="embed")
        html = client.get(video.url_in("en")).content.decode()
        assert "<iframe" not in html
        assert 'data-player="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"' in html
        assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in html
        assert "i.ytimg.com" not in html and '<script src="https://' not in html


class TestQueryCounts:
    """Each page makes a fixed number of queries of its own however many items it
    shows (the chrome is kept: see ``own_queries``)."""

    @pytest.mark.parametrize("count", [3, 60])
    @pytest.mark.parametrize(
        "kind, queries",
        [
            # count, the page of items
            ("cartoon", 2),
            ("newspic", 2),
            ("video", 2),
            # ... and the first photo of each album, for albums without a cover
            ("album", 3),
        ],
    )
    def test_list_pages(self, own_queries, count, kind, queries):
        for day in range(count):
            MAKERS[kind](languages=LANGUAGES, days_ago=day + 1)
        assert own_queries(url(LIST_NAMES[kind], "fa"), queries).status_code == 200

    @pytest.mark.parametrize("count", [3, 60])
    def test_album_page(self, own_queries, count):
        album = make_album(languages=LANGUAGES, photos=count)
        # the album, its photos, its tags
        response = own_queries(album.url_in("fa"), 3)
        assert response.content.decode().count('class="gallery__item"') == count

    @pytest.mark.parametrize("count", [3, 60])
    def test_photo_page(self, own_queries, count):
        album = make_album(languages=LANGUAGES, photos=count)
        photo = album.photos.last()
        # the album, its photos
        assert own_queries(photo.url_in("fa"), 2).status_code == 200

    @pytest.mark.parametrize("count", [3, 60])
    def test_item_pages(self, own_queries, count):
        items = [make_cartoon(languages=LANGUAGES, days_ago=day + 1) for day in range(count)]
        # the cartoon, its tags, the newer and the older one
        assert own_queries(items[1].url_in("fa"), 4).status_code == 200

    def test_media_front_page(self, own_queries):
        for day in range(6):
            for maker in MAKERS.values():
                maker(languages=LANGUAGES, days_ago=day + 1)
        # four sections, the albums' first photos
        assert own_queries(url("index", "fa"), 5).status_code == 200


class TestEveryPage:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_media_page_answers_200_with_exactly_one_h1(self, client, language):
        album = make_album(languages=LANGUAGES, photos=2)
        items = [
            make_cartoon(languages=LANGUAGES),
            make_newspic(languages=LANGUAGES),
            album,
            make_video(languages=LANGUAGES, source="embed"),
            make_video(languages=LANGUAGES, source="file"),
        ]
        urls = [url(name, language) for name in ("index", *LIST_NAMES.values())]
        urls += [item.url_in(language) for item in items]
        urls.append(album.photos.first().url_in(language))
        for address in urls:
            response = client.get(address)
            assert response.status_code == 200, address
            html = response.content.decode()
            assert len(re.findall(r"<h1[\s>]", html)) == 1, address
            assert '<link rel="canonical"' in html and "css/media_library.css" in html, address

    @pytest.mark.parametrize(
        "address",
        [
            "/en/media/cartoons/999/",
            "/en/media/albums/999/photos/1/",
            "/en/media/videos/abc/",
            "/en/media/newspics/?page=%00",
        ],
    )
    def test_odd_addresses_are_404_not_500(self, client, address):
        make_newspic()
        assert client.get(address).status_code == 404
