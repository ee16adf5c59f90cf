"""Autosave: a change form's draft copy is kept for its editor alone, never as the item,
its revisions or its history; it comes back when the editor opens the item again."""

from functools import partial

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from nejat.editorial.models import Autosave
from nejat.media.limits import FORM_ALLOWANCE
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article
from tests.media_library.factories import make_album, make_cartoon, make_video
from tests.publications.factories import make_book

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Volunteers plant three hundred trees"
DRAFT_BODY = "<p>Three hundred young trees now line the river.</p>"


def autosave_url(item):
    return change_url(item).removesuffix("change/") + "autosave/"


def autosave(client, item, **fields):
    item.refresh_from_db()
    return client.post(
        autosave_url(item), {"autosave_version": item.updated_at.isoformat(), **fields}
    )


@pytest.fixture
def article(category):
    return make_article(category, languages=("en", "fa"))


def test_an_autosave_is_kept_for_its_editor_and_the_item_stays_as_it_was(
    client, editor_client, editor, article, settings
):
    settings.NEJAT_PAGE_CACHE = False
    before = article.title_en, article.body_en, article.updated_at
    response = autosave(editor_client, article, title_en=DRAFT_TITLE, body_en=DRAFT_BODY)
    assert response.status_code == 200
    assert response.json()["message"].startswith("Saved a draft copy at ")
    kept = Autosave.objects.of(article).get(user=editor)
    assert kept.data["title_en"] == DRAFT_TITLE
    assert kept.data["body_en"] == DRAFT_BODY
    article.refresh_from_db()
    assert (article.title_en, article.body_en, article.updated_at) == before
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.title_en in page
    assert "three hundred" not in page


def test_an_autosave_adds_no_revision_and_nothing_to_the_history(editor_client, article):
    versions, log_entries = Version.objects.count(), LogEntry.objects.count()
    assert autosave(editor_client, article, title_en=DRAFT_TITLE).status_code == 200
    assert autosave(editor_client, article, title_en=DRAFT_TITLE + "!").status_code == 200
    assert Version.objects.count() == versions
    assert LogEntry.objects.count() == log_entries
    history = editor_client.get(change_url(article).removesuffix("change/") + "history/")
    assert DRAFT_TITLE not in history.content.decode()
    # One autosave per user and item, the latest.
    assert [a.data["title_en"] for a in Autosave.objects.all()] == [DRAFT_TITLE + "!"]


def test_an_autosave_keeps_neither_the_publishing_fields_nor_relations_nor_unsafe_html(
    editor_client, editor, article, category
):
    autosave(
        editor_client,
        article,
        title_en=DRAFT_TITLE,
        body_en='<p onclick="steal()">Trees<script>steal()</script></p>',
        status="unpublished",
        publish_at_0="2031-01-01",
        publish_at_1="10:00",
        held_languages="fa",
        category=str(category.pk),
        tags="rivers",
    )
    kept = Autosave.objects.of(article).get(user=editor).data
    assert kept["title_en"] == DRAFT_TITLE
    assert kept["body_en"] == "<p>Trees</p>"
    for name in ("status", "publish_at", "held_languages", "category", "tags", "image"):
        assert name not in kept
    article.refresh_from_db()
    assert article.status == "published"


def test_a_value_the_form_would_refuse_is_left_out(editor_client, editor, article):
    autosave(editor_client, article, title_en="x" * 300, summary_en="Trees, again.")
    kept = Autosave.objects.of(article).get(user=editor).data
    assert "title_en" not in kept
    assert kept["summary_en"] == "Trees, again."


def test_a_translator_autosaves_only_their_languages(client_for, persian_translator, article):
    client = client_for(persian_translator)
    response = autosave(
        client, article, title_en=DRAFT_TITLE, title_fa="داوطلبان سیصد درخت کاشتند", translator="x"
    )
    assert response.status_code == 200
    kept = Autosave.objects.of(article).get(user=persian_translator).data
    assert kept["title_fa"] == "داوطلبان سیصد درخت کاشتند"
    assert "title_en" not in kept
    assert "translator" not in kept  # shared by every language: read-only for them


