"""Every way back to an older version follows the editing rules: a translator brings
back only their language, the workflow state never moves, a version is found only
within its own item, and taking a live edition offline needs a second yes."""

import pytest
import reversion
from reversion.models import Version

from articles.models import Article
from tests.editorial.conftest import change_url, versions_of
from tests.publications.factories import make_book

pytestmark = pytest.mark.django_db


def history(article):
    return change_url(article).removesuffix("change/") + "history/"


@pytest.mark.parametrize("route", ["library", "ours"])
def test_a_translator_restores_only_their_language_and_never_the_state(
    client_for, persian_translator, edited_twice, route
):
    article = edited_twice
    Article.objects.filter(pk=article.pk).update(status="unpublished")
    first = versions_of(article)[0]
    url = f"{history(article)}{first.pk}/" + ("restore/" if route == "ours" else "")
    response = client_for(persian_translator).post(url, {"confirm": "yes"})
    assert response.status_code == 302, response.content.decode()[:500]
    article.refresh_from_db()
    assert article.title_fa == first.field_dict["title_fa"]  # Persian: back
    assert article.body_fa == first.field_dict["body_fa"]
    assert article.body_en == "<p>Rewritten (en).</p>"  # other languages: untouched
    assert article.body_ar == "<p>Rewritten (ar).</p>"
    assert article.status == "unpublished"  # the state: untouched


def test_the_librarys_version_page_leads_to_our_comparison(client, edited_twice):
    first = versions_of(edited_twice)[0]
    response = client.get(f"{history(edited_twice)}{first.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"history/compare/?from={first.pk}")


def test_a_version_of_another_item_is_not_found_through_an_articles_address(
    client, client_for, administrator, edited_twice
):
    book = make_book()
    with reversion.create_revision():
        book.save()
    book_version = Version.objects.get_for_object(book).get()
    for url in (
        f"{history(edited_twice)}{book_version.pk}/",
        f"{history(edited_twice)}{book_version.pk}/restore/",
    ):
        assert client.get(url).status_code in (302, 404)
        assert client.post(url, {"confirm": "yes"}).status_code == 404
    deleted_article_url = f"/admin/articles/article/recover/{book_version.pk}/"
    assert client_for(administrator).get(deleted_article_url).status_code == 404


def test_a_restore_that_takes_a_live_edition_offline_needs_a_second_yes(client, edited_twice):
    article = edited_twice
    with reversion.create_revision():
        article.title_en = ""
        article.save()
    without_english = versions_of(article)[-1]
    with reversion.create_revision():
        article.title_en = "Back in English"
        article.save()
    assert client.get(article.url_in("en")).status_code == 200
    url = f"{history(article)}{without_english.pk}/restore/"

    asked = client.post(url, {"confirm": "yes"})
    assert asked.status_code == 200
    assert "takes that edition offline" in asked.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Back in English"

    done = client.post(url, {"confirm": "yes", "take_offline": "yes"}, follow=True)
    article.refresh_from_db()
    assert article.title_en == ""
    text = done.content.decode()
    assert "Restored the version saved on" in text and ".." not in text.split("Restored")[1][:80]
    assert client.get(article.url_in("fa")).status_code == 200
