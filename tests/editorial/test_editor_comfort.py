import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


class TestEditorComfort:
    def test_each_languages_fields_carry_its_language_and_direction(self, editor_client):
        html = editor_client.get("/admin/articles/article/add/").content.decode()
        for name, language, direction in (
            ("title_fa", "fa", "rtl"),
            ("body_fa", "fa", "rtl"),
            ("body_ar", "ar", "rtl"),
            ("title_en", "en", "ltr"),
            ("summary_sq", "sq", "ltr"),
        ):
            tag = html[html.index(f'name="{name}"') - 300 : html.index(f'name="{name}"') + 300]
            assert f'lang="{language}"' in tag and f'dir="{direction}"' in tag, name
        assert "editorial/admin-editions.js" in html

    def test_titles_mixing_persian_and_latin_words_are_isolated_in_lists(
        self, editor_client, category
    ):
        article = make_article(category, languages=["fa"], title_fa="UNICEF و داوطلبان")
        html = editor_client.get("/admin/articles/article/").content.decode()
        assert '<bdi lang="fa" dir="rtl">UNICEF و داوطلبان</bdi>' in html
        change = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
        assert (
            '<h2><bdi lang="fa" dir="rtl">UNICEF و داوطلبان</bdi></h2>' in change.content.decode()
        )

    def test_slugs_are_suggested_from_the_title_of_each_language(self, editor_client):
        response = editor_client.get("/admin/articles/article/add/")
        prepopulated = {
            field["field"].name: [dependency.name for dependency in field["dependencies"]]
            for field in response.context["prepopulated_fields"]
        }
        for language in ("en", "ar", "fa", "sq"):
            assert prepopulated[f"slug_{language}"] == [f"title_{language}"]

    def test_change_form_links_to_a_preview_in_each_language(self, editor_client, category):
        draft = make_article(category, languages=["en", "fa"], status="draft")
        html = editor_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
        assert f'href="{draft.url_in("fa")}" hreflang="fa"' in html
        assert "Preview · fa" in html
