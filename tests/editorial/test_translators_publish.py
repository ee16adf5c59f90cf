"""Translators who publish their own language (``NEJAT_TRANSLATORS_PUBLISH``): a new
translation is saved kept from readers, and goes live when a translator of that
language, or an editor, publishes it; nothing else of the item is theirs to publish."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.utils import translation

from nejat.editorial import roles
from nejat.editorial.history import describe
from nejat.editorial.holds import OWN_HOLDS, translators_publishing
from nejat.publishing.holds import stored
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/articles/article/"
PERSIAN = {
    "title_fa": "کتابخانه روزهای یکشنبه باز است",
    "slug_fa": "ketabkhane-yekshanbe",
    "body_fa": "<p>متن ترجمه شده است.</p>",
}
PERSIAN_URL = f"/fa/articles/{PERSIAN['slug_fa']}/"


@pytest.fixture(autouse=True)
def persian_translators_publish(settings):
    settings.NEJAT_TRANSLATORS_PUBLISH = ["fa"]


@pytest.fixture
def arabic_translator(make_member):
    return make_member("arabic-translator", roles.translator_group_name("ar"))


@pytest.fixture
def article(category, other_author):
    return make_article(category, languages=["en"], status="published", created_by=other_author)


@pytest.fixture
def held_in_two(category, other_author):
    """Published in English; its Persian and Arabic translations kept from readers."""
    return make_article(
        category,
        languages=["en", "fa", "ar"],
        created_by=other_author,
        held_languages=stored(["fa", "ar"]),
    )


def post_form(client, item, **changes):
    data = form_data(client.get(change_url(item)))
    data.update(changes)
    return client.post(change_url(item), data, follow=True)


def act(client, items, action="publish_translations"):
    selected = [item.pk for item in items]
    return client.post(ARTICLES, {"action": action, "_selected_action": selected}, follow=True)


def said(response):
    return [str(message) for message in response.context["messages"]]


def held(item):
    item.refresh_from_db()
    return item.held_languages.split()


def action_choices(client):
    action_form = client.get(ARTICLES).context["action_form"]
    return dict(action_form.fields["action"].choices) if action_form else {}


def test_a_persian_translator_publishes_their_translation(client_for, persian_translator, article):
    reader = Client()
    assert PERSIAN["title_fa"] not in reader.get("/fa/").content.decode()  # now in the cache
    client = client_for(persian_translator)
    response = post_form(client, article, **PERSIAN)
    assert "kept from readers until you publish it" in response.content.decode()
    assert held(article) == ["fa"]
    assert reader.get(PERSIAN_URL).status_code == 404

    page = client.get(change_url(article))
    form = page.context["adminform"].form
    assert [code for code, _name in form.fields[OWN_HOLDS].choices] == ["fa"]
    assert "held_languages" not in form.fields and "status" not in form.fields
    data = form_data(page)
    assert data[OWN_HOLDS] == ["fa"]
    data[OWN_HOLDS] = []
    assert client.post(change_url(article), data).status_code == 302

    assert held(article) == [] and article.languages == ["en", "fa"]
    assert article.status == "published"
    assert PERSIAN["title_fa"] in reader.get("/fa/").content.decode()
    assert reader.get(PERSIAN_URL).status_code == 200
    assert PERSIAN["title_fa"] in reader.get("/fa/feed/").content.decode()


def test_and_keeps_it_from_readers_again(client_for, persian_translator, category, other_author):
    article = make_article(category, languages=["en", "fa"], created_by=other_author)
    post_form(client_for(persian_translator), article, **{OWN_HOLDS: ["fa"]})
    assert held(article) == ["fa"] and article.languages == ["en"]


def test_an_arabic_translator_not_named_in_the_setting_cannot(
    client_for, arabic_translator, held_in_two
):
    client = client_for(arabic_translator)
    page = client.get(change_url(held_in_two))
    assert OWN_HOLDS not in page.context["adminform"].form.fields
    assert "publish_translations" not in action_choices(client)

    post_form(client, held_in_two, held_languages=[], **{OWN_HOLDS: []})
    act(client, [held_in_two])
    assert held(held_in_two) == ["ar", "fa"]


def test_an_arabic_translation_waits_for_an_editor(client_for, arabic_translator, article):
    response = post_form(
        client_for(arabic_translator),
        article,
        title_ar="عنوان",
        slug_ar="onwan",
        body_ar="<p>نص</p>",
    )
    assert "kept from readers until an editor publishes it" in response.content.decode()
    assert held(article) == ["ar"]


def test_the_persian_translator_cannot_release_arabic(client_for, persian_translator, held_in_two):
    client = client_for(persian_translator)
    post_form(client, held_in_two, held_languages=[])
    assert held(held_in_two) == ["ar", "fa"]

    response = post_form(client, held_in_two, **{OWN_HOLDS: ["ar"]})
    assert response.context["adminform"].form.errors[OWN_HOLDS]
    assert held(held_in_two) == ["ar", "fa"]

    post_form(client, held_in_two, held_languages=[], **{OWN_HOLDS: []})
    assert held(held_in_two) == ["ar"]


def test_the_list_action_publishes_only_the_translators_languages(
    client_for, persian_translator, held_in_two, category, other_author
):
    only_persian = make_article(
        category,
        languages=["en", "fa"],
        created_by=other_author,
        held_languages=stored(["fa"]),
        title_fa="آبشار شهر",
    )
    reader = Client()
    assert "آبشار شهر" not in reader.get("/fa/").content.decode()
    client = client_for(persian_translator)
    assert action_choices(client)["publish_translations"] == "Publish the translations in Persian"

    response = act(client, [held_in_two, only_persian])

    assert said(response) == [
        "2 translations were published.",
        "1 translation kept from readers is not yours to publish.",
    ]
    assert held(held_in_two) == ["ar"] and held(only_persian) == []
    assert "آبشار شهر" in reader.get("/fa/").content.decode()
    entry = LogEntry.objects.filter(object_id=str(only_persian.pk)).latest("pk")
    assert entry.user == persian_translator
    # Kept as data: each reader reads it in their own language.
    with translation.override("en"):
        assert describe(entry.change_message) == "Published in Persian."
    with translation.override("fa"):
        assert "فارسی" in describe(entry.change_message)


def test_editors_publish_every_language_with_the_action(client_for, newsroom_editor, held_in_two):
    client = client_for(newsroom_editor)
    assert (
        action_choices(client)["publish_translations"] == "Publish translations kept from readers"
    )
    response = act(client, [held_in_two])
    assert said(response) == ["2 translations were published."]
    assert held(held_in_two) == []
    entry = LogEntry.objects.filter(object_id=str(held_in_two.pk)).latest("pk")
    with translation.override("en"):
        assert describe(entry.change_message) == "Published in Arabic. Published in Persian."


def test_without_the_setting_a_translator_cannot_publish(
    settings, client_for, persian_translator, article
):
    settings.NEJAT_TRANSLATORS_PUBLISH = []
    client = client_for(persian_translator)
    response = post_form(client, article, **PERSIAN)
    assert "kept from readers until an editor publishes it" in response.content.decode()

    page = client.get(change_url(article))
    assert OWN_HOLDS not in page.context["adminform"].form.fields
    assert "publish_translations" not in action_choices(client)
    post_form(client, article, held_languages=[], **{OWN_HOLDS: []})
    act(client, [article])
    assert held(article) == ["fa"]


def test_an_unknown_language_in_the_setting_fails_loudly(settings, persian_translator):
    settings.NEJAT_TRANSLATORS_PUBLISH = ["fa", "xx"]
    with pytest.raises(ImproperlyConfigured, match="xx"):
        translators_publishing(persian_translator)
