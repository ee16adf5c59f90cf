import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from PIL import Image

from nejat.media.demo_images import abstract_picture
from tests.factories import make_article, make_library_image

pytestmark = pytest.mark.django_db


def stored(settings, name):
    return Path(settings.MEDIA_ROOT) / name


def made_renditions(settings):
    return sorted(p.name for p in stored(settings, "renditions").rglob("*") if p.is_file())


def test_renditions_are_made_when_the_image_is_saved(settings):
    image = make_library_image(abstract_picture(1))
    stem = image.file.name.rsplit(".", 1)[0]
    for width in (400, 800, 1200):
        for extension in ("webp", "jpg"):
            path = stored(settings, f"renditions/{stem}-{width}.{extension}")
            assert path.exists(), path
            with Image.open(path) as rendition:
                assert rendition.width == width
                assert rendition.format == {"webp": "WEBP", "jpg": "JPEG"}[extension]


def test_small_image_is_never_enlarged_and_transparent_one_keeps_png(settings):
    buffer = io.BytesIO()
    Image.new("RGBA", (500, 300), (0, 128, 0, 100)).save(buffer, "PNG")
    image = make_library_image(ContentFile(buffer.getvalue(), name="logo.png"))
    name = Path(image.file.name.rsplit(".", 1)[0]).name
    sizes = [f"{name}-{w}.{e}" for w in (400, 500) for e in ("png", "webp")]
    # Crops around the focal point: a 4:3 box of 400 × 300 and a 300-pixel square.
    crops = [
        f"{name}-{c}-{w}-f50-50.{e}"
        for c, w in (("4x3", 400), ("1x1", 300))
        for e in ("png", "webp")
    ]
    assert made_renditions(settings) == sorted([*sizes, *crops, f"{name}-share-f50-50.jpg"])
    stem = image.file.name.rsplit(".", 1)[0]
    with Image.open(stored(settings, f"renditions/{stem}-500.png")) as rendition:
        assert rendition.mode == "RGBA"


def test_picture_markup_offers_every_size_with_dimensions_and_lazy_loading(category):
    article = make_article(
        category, image=make_library_image(abstract_picture(2), alt_en="Blue circles")
    )
    html = Template(
        "{% load media_tags %}{% responsive_image a.image alt=a.image.alt sizes='50vw' %}"
    ).render(Context({"a": article}))
    assert html.startswith("<img src=") and " srcset=" in html and "<picture>" not in html
    for width in (400, 800, 1200):
        assert f"-{width}.webp {width}w" in html
    # Every browser in use reads WebP: no JPEG is offered beside the WebP renditions.
    assert ".jpg" not in html and 'width="1200" height="800"' in html
    assert 'sizes="50vw"' in html and 'loading="lazy"' in html and 'alt="Blue circles"' in html


def test_picture_markup_can_stop_at_a_width(category):
    article = make_article(category, image=make_library_image(abstract_picture(2)))
    html = Template("{% load media_tags %}{% responsive_image a.image largest=800 %}").render(
        Context({"a": article})
    )
    assert "-400.webp 400w" in html and "-800.webp 800w" in html and "1200w" not in html
    assert 'width="800" height="533"' in html


def test_a_crop_is_offered_in_its_shape(category):
    article = make_article(category, image=make_library_image(abstract_picture(2)))
    html = Template('{% load media_tags %}{% responsive_image a.image crop="4x3" %}').render(
        Context({"a": article})
    )
    assert "-4x3-400-f50-50.webp 400w" in html and "-4x3-800-f50-50.webp 800w" in html
    assert 'src="/media/renditions/' in html and '-4x3-800-f50-50.webp" srcset=' in html
    assert 'width="800" height="600"' in html


def test_pages_show_the_featured_image_through_its_renditions(client, category):
    image = make_library_image(abstract_picture(4), alt_en="Orange circles", caption_en="Rings")
    article = make_article(category, image=image)
    for url in ("/en/", article.url_in("en")):
        assert "/media/renditions/" in client.get(url).content.decode(), url
    # The card's picture repeats its headline (decorative there); the article reads it out.
    page = client.get(article.url_in("en")).content.decode()
    assert 'alt="Orange circles"' in page and "<figcaption>Rings</figcaption>" in page
