"""Terms per language: editors see which categories and tags an edition has no name
for, and translators name them in their own languages."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from articles.models import Category
from nejat.editorial import roles
from nejat.editorial.term_admin import unnamed_entries
from nejat.publishing.tags import Tag
from tests.editorial.conftest import change_url, form_data
from tests.editorial.test_desk import desk_rows
from tests.factories import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

CATEGORIES = "/admin/articles/category/"
TAGS = "/admin/nejat/tag/"
PERSIAN_NAME = "گزارش‌ها"
PERSIAN_SLUG = "گزارشها"  # an address has no zero-width non-joiner


@pytest.fixture
def persian_only():
    return make_category(slug="reports", languages=["fa"])


@pytest.fixture
def english_only():
    return make_category(slug="letters", languages=["en"])


def listed(client, url, **filters):
    response = client.get(url, filters)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


class TestTermLists:
    @pytest.mark.parametrize("url", [CATEGORIES, TAGS])
    def test_each_edition_is_linked_and_the_missing_ones_are_marked(
        self, editor_client, url, category
    ):
        term = make_tag(languages=["en", "fa"]) if url == TAGS else category
        type(term).objects.filter(pk=term.pk).update(**{f"{term.name_field}_ar": ""})
        term.refresh_from_db()
        page = editor_client.get(url).content.decode()
        for code in ("en", "fa"):
            link = escape(term.url_in(code))
            badge = f'<a class="edition-badge" lang="{code}" hreflang="{code}" href="{link}">'
            assert badge + f"{code}</a>" in page
        missing = '<span class="edition-badge edition-badge--missing" title="Missing in Arabic">'
        assert missing + "ar</span>" in page
        assert "editorial/admin.css" in page

    def test_a_persian_only_category_is_missing_in_english(
        self, editor_client, persian_only, english_only
    ):
        assert listed(editor_client, CATEGORIES, missing="en") == {persian_only}
        assert listed(editor_client, CATEGORIES, missing="fa") == {english_only}
        assert listed(editor_client, CATEGORIES) == {persian_only, english_only}

    def test_an_empty_or_null_label_is_missing(self, editor_client):
        persian = make_tag("nowruz", languages=["fa"])
        english = make_tag("rivers", languages=["en"])
        Tag.objects.filter(pk=english.pk).update(label_fa=None)
        Tag.objects.filter(pk=persian.pk).update(label_en="")
        assert listed(editor_client, TAGS, missing="en") == {persian}
        assert listed(editor_client, TAGS, missing="fa") == {english}

    @pytest.mark.parametrize("url", [CATEGORIES, TAGS])
    def test_a_list_makes_as_many_queries_for_fifty_terms_as_for_five(self, editor_client, url):
        def make(number):
            if url == TAGS:
                make_tag(f"tag-{number}", languages=["en", "fa"] if number % 2 else ["ar"])
            else:
                make_category(f"category-{number}", languages=["fa"] if number % 2 else ["en"])

        def queries():
            editor_client.get(url)
            with CaptureQueriesContext(connection) as captured:
                assert editor_client.get(url, {"missing": "en"}).status_code == 200
            return len(captured)

        for number in range(5):
            make(number)
        few = queries()
        for number in range(5, 50):
            make(number)
        assert queries() == few


@pytest.fixture
def translator_client(client_for, persian_translator):
    return client_for(persian_translator)


class TestTranslatorsNameTerms:
    def test_translators_may_change_terms_but_not_add_or_delete_them(self, groups):
        for name in (roles.TRANSLATOR, roles.translator_group_name("fa")):
            translator = set(
                Group.objects.get(name=name).permissions.values_list("codename", flat=True)
            )
            assert {"change_category", "change_tag"} <= translator
            assert not {"add_category", "delete_category", "add_tag", "delete_tag"} & translator
            assert "change_author" not in translator and "change_source" not in translator

    def test_a_persian_translator_names_a_category_in_persian(
        self, translator_client, english_only
    ):
        page = translator_client.get(change_url(english_only))
        assert page.status_code == 200
        form = page.context["adminform"].form
        assert form.fields["name_en"].disabled and form.fields["slug_ar"].disabled
        assert not form.fields["name_fa"].disabled
        assert "You translate into Persian" in page.content.decode()
        data = form_data(page)
        data.update(name_fa=PERSIAN_NAME, slug_fa=PERSIAN_SLUG, description_fa="نامه‌ها")
        assert translator_client.post(change_url(english_only), data).status_code == 302
        english_only.refresh_from_db()
        assert (english_only.name_fa, english_only.slug_fa) == (PERSIAN_NAME, PERSIAN_SLUG)
        assert english_only.languages == ["en", "fa"]
        persian_page = translator_client.get(f"/fa/articles/category/{quote(PERSIAN_SLUG)}/")
        assert persian_page.status_code == 200

    def test_a_persian_translator_labels_a_tag_in_persian(
        self, translator_client, client, category
    ):
        tag = make_tag("rivers", languages=["en"])
        make_article(category, languages=["fa"]).tags.add(tag)
        page = translator_client.get(change_url(tag))
        assert page.status_code == 200
        form = page.context["adminform"].form
        # The key every language shares is read-only: no field, nothing filled in from it.
        assert "name" not in form.fields and "slug" not in form.fields
        prepopulated = page.context["adminform"].prepopulated_fields
        assert [entry["field"].name for entry in prepopulated] == ["label_slug_fa"]
        data = form_data(page)
        data.update(label_fa=PERSIAN_NAME, label_slug_fa=PERSIAN_SLUG)
        assert translator_client.post(change_url(tag), data).status_code == 302
        tag.refresh_from_db()
        assert (tag.label_fa, tag.label_slug_fa) == (PERSIAN_NAME, PERSIAN_SLUG)
        client.logout()
        response = client.get(f"/fa/articles/tag/{quote(PERSIAN_SLUG)}/")
        assert response.status_code == 200
        assert PERSIAN_NAME in response.content.decode()

    def test_what_a_translator_posts_in_another_language_changes_nothing(
        self, translator_client, english_only
    ):
        tag = make_tag("rivers", languages=["en"])
        category_data = form_data(translator_client.get(change_url(english_only)))
        category_data.update(name_en="Changed", slug_en="changed", name_fa=PERSIAN_NAME)
        assert translator_client.post(change_url(english_only), category_data).status_code == 302
        tag_data = form_data(translator_client.get(change_url(tag)))
        tag_data.update(name="changed", slug="changed", label_en="Changed", label_fa="رود")
        assert translator_client.post(change_url(tag), tag_data).status_code == 302
        english_only.refresh_from_db()
        tag.refresh_from_db()
        assert (english_only.name_en, english_only.slug_en) == ("Environment", "letters")
        assert english_only.name_fa == PERSIAN_NAME
        assert (tag.name, tag.slug, tag.label_en) == ("rivers", "rivers", "Rivers")
        assert tag.label_fa == "رود"

    @pytest.mark.parametrize("model", [Category, Tag])
    def test_translators_neither_add_nor_delete_terms(self, translator_client, model):
        term = make_tag() if model is Tag else make_category()
        opts = model._meta
        add_url = f"/admin/{opts.app_label}/{opts.model_name}/add/"
        assert translator_client.get(add_url).status_code == 403
        assert translator_client.post(add_url, {"name": "x", "name_fa": "ایکس"}).status_code == 403
        delete_url = f"/admin/{opts.app_label}/{opts.model_name}/{term.pk}/delete/"
        assert translator_client.post(delete_url, {"post": "yes"}).status_code == 403
        assert model.objects.filter(pk=term.pk).exists()

    def test_an_author_only_reads_terms(self, client_for, author, category):
        client = client_for(author)
        page = client.get(change_url(category))
        assert page.status_code == 200 and not page.context["has_change_permission"]
        assert client.post(change_url(category), {"name_en": "Changed"}).status_code == 403


class TestDesk:
    def test_editors_see_the_terms_each_edition_has_no_name_for(
        self, editor_client, persian_only, english_only
    ):
        make_tag("rivers", languages=["en", "fa"])
        desk = desk_rows(editor_client)
        categories = '<a href="/admin/articles/category/?missing=en">Categories without a name'
        assert categories + " in English</a>" in desk
        assert '<a href="/admin/nejat/tag/?missing=ar">Tags without a label in Arabic' in desk
        assert "Tags without a label in English" not in desk
        assert listed(editor_client, CATEGORIES, missing="en") == {persian_only}

    def test_translators_see_their_languages_only(self, translator_client, english_only):
        make_tag("rivers", languages=["en"])
        desk = desk_rows(translator_client)
        assert '<a href="/admin/nejat/tag/?missing=fa">Tags without a label in Persian' in desk
        assert "Categories without a name in Persian" in desk
        assert "in English" not in desk and "in Arabic" not in desk

    def test_the_desk_counts_each_model_in_one_query(self, editor, django_assert_num_queries):
        make_category(slug="reports", languages=["fa"])
        make_category(slug="letters", languages=["en", "fa"])
        with django_assert_num_queries(1):
            entries = unnamed_entries(editor, Category, "%(language)s")
        assert [(label, count) for label, count, _url in entries] == [
            ("English", 1),
            ("Arabic", 2),
            ("Persian", 0),
            ("Albanian", 2),
        ]
