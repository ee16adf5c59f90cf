import io
from pathlib import Path

import pytest
from django.template import Context, Template
from PIL import Image

from nejat.media.demo_images import abstract_picture
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def stored(settings, name):
    return Path(settings.MEDIA_ROOT) / name


def test_renditions_are_made_when_the_image_is_saved(settings, category):
    article = make_article(category, image=abstract_picture(1))
    stem = article.image.name.rsplit(".", 1)[0]
    for width in (400, 800, 1200):
        for extension in ("webp", "jpg"):
            path = stored(settings, f"renditions/{stem}-{width}.{extension}")
            assert path.exists(), path
            with Image.open(path) as rendition:
                assert rendition.width == width
                assert rendition.format == {"webp": "WEBP", "jpg": "JPEG"}[extension]


def test_small_image_is_never_enlarged_and_transparent_one_keeps_png(settings, category):
    buffer = io.BytesIO()
    Image.new("RGBA", (500, 300), (0, 128, 0, 100)).save(buffer, "PNG")
    from django.core.files.base import ContentFile

    article = make_article(category, image=ContentFile(buffer.getvalue(), name="logo.png"))
    stem = article.image.name.rsplit(".", 1)[0]
    made = sorted(p.name for p in stored(settings, "renditions").rglob("*") if p.is_file())
    sizes = [f"{Path(stem).name}-{w}.{e}" for w in (400, 500) for e in ("png", "webp")]
    # ... and the share picture, which is always 1200×630.
    assert made == sorted([*sizes, f"{Path(stem).name}-share.jpg"])
    with Image.open(stored(settings, f"renditions/{stem}-500.png")) as rendition:
        assert rendition.mode == "RGBA"


def test_picture_markup_offers_every_size_with_dimensions_and_lazy_loading(category):
    article = make_article(category, image=abstract_picture(2), image_alt_en="Blue circles")
    html = Template(
        "{% load media_tags %}{% responsive_image a.image alt=a.image_alt_en sizes='50vw' %}"
    ).render(Context({"a": article}))
    assert '<source type="image/webp" srcset="' in html
    for width in (400, 800, 1200):
        assert f"-{width}.webp {width}w" in html
    # A browser without WebP gets one JPEG, of a middle size.
    assert '-800.jpg" width="1200" height="800"' in html
    assert 'sizes="50vw"' in html and 'loading="lazy"' in html and 'alt="Blue circles"' in html


def test_picture_markup_can_stop_at_a_width(category):
    article = make_article(category, image=abstract_picture(2))
    html = Template("{% load media_tags %}{% responsive_image a.image largest=800 %}").render(
        Context({"a": article})
    )
    assert "-400.webp 400w" in html and "-800.webp 800w" in html and "1200w" not in html
    assert 'width="800" height="533"' in html


def test_pages_show_the_featured_image_through_its_renditions(client, category):
    article = make_article(category, image=abstract_picture(4), image_alt_en="Orange circles")
    for url in ("/en/", article.url_in("en")):
        assert "/media/renditions/" in client.get(url).content.decode(), url
    # The card's picture repeats its headline (decorative there); the article reads it out.
    assert 'alt="Orange circles"' in client.get(article.url_in("en")).content.decode()
