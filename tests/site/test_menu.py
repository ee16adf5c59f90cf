import re

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

EDITIONS = ["en", "ar", "fa", "sq"]


def menu_links(html):
    start = html.index('class="main-menu"')
    menu = html[start : html.index("</nav>", start)]
    return re.findall(r'<a href="([^"]+)"', menu)


@pytest.mark.parametrize("language", EDITIONS)
def test_every_menu_item_leads_to_a_page(client, category, language):
    make_article(category, languages=EDITIONS)
    links = menu_links(client.get(f"/{language}/").content.decode())
    assert f"/{language}/" in links and f"/{language}/articles/" in links
    assert f"/{language}/contact/" in links
    for url in links:
        assert client.get(url).status_code == 200, url


def test_menu_names_each_edition_in_its_own_language(client):
    html = client.get("/en/").content.decode()
    for name, code in [("عربي", "ar"), ("فارسی", "fa"), ("Shqip", "sq")]:
        assert f'hreflang="{code}" lang="{code}">{name}</a>' in html
    assert 'hreflang="en" lang="en">English</a>' not in html


def test_editions_of_an_article_point_to_its_translations_only(client, category):
    article = make_article(category, languages=["en", "fa"])
    html = client.get(article.url_in("en")).content.decode()
    editions = html[html.index("main-menu__editions") :]
    editions = editions[: editions.index("</details>")]
    assert re.findall(r'href="([^"]+)"', editions) == [article.url_in("fa")]


def test_current_section_is_marked(client, category):
    html = client.get("/en/articles/").content.decode()
    assert '<a href="/en/articles/" aria-current="page">' in html
    assert '<a href="/en/" aria-current="page">' not in html
