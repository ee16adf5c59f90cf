import json
import re
from pathlib import Path

import pytest
from django.utils import translation
from PIL import Image

from nejat.media.demo_images import abstract_picture
from nejat.site.models import SiteSettings
from tests.factories import make_article, make_library_image
from tests.media_library.factories import make_album, make_cartoon, make_newspic, make_video
from tests.publications.factories import make_book, make_issue, make_periodical
from tests.site.test_pages import make_page

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html, key):
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)


def structured_data(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def of_type(html, kind):
    return [data for data in structured_data(html) if data["@type"] == kind]


def detail_pages(category):
    """Every kind of detail page, each item with a picture of its own (or none)."""
    periodical = make_periodical()
    album = make_album(photos=2)
    pages = {
        "article": make_article(
            category, languages=("en", "fa"), image=make_library_image(abstract_picture(1))
        ),
        "book": make_book(cover=abstract_picture(2)),
        "issue": make_issue(periodical, cover=abstract_picture(3)),
        "album": album,
        "video": make_video(poster=abstract_picture(4)),
        "cartoon": make_cartoon(),
        "newspic": make_newspic(),
    }
    with translation.override("en"):
        urls = {kind: item.url_in("en") for kind, item in pages.items()}
        urls["photo"] = album.photos.first().get_absolute_url()
    return urls


class TestShareImage:
    def test_every_detail_page_has_exactly_one_share_image_made_at_1200_by_630(
        self, client, category, settings
    ):
        for kind, url in detail_pages(category).items():
            html = head(client, url)
            (image,) = meta(html, "og:image")
            assert image.startswith("http://testserver/media/renditions/"), kind
            assert re.search(r"-share(-f\d+-\d+)?\.jpg$", image), kind
            assert meta(html, "og:image:width") == ["1200"], kind
            assert meta(html, "og:image:height") == ["630"], kind
            assert meta(html, "twitter:card") == ["summary_large_image"], kind
            stored = Path(settings.MEDIA_ROOT, image.removeprefix("http://testserver/media/"))
            with Image.open(stored) as picture:
                assert picture.size == (1200, 630) and picture.format == "JPEG", kind

    def test_the_article_picture_is_described_for_those_who_cannot_see_it(self, client, category):
        article = make_article(
            category, image=make_library_image(abstract_picture(5), alt_en="Blue circles")
        )
        html = head(client, article.url_in("en"))
        assert meta(html, "og:image:alt") == ["Blue circles"]
        assert meta(html, "twitter:image:alt") == ["Blue circles"]

    def test_pages_without_a_picture_use_the_sites_default(self, client, category):
        site = SiteSettings(share_image=abstract_picture(6))
        site.save()
        article = make_article(category)
        for url in ("/en/", article.url_in("en"), "/en/search/"):
            html = head(client, url)
            (image,) = meta(html, "og:image")
            assert image.endswith("-share.jpg") and "/site/" in image, url
            assert meta(html, "twitter:card") == ["summary_large_image"], url

    def test_without_any_picture_the_card_is_a_summary(self, client):
        html = head(client, "/en/")
        assert meta(html, "og:image") == [] and meta(html, "twitter:card") == ["summary"]


class TestEditionsInTheHead:
    @pytest.mark.parametrize(
        "language, locale", [("en", "en_GB"), ("ar", "ar_AR"), ("fa", "fa_IR"), ("sq", "sq_AL")]
    )
    def test_opengraph_locale_is_the_editions(self, client, language, locale):
        html = head(client, f"/{language}/")
        assert meta(html, "og:locale") == [locale]
        assert len(meta(html, "og:locale:alternate")) == 3

    def test_a_page_in_some_languages_names_only_those_with_x_default(self, client, category):
        article = make_article(category, languages=("ar", "fa"))
        html = head(client, article.url_in("fa"))
        hreflangs = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
        )
        origin = "http://testserver"
        assert hreflangs == {
            "ar": origin + article.url_in("ar"),
            "fa": origin + article.url_in("fa"),
            "x-default": origin + article.url_in("ar"),
        }
        assert meta(html, "og:locale:alternate") == ["ar_AR"]

    def test_x_default_is_the_english_page_when_there_is_one(self, client):
        html = head(client, "/fa/")
        assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/">' in html


class TestStructuredData:
    def test_each_kind_of_page_describes_itself(self, client, category):
        urls = detail_pages(category)
        (article,) = of_type(head(client, urls["article"]), "NewsArticle")
        assert article["inLanguage"] == "en"
        (book,) = of_type(head(client, urls["book"]), "Book")
        assert book["name"]
        (video,) = of_type(head(client, urls["video"]), "VideoObject")
        assert video["contentUrl"].endswith(".mp4") and video["thumbnailUrl"].startswith("http")
        assert video["uploadDate"] and video["name"]

    def test_detail_pages_carry_their_breadcrumbs(self, client, category):
        urls = detail_pages(category)
        trails = {
            "article": ["Home", "Articles", "Environment"],
            "book": ["Home", "Publications", "Books"],
            "issue": ["Home", "Publications", "Nejat NewsLetter"],
            "album": ["Home", "Media", "Photo Gallery"],
            "video": ["Home", "Media", "Videos"],
            "cartoon": ["Home", "Media", "Cartoons"],
            "newspic": ["Home", "Media", "NewsPics"],
            "photo": ["Home", "Media", "Photo Gallery"],
        }
        for kind, url in urls.items():
            (trail,) = of_type(head(client, url), "BreadcrumbList")
            steps = trail["itemListElement"]
            assert [step["name"] for step in steps][: len(trails[kind])] == trails[kind], kind
            assert [step["position"] for step in steps] == list(range(1, len(steps) + 1))
            assert steps[0]["item"] == "http://testserver/en/"
            assert steps[-1]["item"] == f"http://testserver{url}", kind

    def test_pages_without_breadcrumbs_have_none(self, client):
        page = make_page()
        for url in ("/en/", page.url_in("en")):
            assert of_type(head(client, url), "BreadcrumbList") == []

    def test_structured_data_is_written_in_the_editions_language(self, client, category):
        article = make_article(category, languages=("fa",))
        (trail,) = of_type(head(client, article.url_in("fa")), "BreadcrumbList")
        assert trail["itemListElement"][-1]["name"] == article.title_fa
