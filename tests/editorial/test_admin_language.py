"""Each staff member's admin language: chosen in the header, kept with the account,
used on every admin page whatever the browser says, and nowhere on the public site;
the history in the language of whoever reads it."""

import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from nejat.editorial.history import describe
from nejat.signin.models import StaffPreference
from tests.editorial.conftest import change_url, versions_of
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CHOOSE = "/admin/language/"


def page_language(response):
    """The lang and dir of the page's <html> element."""
    html = re.search(r"<html[^>]*>", response.content.decode()).group()
    return re.search(r'lang="([^"]*)"', html).group(1), re.search(r'dir="([^"]*)"', html).group(1)


def choose(client, language, next_url="/admin/"):
    return client.post(CHOOSE, {"language": language, "next": next_url})


class TestAdminLanguageSwitch:
    def test_the_header_offers_each_language_in_its_own_name(self, editor_client):
        page = editor_client.get("/admin/").content.decode()
        assert f'action="{CHOOSE}"' in page and "csrfmiddlewaretoken" in page
        for code, name in [("en", "English"), ("ar", "عربي"), ("fa", "فارسی"), ("sq", "Shqip")]:
            assert re.search(rf'value="{code}" lang="{code}"[^>]*>{name}</button>', page)
        assert re.search(r'lang="en"[^>]*aria-current="true"', page)

    def test_the_choice_is_kept_with_the_user_and_the_page_comes_back(self, editor_client, editor):
        response = choose(editor_client, "fa", "/admin/articles/article/")
        assert response.status_code == 302 and response["Location"] == "/admin/articles/article/"
        assert StaffPreference.objects.get(user=editor).admin_language == "fa"
        assert page_language(editor_client.get("/admin/")) == ("fa", "rtl")
        choose(editor_client, "sq")
        assert StaffPreference.objects.get(user=editor).admin_language == "sq"

    def test_the_choice_follows_the_user_to_another_browser(self, editor_client, editor):
        choose(editor_client, "ar")
        elsewhere = Client(HTTP_ACCEPT_LANGUAGE="en")
        elsewhere.force_login(editor)
        assert page_language(elsewhere.get("/admin/")) == ("ar", "rtl")

    def test_the_choice_wins_over_the_browser(self, editor, client):
        persian_browser = Client(HTTP_ACCEPT_LANGUAGE="fa")
        persian_browser.force_login(editor)
        assert page_language(persian_browser.get("/admin/")) == ("fa", "rtl")
        choose(persian_browser, "en")
        assert page_language(persian_browser.get("/admin/")) == ("en", "ltr")
        assert page_language(persian_browser.get("/admin/articles/article/add/")) == ("en", "ltr")

    def test_another_users_admin_stays_in_their_language(self, editor_client, make_member):
        choose(editor_client, "fa")
        colleague = make_member("colleague")
        other = Client(HTTP_ACCEPT_LANGUAGE="sq")
        other.force_login(colleague)
        assert page_language(other.get("/admin/")) == ("sq", "ltr")
        choose(other, "ar")
        assert page_language(other.get("/admin/")) == ("ar", "rtl")
        assert page_language(editor_client.get("/admin/")) == ("fa", "rtl")

    @pytest.mark.parametrize(
        "language, direction", [("fa", "rtl"), ("ar", "rtl"), ("en", "ltr"), ("sq", "ltr")]
    )
    def test_the_admin_is_right_to_left_in_persian_and_arabic(
        self, editor_client, language, direction
    ):
        choose(editor_client, language)
        response = editor_client.get("/admin/articles/article/add/")
        assert page_language(response) == (language, direction)
        assert ("admin/css/rtl.css" in response.content.decode()) == (direction == "rtl")
        assert response["Content-Language"] == language

    def test_the_public_site_keeps_its_editions(self, editor_client, category):
        article = make_article(category, languages=["en", "fa"])
        response = choose(editor_client, "fa")
        assert "django_language" not in response.cookies
        assert page_language(editor_client.get("/en/")) == ("en", "ltr")
        assert page_language(editor_client.get(article.url_in("en")))[0] == "en"
        assert editor_client.get("/")["Location"] == "/en/"

    def test_the_switch_takes_only_a_post_with_its_csrf_token(self, editor):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(editor)
        assert browser.get(CHOOSE).status_code == 405
        assert choose(browser, "fa").status_code == 403
        assert not StaffPreference.objects.exists()

    def test_the_switch_returns_only_to_this_site(self, editor_client):
        response = choose(editor_client, "fa", "https://elsewhere.example/admin/")
        assert response["Location"] == "/admin/"

    def test_an_unknown_language_changes_nothing(self, editor_client):
        choose(editor_client, "de")
        assert not StaffPreference.objects.exists()

    def test_readers_cannot_choose(self, client, django_user_model):
        assert choose(client, "fa")["Location"].startswith("/admin/login/")
        reader = django_user_model.objects.create_user("reader", password="pw")
        client.force_login(reader)
        assert choose(client, "fa")["Location"].startswith("/admin/login/")
        assert not StaffPreference.objects.exists()


