import pytest

from nejat.publishing.models import publishable_models
from tests.articles.test_admin import article_form
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article
from tests.media_library.factories import make_cartoon

pytestmark = pytest.mark.django_db

BOARD = "/admin/translations/"


def cells_of(response, item):
    row = next(row for row in response.context["page"] if row["url"] == change_url(item))
    return {cell["language"]: cell["state"] for cell in row["cells"]}


class TestTranslationBoard:
    def test_an_english_only_article_is_missing_in_the_other_languages(
        self, editor_client, category
    ):
        article = make_article(category, languages=["en"])
        response = editor_client.get(BOARD)
        assert response.status_code == 200
        assert cells_of(response, article) == {
            "en": "live",
            "ar": "missing",
            "fa": "missing",
            "sq": "missing",
        }

    def test_a_translation_saved_before_the_source_changed_is_outdated(
        self, client_for, newsroom_editor, persian_translator, category
    ):
        editor = client_for(newsroom_editor)
        editor.post("/admin/articles/article/add/", article_form(category))
        article = category.articles.get()

        translator = client_for(persian_translator)
        data = form_data(translator.get(change_url(article)))
        data.update(
            title_fa="کتابخانه یکشنبه‌ها باز است", slug_fa="ketabkhane", body_fa="<p>متن</p>"
        )
        assert translator.post(change_url(article), data).status_code == 302
        assert cells_of(translator.get(BOARD), article)["fa"] == "held"  # an editor publishes it

        editor = client_for(newsroom_editor)
        data = form_data(editor.get(change_url(article)))
        data["body_en"] = "<p>The reading room now opens every Sunday and Monday.</p>"
        assert editor.post(change_url(article), data).status_code == 302
        cells = cells_of(editor.get(BOARD), article)
        assert cells == {"en": "live", "ar": "missing", "fa": "outdated", "sq": "missing"}

        translator = client_for(persian_translator)
        data = form_data(translator.get(change_url(article)))
        data["body_fa"] = "<p>متن تازه</p>"
        translator.post(change_url(article), data)
        assert cells_of(translator.get(BOARD), article)["fa"] == "held"

    def test_drafts_show_as_draft_and_other_types_are_on_the_board(self, editor_client, category):
        draft = make_article(category, languages=["en", "fa"], status="draft")
        cartoon = make_cartoon(languages=["ar"])
        response = editor_client.get(BOARD)
        assert cells_of(response, draft)["fa"] == "draft"
        assert cells_of(response, cartoon) == {
            "en": "missing",
            "ar": "live",
            "fa": "missing",
            "sq": "missing",
        }

    def test_filters_by_type_language_and_state(self, editor_client, category):
        english = make_article(category, languages=["en"])
        persian = make_article(category, languages=["en", "fa"])
        cartoon = make_cartoon(languages=["en"])
        response = editor_client.get(
            BOARD, {"type": "articles.article", "language": "fa", "state": "missing"}
        )
        urls = [row["url"] for row in response.context["page"]]
        assert urls == [change_url(english)]
        assert change_url(persian) not in urls and change_url(cartoon) not in urls
        assert [code for code, _name in response.context["languages"]] == ["fa"]

    def test_each_cell_opens_the_form_on_its_language(self, editor_client, category):
        article = make_article(category, languages=["en"])
        html = editor_client.get(BOARD).content.decode()
        assert f'href="{change_url(article)}#language-fa"' in html

    def test_a_translator_starts_on_their_language(self, client_for, persian_translator, category):
        make_article(category)
        response = client_for(persian_translator).get(BOARD)
        assert [code for code, _name in response.context["languages"]] == ["fa"]

    def test_bad_filter_values_are_ignored(self, editor_client, category):
        make_article(category)
        response = editor_client.get(BOARD, {"type": "auth.user", "state": "a\x00b", "page": "x"})
        assert response.status_code == 200
        assert len(response.context["page"]) == 1

    def test_readers_cannot_open_the_board(self, client):
        response = client.get(BOARD)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    @pytest.mark.parametrize("count", [2, 20])
    def test_query_count_does_not_grow_with_the_items_shown(
        self, editor_client, category, django_assert_num_queries, count
    ):
        for _number in range(count):
            make_article(category, languages=["en", "fa"])
            make_cartoon(languages=["ar"])
        editor_client.get(BOARD)
        # The session, the user, the admin language they chose, whether they have set up
        # two-factor sign-in (two kinds of device), whether site settings exist (the
        # admin's app list), the user's groups (a translator starts on their language),
        # one query per type.
        with django_assert_num_queries(7 + len(publishable_models())):
            response = editor_client.get(BOARD)
        assert len(response.context["page"]) == 2 * count
        with django_assert_num_queries(6 + 1):
            response = editor_client.get(BOARD, {"type": "articles.article"})
        assert len(response.context["page"]) == count

    def test_saving_the_same_words_in_other_markup_changes_no_language(
        self, editor_client, category
    ):
        article = make_article(category, languages=["en", "fa"])
        data = form_data(editor_client.get(change_url(article)))
        data["body_en"] = data["body_en"].replace("<p>", "<p >") + "\r\n"
        assert editor_client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.translated_at == {} and article.source_language == ""

    def test_the_source_is_the_language_an_item_had_before_its_first_recorded_change(
        self, editor_client, category
    ):
        article = make_article(category, languages=["fa"])
        data = form_data(editor_client.get(change_url(article)))
        data.update(title_en="Trees", slug_en="trees", body_en="<p>Trees.</p>")
        editor_client.post(change_url(article), data)
        article.refresh_from_db()
        assert article.source_language == "fa"
        assert article.translated_at["fa"] < article.translated_at["en"]
        assert article.outdated_languages == set()
