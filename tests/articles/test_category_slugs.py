"""Each edition reaches a category (and a tag) at its address in that language:
letters of any alphabet, unique within the language."""

import html
import json
import re
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from articles.models import Category
from nejat.publishing.tags import Tag, label_new_tags
from tests.factories import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

PERSIAN = "محیط-زیست"


@pytest.fixture
def environment():
    """A category made before each edition had its own address (its one slug is in
    every language), since given a Persian address."""
    category = make_category()
    category.slug_fa = PERSIAN
    category.save()
    return category


def url(language, slug, section="articles/category"):
    return f"/{language}/{section}/{slug}/"


class TestCategoryPages:
    def test_the_persian_address_answers_raw_and_percent_encoded(self, client, environment):
        article = make_article(environment, languages=["fa"])
        for address in (url("fa", PERSIAN), url("fa", quote(PERSIAN))):
            response = client.get(address)
            assert response.status_code == 200, address
            assert article.title_fa in response.content.decode()

    def test_another_languages_or_the_old_address_leads_to_the_editions(self, client, environment):
        response = client.get(url("fa", "environment"), {"older": "12"})
        assert response.status_code == 301
        assert response["Location"] == f"{quote(url('fa', PERSIAN))}?older=12"
        # And the other way: the Persian address under /en/.
        english = client.get(url("en", quote(PERSIAN)))
        assert english.status_code == 301 and english["Location"] == url("en", "environment")

    def test_an_edition_that_does_not_name_the_category_has_no_page(self, client):
        letters = make_category(slug="letters", languages=["en"])
        letters.slug_fa = "نامه‌ها".replace("\u200c", "")
        letters.save()
        assert client.get(url("en", "letters")).status_code == 200
        assert client.get(url("fa", "letters")).status_code == 404
        assert client.get(url("fa", quote(letters.slug_fa))).status_code == 404
        assert client.get(url("fa", "no-such-category")).status_code == 404

    def test_links_to_the_category_use_each_editions_address(self, client, environment):
        article = make_article(environment, languages=["en", "fa"])
        persian = client.get(article.url_in("fa")).content.decode()
        english = client.get(article.url_in("en")).content.decode()
        assert f'class="article__category"><a href="{quote(url("fa", PERSIAN))}"' in persian
        assert f'class="article__category"><a href="{url("en", "environment")}"' in english
        # The sidebar and the cards (which show addresses in their own alphabet).
        assert f'<a href="{url("fa", PERSIAN)}">' in client.get("/fa/").content.decode()
        with translation.override("fa"):
            assert environment.get_absolute_url() == quote(url("fa", PERSIAN))

    def test_the_page_offers_each_edition_at_its_own_address(self, client, environment):
        make_article(environment, languages=["en", "fa"])
        page = client.get(url("fa", PERSIAN)).content.decode()
        hreflangs = dict(
            re.findall(r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)"', page)
        )
        assert hreflangs["en"].endswith(url("en", "environment"))
        assert hreflangs["fa"].endswith(quote(url("fa", PERSIAN)))

    def test_the_feed_has_the_editions_address_too(self, client, environment):
        make_article(environment, languages=["fa"])
        assert client.get(url("fa", PERSIAN, "feed/category")).status_code == 200
        response = client.get(url("fa", "environment", "feed/category") + "atom/")
        assert response.status_code == 301
        assert response["Location"] == quote(url("fa", PERSIAN, "feed/category")) + "atom/"

    def test_a_new_address_shows_at_once_and_the_old_one_leads_to_it(self, client, environment):
        article = make_article(environment, languages=["fa"])
        assert quote(url("fa", PERSIAN)) in client.get(article.url_in("fa")).content.decode()
        environment.slug_fa = "زیست-بوم"
        environment.save()  # the page cache starts a new generation
        page = client.get(article.url_in("fa")).content.decode()
        assert quote(url("fa", "زیست-بوم")) in page and quote(PERSIAN) not in page
        assert client.get(url("fa", PERSIAN)).status_code == 404  # no category has it now
        assert client.get(url("fa", "environment"))["Location"] == quote(url("fa", "زیست-بوم"))


