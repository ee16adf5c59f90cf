from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from articles.models import Article
from nejat.publishing.views import EditionDetailMixin
from tests.factories import make_article
from tests.media_library.factories import make_cartoon

pytestmark = pytest.mark.django_db


def never_cached(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-cache"} <= cache_control


class TestPreview:
    def test_staff_see_an_unpublished_article_with_the_preview_banner(
        self, client_for, author, category
    ):
        draft = make_article(category, languages=["en", "fa"], status="draft")
        client = client_for(author)
        for language in ("en", "fa"):
            response = client.get(draft.url_in(language))
            assert response.status_code == 200
            assert 'class="notice notice--preview"' in response.content.decode()
            assert response.context["preview"]["status"] == "draft"
            assert never_cached(response)

    def test_anonymous_readers_get_404_for_what_is_not_published(self, client, category):
        for status in ("draft", "review", "unpublished"):
            item = make_article(category, status=status)
            assert client.get(item.url_in("en")).status_code == 404

    def test_other_section_previews_are_never_cached_either(self, client_for, author):
        cartoon = make_cartoon(status="draft")
        response = client_for(author).get(cartoon.url_in("en"))
        assert response.status_code == 200 and never_cached(response)

    def test_a_published_page_has_no_preview(self, client, category):
        article = make_article(category)
        response = client.get(article.url_in("en"))
        assert response.context["preview"] is None
        assert "no-cache" not in response.get("Cache-Control", "")


class TestSchedule:
    def test_a_scheduled_article_appears_at_its_publish_time(self, client, category, monkeypatch):
        now = timezone.now()
        article = make_article(category, days_ago=-1)  # publish time: tomorrow
        assert article.is_scheduled
        assert client.get(article.url_in("en")).status_code == 404
        assert article not in Article.objects.published()

        monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=1, minutes=1))
        assert article in Article.objects.published()
        assert client.get(article.url_in("en")).status_code == 200
        assert article.title_en in client.get("/en/").content.decode()

    def test_the_admin_list_shows_state_and_scheduled_time(self, editor_client, category):
        scheduled = make_article(category, days_ago=-2)
        make_article(category, status="review")
        page = editor_client.get("/admin/articles/article/")
        html = page.content.decode()
        assert "state--scheduled" in html and "Scheduled for" in html
        assert "state--review" in html
        listed = editor_client.get("/admin/articles/article/?status=scheduled")
        assert list(listed.context["cl"].result_list) == [scheduled]


class TestPreviewBanner:
    def test_the_shared_banner_tells_state_and_links_to_the_form(self, rf, category):
        view = EditionDetailMixin()
        view.object = make_article(category, days_ago=-1)
        html = render_to_string("includes/preview_banner.html", {"preview": view.preview()})
        assert "not published yet" in html and "<time datetime=" in html
        assert f"/admin/articles/article/{view.object.pk}/change/" in html
        view.object = make_article(category, status="review")
        assert "In review" in render_to_string(
            "includes/preview_banner.html", {"preview": view.preview()}
        )
