"""A translation added to a published item waits for an editor: readers of that
edition see nothing of it until it is published, and staff can preview it."""

import pytest
from django.test import Client

from articles.models import Article
from tests.editorial.conftest import change_url, form_data, versions_of
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PERSIAN = {
    "title_fa": "کتابخانه روزهای یکشنبه باز است",
    "slug_fa": "ketabkhane-yekshanbe",
    "body_fa": "<p>نیمی از متن ترجمه شده است.</p>",
}


@pytest.fixture
def article(category, other_author):
    return make_article(category, languages=["en"], status="published", created_by=other_author)


def translate_into_persian(client, article):
    data = form_data(client.get(change_url(article)))
    data.update(PERSIAN)
    return client.post(change_url(article), data, follow=True)


def persian_url(article):
    return f"/fa/articles/{PERSIAN['slug_fa']}/"


def test_a_translators_new_language_is_kept_from_readers(client_for, persian_translator, article):
    response = translate_into_persian(client_for(persian_translator), article)
    assert "kept from readers until an editor publishes it" in response.content.decode()
    article.refresh_from_db()
    assert article.title_fa == PERSIAN["title_fa"]
    assert article.written_languages == ["en", "fa"] and article.languages == ["en"]

    reader = Client()
    assert reader.get(persian_url(article)).status_code == 404
    assert PERSIAN["title_fa"] not in reader.get("/fa/").content.decode()
    assert PERSIAN["title_fa"] not in reader.get("/fa/search/", {"q": "کتابخانه"}).content.decode()
    english = reader.get(article.url_in("en")).content.decode()
    assert 'hreflang="fa"' not in english
    assert PERSIAN["title_fa"] not in reader.get("/fa/feed/").content.decode()


def test_the_translator_and_editors_can_preview_it(client_for, persian_translator, article):
    client = client_for(persian_translator)
    translate_into_persian(client, article)
    page = client.get(persian_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    assert PERSIAN["title_fa"] in html and "no-cache" in page["Cache-Control"]
    form_page = client.get(change_url(article)).content.decode()
    assert f'href="{persian_url(article)}" hreflang="fa"' in form_page


def test_an_editor_publishes_the_translation_by_unticking_it(
    client_for, persian_translator, newsroom_editor, article
):
    translate_into_persian(client_for(persian_translator), article)
    editor = client_for(newsroom_editor)
    page = editor.get(change_url(article))
    assert 'name="held_languages" value="fa"' in page.content.decode()
    assert "edition-badge--held" in editor.get("/admin/articles/article/").content.decode()
    data = form_data(page)
    assert data["held_languages"] == ["fa"]
    data["held_languages"] = []
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.languages == ["en", "fa"]

    reader = Client()
    assert reader.get(persian_url(article)).status_code == 200
    assert PERSIAN["title_fa"] in reader.get("/fa/").content.decode()
    assert PERSIAN["title_fa"] in reader.get("/fa/search/", {"q": "کتابخانه"}).content.decode()
    assert 'hreflang="fa"' in reader.get(article.url_in("en")).content.decode()


def test_later_changes_to_a_published_translation_stay_live(
    client_for, persian_translator, category, other_author
):
    article = make_article(
        category, languages=["en", "fa"], status="published", created_by=other_author
    )
    client = client_for(persian_translator)
    data = form_data(client.get(change_url(article)))
    data["title_fa"] = "عنوانی بهتر"
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.languages == ["en", "fa"] and article.held_languages.split() == []


def test_an_editor_chooses_whether_a_language_goes_live(client_for, newsroom_editor, article):
    editor = client_for(newsroom_editor)
    data = form_data(editor.get(change_url(article)))
    data.update(PERSIAN, held_languages=["fa"])
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.languages == ["en"] and article.written_languages == ["en", "fa"]


def test_a_draft_translated_before_publication_goes_live_with_it(
    client_for, persian_translator, category, other_author
):
    article = make_article(category, languages=["en"], status="review", created_by=other_author)
    translate_into_persian(client_for(persian_translator), article)
    article.refresh_from_db()
    assert article.held_languages.split() == []


def test_the_translation_board_shows_what_waits(
    client_for, persian_translator, newsroom_editor, article
):
    translate_into_persian(client_for(persian_translator), article)
    board = client_for(newsroom_editor).get("/admin/translations/", {"state": "held"})
    html = board.content.decode()
    assert "board-cell--held" in html and article.title_en in html


def test_the_translator_sees_which_languages_wait(client_for, persian_translator, article):
    client = client_for(persian_translator)
    translate_into_persian(client, article)
    page = client.get(change_url(article))
    assert "held_languages" not in page.context["adminform"].form.fields
    assert "Persian" in page.content.decode().split("Kept from readers", 1)[1][:400]
    assert Article.objects.in_language("fa").count() == 0


def test_the_desk_links_the_waiting_translations(
    client_for, persian_translator, newsroom_editor, article
):
    translate_into_persian(client_for(persian_translator), article)
    home = client_for(newsroom_editor).get("/admin/").content.decode()
    assert "Articles with a translation kept from readers" in home
    assert "/admin/translations/?state=held" in home


def test_restoring_an_older_version_keeps_the_translation_kept(
    client_for, newsroom_editor, article
):
    editor = client_for(newsroom_editor)
    data = form_data(editor.get(change_url(article)))
    data.update(PERSIAN, held_languages=[])  # a version with Persian live
    assert editor.post(change_url(article), data).status_code == 302
    data = form_data(editor.get(change_url(article)))
    data.update(held_languages=["fa"], title_fa="عنوان تازه")
    assert editor.post(change_url(article), data).status_code == 302
    live_version = versions_of(article)[0]
    assert live_version.field_dict["held_languages"].split() == []

    restore = change_url(article).removesuffix("change/") + f"history/{live_version.pk}/restore/"
    assert editor.post(restore, {"confirm": "yes"}).status_code == 302
    article.refresh_from_db()
    assert article.title_fa == PERSIAN["title_fa"]  # the text: back
    assert article.held_languages.split() == ["fa"]  # who reads it: untouched