class TestCategoryAddresses:
    def test_a_name_without_an_address_gets_one_made_from_it(self):
        reports = Category.objects.create(name_fa="گزارش‌ها")
        assert reports.slug_fa == "گزارشها"  # as WordPress makes it: no ZWNJ
        assert reports.slug_en in ("", None)
        assert reports.languages == ["fa"]
        again = Category.objects.create(name_fa="گزارش‌ها")
        assert again.slug_fa == "گزارشها-2"

    def test_an_address_is_unique_within_its_language_only(self, environment):
        letters = make_category(slug="letters", languages=["en"])
        other = Category(name_fa="زیست", slug_fa=PERSIAN, name_ar="رسائل", slug_ar=letters.slug_en)
        with pytest.raises(ValidationError) as error:
            other.full_clean()
        assert list(error.value.message_dict) == ["slug_fa"]
        other.slug_fa = "زیست"
        other.full_clean()  # another category's address in English is no matter in Arabic

    def test_a_category_has_a_name_in_at_least_one_language(self):
        with translation.override("en"):
            with pytest.raises(ValidationError) as error:
                Category(slug_en="nameless").full_clean()
            assert "at least one language" in str(error.value)


ADD_URL = "/admin/articles/category/add/"


class TestCategoryAdmin:
    def test_each_languages_address_is_suggested_from_that_languages_name(self, editor_client):
        page = editor_client.get(ADD_URL).content.decode()
        fields = json.loads(
            html.unescape(re.search(r'data-prepopulated-fields="([^"]+)"', page)[1])
        )
        assert {field["id"]: field["dependency_ids"] for field in fields} == {
            f"#id_slug_{code}": [f"#id_name_{code}"] for code in ("en", "ar", "fa", "sq")
        }
        assert all(field["allowUnicode"] for field in fields)

    def test_a_persian_category_is_added_with_its_persian_address(self, editor_client):
        data = {"name_fa": "رویدادها", "slug_fa": "رویدادها", "description_fa": "برنامه‌ها"}
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        category = Category.objects.get(slug_fa="رویدادها")
        assert category.languages == ["fa"]
        assert editor_client.get(url("fa", quote("رویدادها"))).status_code == 200

    def test_an_address_another_category_has_in_the_language_is_refused(
        self, editor_client, environment
    ):
        response = editor_client.post(ADD_URL, {"name_fa": "زیست", "slug_fa": PERSIAN})
        errors = response.context["adminform"].form.errors
        assert errors["slug_fa"] == ["This address is already used in this language."]


class TestTagAddresses:
    def test_a_tag_labelled_only_in_persian_gets_a_persian_address(self, client, category):
        article = make_article(category, languages=["fa"])
        article.tags.add("نوروز")
        label_new_tags(article, ["fa"])
        tag = Tag.objects.get(name="نوروز")
        assert tag.label_fa == "نوروز" and tag.label_slug_fa == "نوروز"
        assert tag.languages == ["fa"]
        page = client.get(article.url_in("fa")).content.decode()
        assert f'href="{quote(url("fa", "نوروز", "articles/tag"))}" rel="tag"' in page
        assert client.get(url("fa", quote("نوروز"), "articles/tag")).status_code == 200

    def test_taggits_key_or_another_languages_address_leads_to_the_editions(self, client):
        tag = make_tag("rivers", languages=["en", "fa"])
        tag.label_slug_fa = "رودخانه‌ها".replace("\u200c", "")
        tag.save()
        response = client.get(url("fa", "rivers", "articles/tag"))
        assert response.status_code == 301
        assert response["Location"] == quote(url("fa", tag.label_slug_fa, "articles/tag"))
        assert client.get(response["Location"]).status_code == 200
        assert client.get(url("ar", "rivers", "articles/tag")).status_code == 404

    def test_the_tag_admin_suggests_each_languages_address_from_its_label(self, editor_client):
        add_url = "/admin/nejat/tag/add/"
        page = editor_client.get(add_url).content.decode()
        assert "#id_label_slug_fa" in html.unescape(page)
        data = {"name": "نوروز", "slug": "nowruz", "label_fa": "نوروز", "label_slug_fa": "نوروز"}
        assert editor_client.post(add_url, data).status_code == 302
        tag = Tag.objects.get(slug="nowruz")
        assert tag.label_slug_fa == "نوروز" and tag.languages == ["fa"]
