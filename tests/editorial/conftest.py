import pytest
from django.contrib.auth.models import Group
from django.forms import CheckboxInput, FileInput, MultiWidget
from reversion.models import Version

from nejat.editorial import roles
from tests.factories import BODIES, make_article


@pytest.fixture
def make_member(db, groups, django_user_model):
    def make(username, *group_names):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a-long-test-password", is_staff=True
        )
        user.groups.set(Group.objects.filter(name__in=group_names))
        return user

    return make


@pytest.fixture
def author(make_member):
    return make_member("author", roles.AUTHOR)


@pytest.fixture
def other_author(make_member):
    return make_member("other-author", roles.AUTHOR)


@pytest.fixture
def newsroom_editor(make_member):
    return make_member("newsroom-editor", roles.EDITOR)


@pytest.fixture
def administrator(make_member):
    return make_member("administrator", roles.ADMINISTRATOR)


@pytest.fixture
def persian_translator(make_member):
    return make_member("persian-translator", roles.translator_group_name("fa"))


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def others_article(category, other_author):
    return make_article(category, languages=["en"], status="draft", created_by=other_author)


def change_url(item):
    opts = item._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"


def form_data(response):
    """What a browser would post back from an admin form page, unchanged: every enabled
    field of the form and of its inline formsets."""
    context = response.context
    data = {}
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        forms += formset.forms
    for form in forms:
        data.update(_posted(form))
    return data


def _posted(form):
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        bound, widget = form[name], field.widget
        # The admin wraps a relation's widget (its add and change links): the inner one
        # says how a browser posts it (several values for a many-to-many).
        widget = getattr(widget, "widget", widget)
        value = bound.value()
        if isinstance(widget, FileInput):
            continue
        if isinstance(widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for suffix, subwidget, part in zip(
                widget.widgets_names, widget.widgets, parts, strict=True
            ):
                data[bound.html_name + suffix] = subwidget.format_value(part) or ""
            continue
        if value is None:
            continue
        formatted = widget.format_value(value)
        data[bound.html_name] = "" if formatted is None else formatted
    return data


LANGUAGES = ("en", "ar", "fa", "sq")


def edit(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    assert client.post(change_url(article), data).status_code == 302


@pytest.fixture
def edited_twice(client_for, newsroom_editor, category):
    """An article in four languages, edited twice in the admin: first every body is
    written, then every body is rewritten and the Persian title changed."""
    outline = {f"body_{code}": "<p>…</p>" for code in LANGUAGES}
    article = make_article(category, languages=LANGUAGES, **outline)
    client = client_for(newsroom_editor)
    edit(client, article, **{f"body_{code}": BODIES[code] for code in LANGUAGES})
    rewritten = {f"body_{code}": f"<p>Rewritten ({code}).</p>" for code in LANGUAGES}
    edit(client, article, title_fa="داوطلبان UNICEF در کناره‌ی رودخانه", **rewritten)
    article.refresh_from_db()
    return article


def versions_of(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))
