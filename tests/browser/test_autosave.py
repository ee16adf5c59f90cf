import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def a_draft_copy_every_second(settings):
    settings.NEJAT_AUTOSAVE_SECONDS = 1


def test_a_draft_copy_is_kept_while_writing_and_restored_after_a_reload(
    live_server, signed_in, category
):
    from articles.models import Article
    from tests.factories import make_article

    article = make_article(category)
    page = signed_in
    warnings = []
    page.on("dialog", lambda dialog: (warnings.append(dialog.type), dialog.accept()))
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    editor = (
        page.locator("#id_body_en")
        .locator("xpath=..")
        .locator("[contenteditable=true].ProseMirror")
    )
    editor.wait_for()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Three hundred more are planned.")
    page.locator(".autosave-status", has_text="Saved a draft copy at").first.wait_for()
    assert "Three hundred" not in Article.objects.get(pk=article.pk).body_en

    page.reload()
    assert warnings == ["beforeunload"]  # a draft copy is not a save
    notice = page.locator(".autosave-notice")
    notice.wait_for()
    assert "You have a draft copy of this item" in notice.inner_text()
    editor.wait_for()
    assert "Three hundred" not in editor.inner_text()
    page.get_by_role("button", name="Restore the autosaved text").click()
    assert notice.count() == 0
    assert "Three hundred more are planned." in editor.inner_text()
    page.locator(".autosave-status", has_text="press Save to keep it").first.wait_for()

    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")
    assert warnings == ["beforeunload"]  # none on saving
    assert "Three hundred more are planned." in Article.objects.get(pk=article.pk).body_en
    page.goto(change)
    editor.wait_for()
    assert page.locator(".autosave-notice").count() == 0


def test_a_discarded_draft_copy_is_not_offered_again(live_server, signed_in, category):
    from django.contrib.auth.models import User
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from nejat.editorial.models import Autosave
    from tests.factories import make_article

    article = make_article(category)
    Autosave.objects.create(
        content_type=ContentType.objects.get_for_model(article),
        object_id=str(article.pk),
        user=User.objects.get(username="editor"),
        data={"title_en": "Three hundred trees"},
        saved_at=timezone.now(),
        item_saved_at=article.updated_at,
    )
    page = signed_in
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    page.get_by_role("button", name="Discard").click()
    page.locator(".autosave-notice").wait_for(state="detached")
    assert not Autosave.objects.exists()
    page.goto(change)
    assert page.locator(".autosave-notice").count() == 0
    assert page.locator("#id_title_en").input_value() == article.title_en
