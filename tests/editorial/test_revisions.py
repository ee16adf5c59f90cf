import pytest
from reversion.models import Version

from articles.models import Article
from tests.editorial.conftest import change_url, form_data, versions_of
from tests.factories import BODIES, make_article

pytestmark = pytest.mark.django_db


class TestRevisions:
    def test_every_admin_save_keeps_a_revision_with_who_and_what(
        self, edited_twice, newsroom_editor
    ):
        first, second = versions_of(edited_twice)
        assert first.revision.user == second.revision.user == newsroom_editor
        assert "Body [fa]" in second.revision.get_comment()

    def test_restoring_the_first_brings_back_its_body_in_every_language(self, client, edited_twice):
        first, _second = versions_of(edited_twice)
        url = f"{change_url(edited_twice).removesuffix('change/')}history/{first.pk}/restore/"
        confirm = client.post(url)
        assert confirm.status_code == 200 and "Restore this version?" in confirm.content.decode()
        assert client.post(url, {"confirm": "yes"}).status_code == 302
        edited_twice.refresh_from_db()
        for language in ("en", "ar", "fa", "sq"):
            assert getattr(edited_twice, f"body_{language}") == BODIES[language]
        assert edited_twice.title_fa == first.field_dict["title_fa"]
        assert "UNICEF" not in edited_twice.title_fa
        assert len(versions_of(edited_twice)) == 3, "the restore is itself a revision"

    def test_restoring_keeps_the_current_state(self, client, edited_twice):
        Article.objects.filter(pk=edited_twice.pk).update(status="unpublished")
        first = versions_of(edited_twice)[0]
        base = change_url(edited_twice).removesuffix("change/")
        client.post(f"{base}history/{first.pk}/restore/", {"confirm": "yes"})
        edited_twice.refresh_from_db()
        assert edited_twice.status == "unpublished"

    def test_history_lists_the_versions_to_compare(self, client, edited_twice):
        base = change_url(edited_twice).removesuffix("change/")
        page = client.get(f"{base}history/")
        assert page.status_code == 200
        assert len(page.context["action_list"]) == 2
        assert 'name="from"' in page.content.decode()

    def test_comparing_shows_each_changed_field_per_language_as_words(self, client, edited_twice):
        first, second = versions_of(edited_twice)
        base = change_url(edited_twice).removesuffix("change/")
        page = client.get(f"{base}history/compare/", {"from": first.pk, "to": second.pk})
        assert page.status_code == 200
        changes = {
            (change["label"], change["language"]): change for change in page.context["changes"]
        }
        assert {("body", code) for code in ("en", "ar", "fa", "sq")} <= set(changes)
        assert ("title", "en") not in changes
        persian_title = changes[("title", "fa")]
        assert persian_title["direction"] == "rtl"
        assert "<ins> UNICEF</ins>" in persian_title["diff"]
        english_body = str(changes[("body", "en")]["diff"])
        assert "<del>" in english_body and "<ins>" in english_body and "<p>" not in english_body
        html = page.content.decode()
        assert 'lang="fa" dir="rtl"' in html

    def test_only_those_who_may_change_everything_restore(self, client_for, author, edited_twice):
        first = versions_of(edited_twice)[0]
        base = change_url(edited_twice).removesuffix("change/")
        response = client_for(author).post(f"{base}history/{first.pk}/restore/", {"confirm": "yes"})
        assert response.status_code == 403

    def test_deleted_content_is_recoverable_by_administrators_only(
        self, client_for, newsroom_editor, administrator, edited_twice
    ):
        pk = edited_twice.pk
        editor = client_for(newsroom_editor)
        assert (
            editor.post(f"/admin/articles/article/{pk}/delete/", {"post": "yes"}).status_code == 302
        )
        assert not Article.objects.filter(pk=pk).exists()
        assert editor.get("/admin/articles/article/recover/").status_code == 403
        assert "Recover deleted" not in editor.get("/admin/articles/article/").content.decode()

        admin_client = client_for(administrator)
        assert "Recover deleted" in admin_client.get("/admin/articles/article/").content.decode()
        deleted = Version.objects.get_deleted(Article).first()
        recover_url = f"/admin/articles/article/recover/{deleted.pk}/"
        data = form_data(admin_client.get(recover_url))
        assert admin_client.post(recover_url, data).status_code == 302
        recovered = Article.objects.get(pk=pk)
        assert recovered.body_fa == "<p>Rewritten (fa).</p>"

    def test_an_item_never_saved_in_the_admin_is_recoverable_too(
        self, client_for, administrator, category
    ):
        article = make_article(category, languages=["en", "fa"])
        client = client_for(administrator)
        client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
        assert Version.objects.get_deleted(Article).count() == 1

    def test_bulk_publishing_keeps_one_revision_per_item(
        self, client_for, newsroom_editor, category
    ):
        items = [make_article(category, status="draft") for _ in range(2)]
        client_for(newsroom_editor).post(
            "/admin/articles/article/",
            {"action": "publish", "_selected_action": [item.pk for item in items]},
        )
        for item in items:
            (version,) = Version.objects.get_for_object(item)
            assert version.revision.version_set.count() == 1