def test_anonymous_visitors_and_staff_who_may_not_change_the_item_are_refused(
    client, client_for, author, others_article
):
    assert autosave(client, others_article, title_en=DRAFT_TITLE).status_code == 403
    assert autosave(client_for(author), others_article, title_en=DRAFT_TITLE).status_code == 403
    assert not Autosave.objects.exists()


def test_an_autosave_without_the_csrf_token_is_refused(editor, article):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    assert autosave(browser, article, title_en=DRAFT_TITLE).status_code == 403
    assert not Autosave.objects.exists()


def test_a_huge_autosave_is_refused_before_it_is_read(editor_client, article):
    huge = "<p>" + "trees " * (FORM_ALLOWANCE // 6) + "</p>"
    response = autosave(editor_client, article, body_en=huge)
    assert response.status_code == 413
    assert not Autosave.objects.exists()


def test_a_form_opened_before_the_item_was_saved_again_is_no_longer_autosaved(
    editor_client, article
):
    version = article.updated_at.isoformat()
    article.save()
    response = editor_client.post(
        autosave_url(article), {"autosave_version": version, "title_en": DRAFT_TITLE}
    )
    assert response.status_code == 409
    assert not Autosave.objects.exists()


def test_the_change_form_offers_a_newer_autosave_back(editor_client, article):
    autosave(editor_client, article, title_en=DRAFT_TITLE, body_en=DRAFT_BODY)
    response = editor_client.get(change_url(article))
    page = response.content.decode()
    assert "You have a draft copy of this item, autosaved on" in page
    assert "Restore the autosaved text" in page
    assert response.context["autosave"]["draft"]["data"]["title_en"] == DRAFT_TITLE
    assert 'id="autosave-draft"' in page


def test_saving_the_item_ends_its_autosave(editor_client, article):
    autosave(editor_client, article, title_en=DRAFT_TITLE)
    data = form_data(editor_client.get(change_url(article)))
    assert editor_client.post(change_url(article), data).status_code == 302
    assert not Autosave.objects.exists()
    page = editor_client.get(change_url(article)).content.decode()
    assert "Restore the autosaved text" not in page


def test_an_autosave_older_than_the_items_last_save_is_not_offered(editor_client, article):
    autosave(editor_client, article, title_en=DRAFT_TITLE)
    article.save()  # by someone else, or a publishing action
    # Even when it arrives after that save: it was made on the form opened before.
    Autosave.objects.update(saved_at=timezone.now())
    page = editor_client.get(change_url(article)).content.decode()
    assert "Restore the autosaved text" not in page


def test_an_autosave_is_offered_to_its_own_editor_only(
    editor_client, client_for, newsroom_editor, article
):
    autosave(editor_client, article, title_en=DRAFT_TITLE)
    page = client_for(newsroom_editor).get(change_url(article)).content.decode()
    assert "Restore the autosaved text" not in page


def test_discarding_an_autosave(editor_client, article):
    autosave(editor_client, article, title_en=DRAFT_TITLE)
    assert editor_client.delete(autosave_url(article)).status_code == 204
    assert not Autosave.objects.exists()
    assert editor_client.get(autosave_url(article)).status_code == 405


def test_deleting_the_item_deletes_its_autosaves(editor_client, article):
    autosave(editor_client, article, title_en=DRAFT_TITLE)
    delete_url = change_url(article).removesuffix("change/") + "delete/"
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "make",
    [make_book, make_cartoon, partial(make_album, photos=1), make_video],
    ids=["book", "cartoon", "album", "video"],
)
def test_every_content_type_is_autosaved(editor_client, editor, make):
    item = make()
    assert autosave(editor_client, item, title_en=DRAFT_TITLE).status_code == 200
    assert Autosave.objects.of(item).get(user=editor).data["title_en"] == DRAFT_TITLE
    assert "Restore the autosaved text" in editor_client.get(change_url(item)).content.decode()
