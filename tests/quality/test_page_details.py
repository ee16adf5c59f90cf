"""Details that page-quality audits (Lighthouse, axe, the Nu HTML Checker) look at:
the first picture fetched first, help texts that exist, a site icon and manifest."""

import json
import re

import pytest

from tests.factories import make_article, make_library_image
from tests.media_library.factories import make_cartoon, make_newspic, small_picture

pytestmark = pytest.mark.django_db


def loading_of_images(html):
    return re.findall(r'<img [^>]*loading="(\w+)"( fetchpriority="high")?', html)


class TestFirstPicture:
    def test_the_first_card_of_a_listing_is_fetched_first_and_the_rest_later(
        self, client, category
    ):
        for number in range(3):
            make_article(
                category, image=make_library_image(small_picture(number)), days_ago=number + 1
            )
        images = loading_of_images(client.get("/en/").content.decode())
        assert images[0] == ("eager", ' fetchpriority="high"')
        assert images[1:] and all(image == ("lazy", "") for image in images[1:])

    def test_only_the_first_section_of_the_media_page_has_an_eager_picture(self, client):
        make_cartoon()
        make_newspic()
        make_newspic()
        images = loading_of_images(client.get("/en/media/").content.decode())
        assert [loading for loading, _priority in images] == ["eager", "lazy", "lazy"]


class TestHelpTexts:
    def test_every_aria_describedby_names_an_element_of_the_page(self, client, category):
        article = make_article(category)
        page = client.get(article.url_in("en")).content.decode()
        described = re.findall(r'aria-describedby="([^"]+)"', page)
        assert described  # the comment form's e-mail has a help text
        for ids in described:
            for element_id in ids.split():
                assert f'id="{element_id}"' in page, element_id


class TestSiteIcon:
    def test_favicon_ico_answers_with_an_icon(self, client):
        response = client.get("/favicon.ico")
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        assert content[:4] == b"\x00\x00\x01\x00"  # the ICO format

    @pytest.mark.parametrize("language, direction", [("en", "ltr"), ("fa", "rtl")])
    def test_every_edition_links_its_own_manifest(self, client, language, direction):
        page = client.get(f"/{language}/").content.decode()
        link = re.search(r'<link rel="manifest" href="([^"]+)">', page)[1]
        assert link == f"/{language}/manifest.webmanifest"
        assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in page
        assert re.search(r'<link rel="icon" href="[^"]+\.svg" type="image/svg\+xml">', page)
        assert re.search(r'<link rel="apple-touch-icon" href="[^"]+\.png">', page)
        response = client.get(link)
        assert response["Content-Type"] == "application/manifest+json"
        manifest = json.loads(response.content)
        assert manifest["lang"] == language and manifest["dir"] == direction
        assert manifest["start_url"] == f"/{language}/" and manifest["name"]
        assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
        for icon in manifest["icons"]:
            assert client.get(icon["src"]).status_code == 200
