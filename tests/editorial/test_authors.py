import pytest

from articles.models import Article
from tests.articles.test_admin import article_form
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


class TestAuthors:
    def test_author_writes_a_draft_and_submits_it_for_review(self, client_for, author, category):
        client = client_for(author)
        response = client.post(f"{CHANGELIST}add/", article_form(category, status="draft"))
        assert response.status_code == 302
        article = Article.objects.get()
        assert article.created_by == author and article.status == "draft"
        data = form_data(client.get(change_url(article)))
        data["status"] = "review"
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.status == "review"

    def test_status_offers_authors_only_draft_and_review(self, client_for, author, category):
        response = client_for(author).get(f"{CHANGELIST}add/")
        choices = [
            value for value, _label in response.context["adminform"].form["status"].field.choices
        ]
        assert choices == ["draft", "review"]

    def test_author_cannot_publish_their_own_article_by_posting_the_status(
        self, client_for, author, category
    ):
        client = client_for(author)
        article = make_article(category, status="draft", created_by=author)
        data = form_data(client.get(change_url(article)))
        data.update(status="published", title_en="Changed title")
        response = client.post(change_url(article), data)
        assert response.status_code == 200
        assert "status" in response.context["adminform"].form.errors
        article.refresh_from_db()
        assert article.status == "draft" and article.title_en != "Changed title"

    def test_author_cannot_add_a_published_article(self, client_for, author, category):
        response = client_for(author).post(f"{CHANGELIST}add/", article_form(category))
        assert response.status_code == 200
        assert not Article.objects.exists()

    def test_author_cannot_change_someone_elses_article(self, client_for, author, others_article):
        client = client_for(author)
        page = client.get(change_url(others_article))
        assert page.status_code == 200 and not page.context["has_change_permission"]
        data = {"title_en": "Taken over", "status": "published"}
        assert client.post(change_url(others_article), data).status_code == 403
        others_article.refresh_from_db()
        assert others_article.title_en != "Taken over" and others_article.status == "draft"

    def test_author_cannot_delete_someone_elses_article(self, client_for, author, others_article):
        client = client_for(author)
        delete_url = f"{CHANGELIST}{others_article.pk}/delete/"
        assert client.get(delete_url).status_code == 403
        assert client.post(delete_url, {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=others_article.pk).exists()

    def test_author_cannot_publish_or_delete_through_the_list_actions(
        self, client_for, author, others_article, category
    ):
        own = make_article(category, status="draft", created_by=author)
        client = client_for(author)
        assert client.get(CHANGELIST).context["action_form"] is None, "no action is offered"
        for action in ("publish", "delete_selected"):
            client.post(
                CHANGELIST,
                {"action": action, "_selected_action": [own.pk, others_article.pk], "post": "yes"},
            )
        assert set(Article.objects.values_list("status", flat=True)) == {"draft"}
        assert Article.objects.count() == 2

    def test_author_deletes_their_own_draft(self, client_for, author, category):
        own = make_article(category, status="draft", created_by=author)
        response = client_for(author).post(f"{CHANGELIST}{own.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Article.objects.exists()

    def test_once_published_the_authors_article_is_the_editors(self, client_for, author, category):
        published = make_article(category, status="published", created_by=author)
        client = client_for(author)
        assert client.post(change_url(published), {"title_en": "Changed"}).status_code == 403
        assert (
            client.post(f"{CHANGELIST}{published.pk}/delete/", {"post": "yes"}).status_code == 403
        )

    def test_editor_publishes_and_unpublishes_in_bulk(
        self, client_for, newsroom_editor, others_article, category
    ):
        second = make_article(category, status="review")
        client = client_for(newsroom_editor)
        selected = [others_article.pk, second.pk]
        client.post(CHANGELIST, {"action": "publish", "_selected_action": selected})
        assert set(Article.objects.values_list("status", flat=True)) == {"published"}
        assert Article.objects.published().count() == 2
        client.post(CHANGELIST, {"action": "unpublish", "_selected_action": selected})
        assert set(Article.objects.values_list("status", flat=True)) == {"unpublished"}

    def test_bulk_publish_skips_items_with_no_complete_language(
        self, client_for, newsroom_editor, category
    ):
        empty = make_article(category, languages=[], status="draft")
        response = client_for(newsroom_editor).post(
            CHANGELIST, {"action": "publish", "_selected_action": [empty.pk]}, follow=True
        )
        empty.refresh_from_db()
        assert empty.status == "draft"
        assert "no language is complete" in response.content.decode()
