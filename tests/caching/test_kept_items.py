"""An article's page made afresh (the page cache off) asks the database only which
article its address names: the article itself is kept for the generation, like the
fragments showing it. An edit shows at once, and who may see which edition is still
decided on every request."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from nejat.publishing.holds import stored
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def read(path):
    return Client().get(path)


class TestKeptArticle:
    def test_a_page_made_afresh_asks_only_which_article_its_address_names(self, story):
        url = story.url_in("fa")
        read(url)
        with CaptureQueriesContext(connection) as captured:
            html = read(url).content.decode()
        assert story.title_fa in html and story.body_fa in html
        assert len(captured) == 1
        columns = captured[0]["sql"].split(" FROM ")[0]
        assert "title_fa" not in columns and "body_fa" not in columns

    def test_an_edited_title_and_body_show_on_the_next_request(self, story):
        url = story.url_in("en")
        assert story.title_en in read(url).content.decode()
        story.title_en = "Rivers are cleaner this year"
        story.body_en = "<p>The last factory on the river has closed.</p>"
        story.save()
        html = read(url).content.decode()
        assert '<h1 class="article__title">Rivers are cleaner this year</h1>' in html
        assert "<title>Rivers are cleaner this year ·" in html
        assert "The last factory on the river has closed." in html

    def test_a_renamed_category_shows_on_the_next_request(self, story):
        url = story.url_in("en")
        read(url)
        story.category.name_en = "Rivers and lakes"
        story.category.save()
        assert "Rivers and lakes" in read(url).content.decode()

    def test_an_unpublished_article_is_gone_on_the_next_request(self, story):
        url = story.url_in("en")
        assert read(url).status_code == 200
        story.status = type(story).Status.UNPUBLISHED
        story.save()
        assert read(url).status_code == 404

    def test_each_request_gets_its_own_copy(self, story):
        url = story.url_in("en")
        first = read(url).context["article"]
        first.title_en = "Changed by a template, say"
        again = read(url)
        assert again.context["article"] is not first
        assert story.title_en in again.content.decode()


class TestKeptEditions:
    def test_a_held_language_is_missing_for_readers_and_a_preview_for_staff(
        self, story, editor_client
    ):
        english, persian = story.url_in("en"), story.url_in("fa")
        assert read(persian).status_code == 200
        story.held_languages = stored(["fa"])
        story.save()
        missing = read(persian)
        assert missing.status_code == 404 and english in missing.content.decode()
        assert 'hreflang="fa"' not in read(english).content.decode()
        preview = editor_client.get(persian)
        assert preview.status_code == 200 and "no-cache" in preview["Cache-Control"]
        assert 'class="notice notice--preview"' in preview.content.decode()
        # What staff were shown is not what readers get next.
        assert read(persian).status_code == 404

    def test_a_scheduled_language_appears_at_its_time_without_a_save(
        self, story, editor_client, monkeypatch
    ):
        english, persian = story.url_in("en"), story.url_in("fa")
        assert read(english).status_code == 200
        tomorrow = timezone.now() + timedelta(days=1)
        story.language_publish_at_fa = tomorrow
        story.save()
        assert read(persian).status_code == 404
        assert read(persian).status_code == 404  # the kept article as well
        assert 'hreflang="fa"' not in read(english).content.decode()
        preview = editor_client.get(persian)
        with translation.override("fa"):
            announced = gettext("Preview — not published yet. It appears on")
        assert preview.status_code == 200 and announced in preview.content.decode()

        later = tomorrow + timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        shown = read(persian)
        assert shown.status_code == 200 and story.title_fa in shown.content.decode()
        assert 'hreflang="fa"' in read(english).content.decode()

    def test_a_scheduled_article_is_missing_until_its_time(self, category, monkeypatch):
        story = make_article(category, languages=("en",), days_ago=-1)
        url = story.url_in("en")
        assert read(url).status_code == 404
        monkeypatch.setattr(timezone, "now", lambda: story.publish_at + timedelta(minutes=1))
        assert read(url).status_code == 200
