"""Each language of an item may have a publish time of its own: an editor publishes the
Persian translation of a live article for tomorrow morning, and /fa/ shows it then,
without anyone saving anything, while the English edition is unaffected."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from nejat.editorial.translation_board import rows_of
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

EDITIONS = ("en", "fa")


@pytest.fixture
def article(category):
    return make_article(category, languages=EDITIONS, title_fa="کتابخانه یکشنبه‌ها باز است")


def schedule_persian(editor, article, when):
    data = form_data(editor.get(change_url(article)))
    data["language_publish_at_fa_0"] = when.strftime("%Y-%m-%d")
    data["language_publish_at_fa_1"] = when.strftime("%H:%M:%S")
    response = editor.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def read(path, **params):
    return Client().get(path, params).content.decode()


def test_a_language_waits_for_its_own_time_and_appears_at_it(
    client_for, newsroom_editor, article, monkeypatch
):
    title = article.title_fa
    assert title in read("/fa/")  # live, and the page is now in the cache
    tomorrow = timezone.now() + timedelta(days=1)
    schedule_persian(client_for(newsroom_editor), article, tomorrow)
    assert article.languages == ["en"] and article.is_scheduled_in("fa")

    for path in ("/fa/", "/fa/feed/", "/fa/sitemap-articles.xml"):
        assert title not in read(path), path
    assert title not in read("/fa/search/", q="کتابخانه")
    missing = Client().get(article.url_in("fa"))
    assert missing.status_code == 404 and article.url_in("en") in missing.content.decode()
    english = read(article.url_in("en"))
    assert article.title_en in english and 'hreflang="fa"' not in english

    later = tomorrow + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert title in read("/fa/")
    assert title in read("/fa/feed/")
    assert title in read("/fa/search/", q="کتابخانه")
    assert Client().get(article.url_in("fa")).status_code == 200
    assert 'hreflang="fa"' in read(article.url_in("en"))


def test_staff_preview_the_waiting_language_and_the_board_calls_it_scheduled(
    client_for, newsroom_editor, article
):
    editor = client_for(newsroom_editor)
    schedule_persian(editor, article, timezone.now() + timedelta(days=2))
    preview = editor.get(article.url_in("fa"))
    assert preview.status_code == 200 and "no-cache" in preview["Cache-Control"]
    with translation.override("fa"):
        announced = gettext("Preview — not published yet. It appears on")
    assert 'class="notice notice--preview"' in preview.content.decode()
    assert announced in preview.content.decode()
    row = next(
        row
        for row in rows_of(type(article), EDITIONS)
        if row["url"].endswith(f"/{article.pk}/change/")
    )
    assert {cell["language"]: cell["state"] for cell in row["cells"]} == {
        "en": "live",
        "fa": "scheduled",
    }


def test_a_scheduled_article_is_scheduled_on_the_board_not_a_draft(category):
    article = make_article(category, languages=EDITIONS, days_ago=-1)
    row = next(iter(rows_of(type(article), EDITIONS)))
    assert {cell["state"] for cell in row["cells"]} == {"scheduled"}


def test_only_those_who_may_publish_a_language_set_its_time(
    client_for, persian_translator, article
):
    translator = client_for(persian_translator)
    page = translator.get(change_url(article))
    field = page.context["adminform"].form.fields["language_publish_at_fa"]
    assert field.disabled
    data = form_data(page)
    data["language_publish_at_fa_0"] = "2099-01-01"
    data["language_publish_at_fa_1"] = "09:00:00"
    translator.post(change_url(article), data)
    article.refresh_from_db()
    assert article.language_publish_at_fa is None and article.languages == ["en", "fa"]
