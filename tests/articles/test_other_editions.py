"""An item asked for in an edition it does not exist in: a 404 that names the
editions it does exist in, and no Editions menu that would be empty."""

import pytest

from tests.factories import make_article
from tests.media_library.factories import make_cartoon

pytestmark = pytest.mark.django_db


def test_an_article_under_another_editions_address_points_to_its_editions(client, category):
    article = make_article(category, languages=("en", "ar"))
    english_slug = article.slug_en
    response = client.get(f"/fa/articles/{english_slug}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'href="{article.url_in("en")}" hreflang="en"' in page
    assert 'hreflang="ar"' in page and 'hreflang="sq"' not in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_media_item_by_number_points_to_its_editions(client):
    cartoon = make_cartoon(languages=("fa",))
    response = client.get(f"/en/media/cartoons/{cartoon.pk}/")
    assert response.status_code == 404
    assert f'href="{cartoon.url_in("fa")}"' in response.content.decode().replace("&amp;", "&")


def test_drafts_are_not_revealed_this_way(client, category):
    draft = make_article(category, languages=("en",), status="draft")
    response = client.get(f"/fa/articles/{draft.slug_en}/")
    assert response.status_code == 404 and "edition-links" not in response.content.decode()


def test_an_unknown_address_is_the_plain_404(client):
    response = client.get("/fa/articles/no-such-story/")
    assert response.status_code == 404 and "edition-links" not in response.content.decode()


def test_an_item_in_one_language_has_no_editions_menu(client, category):
    article = make_article(category, languages=("en",))
    assert "main-menu__editions" not in client.get(article.url_in("en")).content.decode()
    both = make_article(category, languages=("en", "fa"))
    assert "main-menu__editions" in client.get(both.url_in("en")).content.decode()
