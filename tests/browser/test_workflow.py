import pytest
from django.contrib.auth.models import Group

from nejat.editorial import roles
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


def sign_in(live_server, page, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def editor_of(field_id, page):
    return page.locator(f"#{field_id}").locator("xpath=..").locator("[contenteditable].ProseMirror")


@pytest.fixture
def editor_page(live_server, page, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return sign_in(live_server, page, user)


def test_the_persian_editor_writes_right_to_left(live_server, editor_page):
    page = editor_page
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    persian = editor_of("id_body_fa", page)
    persian.wait_for(state="attached")
    assert persian.get_attribute("dir") == "rtl"
    assert persian.get_attribute("lang") == "fa"
    assert editor_of("id_body_en", page).get_attribute("dir") == "ltr"
    assert page.locator("#id_title_fa").get_attribute("dir") == "rtl"


def test_the_persian_title_suggests_the_persian_slug(live_server, editor_page):
    page = editor_page
    page.goto(f"{live_server.url}/admin/articles/article/add/#language-fa")
    title = page.locator("#id_title_fa")
    title.wait_for()
    title.press_sequentially("داوطلبان در کناره رود")
    title.blur()
    assert page.locator("#id_slug_fa").input_value() == "داوطلبان-در-کناره-رود"
    assert page.locator("#id_slug_en").input_value() == ""


def test_a_board_link_opens_the_form_on_its_languages_tab(live_server, editor_page):
    article = make_article(make_category(), languages=["en"])
    page = editor_page
    page.goto(f"{live_server.url}/admin/translations/")
    page.locator(f'a[href="/admin/articles/article/{article.pk}/change/#language-fa"]').click()
    # The tabs are built after the page loads, then turned to Persian (the third).
    page.wait_for_function(
        "() => document.getElementById('modeltranslation-main-switch')?.value === '2'"
    )
    assert page.locator("#id_title_fa").is_visible()
    assert not page.locator("#id_title_en").is_visible()


def test_a_translator_cannot_type_in_another_languages_editor(live_server, page, django_user_model):
    roles.sync_roles()
    translator = django_user_model.objects.create_user(
        "translator", "translator@example.org", PASSWORD, is_staff=True
    )
    translator.groups.set([Group.objects.get(name=roles.translator_group_name("fa"))])
    article = make_article(make_category(), languages=["en"])
    page = sign_in(live_server, page, translator)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/#language-fa")
    english = editor_of("id_body_en", page)
    english.wait_for(state="attached")
    assert english.get_attribute("contenteditable") == "false"
    assert page.locator("#id_title_en").is_disabled()
    assert editor_of("id_body_fa", page).get_attribute("contenteditable") == "true"
