"""Whatever editors do, the next reader gets the fresh page: every change to what
readers see starts a new generation of the page cache, in the admin and out of it."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from articles.models import Comment
from nejat.site.models import Page, SiteSettings
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

EDITIONS = ("en", "fa")


@pytest.fixture
def story(category):
    article = make_article(category, languages=EDITIONS)
    article.tags.add(make_tag())
    return article


def pages_of(article):
    """Every page the article shows on, in both its editions."""
    pages = []
    for language in EDITIONS:
        with translation.override(language):
            pages += [
                f"/{language}/",
                f"/{language}/articles/",
                article.category.get_absolute_url(),
                f"/{language}/articles/tag/rivers/",
                article.url_in(language),
                f"/{language}/feed/",
            ]
    return pages


def read_all(client, pages):
    """Every page as a reader gets it now (which also puts it in the page cache)."""
    return {page: client.get(page).content.decode() for page in pages}


def admin_action(client, model, action, items):
    opts = model._meta
    return client.post(
        f"/admin/{opts.app_label}/{opts.model_name}/",
        {"action": action, "_selected_action": [item.pk for item in items]},
    )


class TestEditorsChanges:
    def test_editing_a_title_shows_everywhere_at_once(self, client, editor, story):
        pages = pages_of(story)
        read_all(client, pages)
        client.force_login(editor)
        form = form_data(client.get(change_url(story)))
        form.update(title_en="Rivers are cleaner this spring", title_fa="رودخانه‌ها پاک‌ترند")
        assert client.post(change_url(story), form).status_code == 302
        client.logout()
        for page, html in read_all(client, pages).items():
            fresh = "Rivers are cleaner" if page.startswith("/en/") else "رودخانه‌ها پاک‌ترند"
            assert fresh in html, page

    def test_unpublishing_takes_the_article_off_every_page(self, client, editor, story):
        pages = pages_of(story)
        read_all(client, pages)
        client.force_login(editor)
        admin_action(client, type(story), "unpublish", [story])
        client.logout()
        for page in pages:
            response = client.get(page)
            if page in (story.url_in("en"), story.url_in("fa")):
                assert response.status_code == 404
            else:
                assert story.title_en not in response.content.decode(), page

    def test_publishing_a_draft_puts_it_on_every_page(self, client, editor, category):
        tag = make_tag()
        make_article(category, languages=EDITIONS).tags.add(tag)
        draft = make_article(category, languages=EDITIONS, status="draft")
        draft.tags.add(tag)
        pages = pages_of(draft)
        read_all(client, [page for page in pages if "story" not in page])
        client.force_login(editor)
        admin_action(client, type(draft), "publish", [draft])
        client.logout()
        for page, html in read_all(client, pages).items():
            title = draft.title_en if page.startswith("/en/") else draft.title_fa
            assert title in html, page

    def test_approving_a_comment_shows_it_and_counts_it(self, client, editor, story):
        comment = story.comments.create(
            name="Dana", email="dana@example.org", text="Good news for the river.", language="en"
        )
        before = read_all(client, ["/en/", story.url_in("en")])
        assert "Good news for the river." not in before[story.url_in("en")]
        client.force_login(editor)
        admin_action(client, Comment, "approve", [comment])
        client.logout()
        after = read_all(client, ["/en/", story.url_in("en")])
        assert "Good news for the river." in after[story.url_in("en")]
        assert "1 comment" in after["/en/"]

    def test_renaming_a_category_shows_on_its_articles(self, client, editor, story):
        category = story.category
        read_all(client, pages_of(story))
        client.force_login(editor)
        form = form_data(client.get(change_url(category)))
        form["name_en"] = "Nature and climate"
        assert client.post(change_url(category), form).status_code == 302
        client.logout()
        for page in ["/en/", story.url_in("en"), category.get_absolute_url()]:
            assert "Nature and climate" in client.get(page).content.decode(), page

    def test_site_settings_and_menu_pages_show_on_every_page(self, client, editor, story):
        pages = pages_of(story)
        read_all(client, pages)
        client.force_login(editor)
        settings_record = SiteSettings.current()
        settings_record.save()
        form = form_data(client.get(change_url(settings_record)))
        form["name_en"] = "Nejat Weekly"
        assert client.post(change_url(settings_record), form).status_code == 302
        Page.objects.create(
            title_en="Our team",
            slug_en="team",
            body_en="<p>Us.</p>",
            status="published",
            placement="menu",
        )
        client.logout()
        for page, html in read_all(client, [p for p in pages if p.startswith("/en/")]).items():
            if "feed" not in page:
                assert "Nejat Weekly" in html and "Our team" in html, page


class TestSchedule:
    def test_a_scheduled_article_appears_at_its_time_without_any_save(
        self, client, category, monkeypatch
    ):
        make_article(category, languages=EDITIONS)
        scheduled = make_article(category, languages=EDITIONS, days_ago=-1)
        assert scheduled.title_en not in client.get("/en/").content.decode()
        assert "s-maxage=300" in client.get("/en/")["Cache-Control"]
        later = timezone.now() + timedelta(days=1, minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        assert scheduled.title_en in client.get("/en/").content.decode()
        assert client.get(scheduled.url_in("en")).status_code == 200

    def test_a_page_is_never_kept_past_the_next_publication(self, client, category):
        make_article(category, languages=EDITIONS)
        make_article(category, languages=EDITIONS, days_ago=-1 / 24 / 60)  # in a minute
        control = client.get("/en/")["Cache-Control"]
        s_maxage = int(control.split("s-maxage=")[1].split(",")[0])
        assert s_maxage <= 60


class TestOutsideTheAdmin:
    def test_a_save_from_code_or_an_import_refreshes_the_pages(self, client, story):
        read_all(client, ["/en/"])
        story.title_en = "Saved from a script"
        story.save()
        assert "Saved from a script" in client.get("/en/").content.decode()

    def test_a_new_comment_waiting_for_moderation_keeps_the_cache(
        self, client, story, django_assert_num_queries
    ):
        client.get(story.url_in("en"))
        Comment.objects.create(
            article=story, name="Flood", email="f@example.org", text="...", language="en"
        )
        with django_assert_num_queries(0):
            client.get(story.url_in("en"))