class TestHistoryLanguage:
    def test_a_save_shows_in_the_language_of_whoever_reads_the_history(
        self, client_for, edited_twice, newsroom_editor
    ):
        # Saved in an English admin; read in a Persian one.
        StaffPreference.objects.create(user=newsroom_editor, admin_language="fa")
        history = change_url(edited_twice).replace("/change/", "/history/")
        page = client_for(newsroom_editor).get(history).content.decode()
        with translation.override("fa"):
            changed = describe(versions_of(edited_twice)[-1].revision.comment)
        assert "متن [fa]" in changed and "عنوان [fa]" in changed
        assert not re.search("[A-Za-z]{3,}", changed)
        assert escape(changed) in page

    def test_our_own_messages_are_kept_untranslated_and_shown_translated(
        self, client_for, newsroom_editor, category
    ):
        article = make_article(category, languages=["en"], status="draft")
        StaffPreference.objects.create(user=newsroom_editor, admin_language="fa")
        client = client_for(newsroom_editor)
        client.post(
            "/admin/articles/article/",
            {"action": "publish", "_selected_action": [article.pk]},
        )
        entry = LogEntry.objects.get(object_id=article.pk)
        assert json.loads(entry.change_message) == [
            {
                "nejat": {
                    "message": "State changed to “%(state)s”.",
                    "params": {"state": "Published"},
                }
            }
        ]
        assert versions_of(article)[-1].revision.comment == entry.change_message
        history = client.get(change_url(article).replace("/change/", "/history/"))
        assert "وضعیت به «منتشرشده» تغییر کرد." in history.content.decode()
        with translation.override("en"):
            assert describe(entry.change_message) == "State changed to “Published”."

    def test_django_and_plain_messages_in_each_language(self):
        added = json.dumps([{"added": {}}])
        changed = json.dumps([{"changed": {"fields": ["Title [en]", "Publish at"]}}])
        with translation.override("fa"):
            assert describe(added) == translation.gettext("Added.")
            assert "عنوان [en]" in describe(changed) and "زمان انتشار" in describe(changed)
            assert describe("Deleted.") == "حذف شد."
            assert describe("Written before messages were kept as data") == (
                "Written before messages were kept as data"
            )
        with translation.override("en"):
            assert describe(changed) == "Changed Title [en] and Publish at."

    def test_the_staff_audit_list_reads_in_the_admin_language(
        self, editor_client, editor, category
    ):
        article = make_article(category, languages=["en"], status="draft")
        editor_client.post(
            "/admin/articles/article/", {"action": "publish", "_selected_action": [article.pk]}
        )
        choose(editor_client, "fa")
        page = editor_client.get("/admin/admin/logentry/").content.decode()
        assert "وضعیت به «منتشرشده» تغییر کرد." in page
