"""The redirects table: old addresses answer 301 when nothing else claims them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nejat.site.models import Redirect, redirect_path
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/nejat/redirect/add/"


class TestMiddleware:
    def test_a_missing_page_with_a_known_old_address_answers_301(self, client):
        Redirect.objects.create(old_path="/2018/08/06/old-title/", new_path="/en/about/")

        response = client.get("/2018/08/06/old-title/")

        assert response.status_code == 301 and response["Location"] == "/en/about/"

    def test_the_query_string_of_an_old_address_counts(self, client):
        Redirect.objects.create(old_path="/?p=123", new_path="/fa/articles/خبر/")

        response = client.get("/?p=123")
        assert response.status_code == 301
        assert response["Location"] == "/fa/articles/%D8%AE%D8%A8%D8%B1/"
        # Without its query the root still sends readers to their edition.
        assert client.get("/").status_code == 302

    def test_an_address_without_its_trailing_slash_or_percent_encoded_still_matches(self, client):
        Redirect.objects.create(old_path="/fa/1399/خبر/", new_path="/fa/")

        assert client.get("/fa/1399/خبر")["Location"] == "/fa/"
        assert client.get("/fa/1399/%D8%AE%D8%A8%D8%B1/")["Location"] == "/fa/"

    def test_a_page_that_exists_is_never_redirected(self, client, category):
        article = make_article(category, languages=["en"])
        Redirect.objects.create(old_path=article.url_in("en"), new_path="/en/")

        assert client.get(article.url_in("en")).status_code == 200

    def test_one_query_looks_the_address_up_and_only_for_a_missing_page(self, client):
        Redirect.objects.create(old_path="/old/", new_path="/en/")

        def lookups(path, status):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == status
            return [q["sql"] for q in queries if "nejat_redirect" in q["sql"]]

        assert len(lookups("/old/", 301)) == 1
        assert len(lookups("/en/articles/no-such-article/", 404)) == 1
        assert lookups("/en/", 200) == []


class TestAdmin:
    def test_editor_adds_a_redirect_given_as_a_full_old_address(self, editor_client):
        response = editor_client.post(
            ADD_URL,
            {"old_path": "https://old.example.org/2019/%D8%AE%D8%A8%D8%B1/", "new_path": "/fa/"},
        )
        assert response.status_code == 302
        assert Redirect.objects.get().old_path == "/2019/خبر/"

    @pytest.mark.parametrize(
        "old, new, field",
        [
            ("/same/", "/same/", "new_path"),
            ("/old/", "javascript:alert(1)", "new_path"),
            ("/old/", "not an address", "new_path"),
            ("", "/en/", "old_path"),
        ],
    )
    def test_bad_input_is_shown_again_with_an_error(self, editor_client, old, new, field):
        response = editor_client.post(ADD_URL, {"old_path": old, "new_path": new})

        assert response.status_code == 200
        assert field in response.context["adminform"].form.errors
        assert not Redirect.objects.exists()

    def test_the_same_old_address_twice_is_a_form_error(self, editor_client):
        Redirect.objects.create(old_path="/old/", new_path="/en/")
        response = editor_client.post(ADD_URL, {"old_path": "/old/", "new_path": "/fa/"})

        assert response.status_code == 200
        assert "already has a redirect on this host" in response.content.decode()
        # The same path of another old site is another address.
        other_host = {"old_host": "old-fa.example.org", "old_path": "/old/", "new_path": "/fa/"}
        assert editor_client.post(ADD_URL, other_host).status_code == 302

    def test_list_is_searchable(self, editor_client):
        Redirect.objects.create(old_path="/2018/08/06/tree-planting/", new_path="/en/")
        response = editor_client.get("/admin/nejat/redirect/?q=tree")
        assert response.status_code == 200 and "tree-planting" in response.content.decode()


@pytest.mark.parametrize(
    "address, path",
    [
        ("https://old.example.org/2018/08/06/slug/", "/2018/08/06/slug/"),
        ("https://old.example.org/?p=123", "/?p=123"),
        ("/%D8%AE%D8%A8%D8%B1/", "/خبر/"),
        ("https://old.example.org//greek/page/", "/greek/page/"),
    ],
)
def test_old_addresses_are_kept_as_decoded_paths(address, path):
    assert redirect_path(address) == path


def test_an_address_taken_down_on_purpose_answers_gone(db, client):
    Redirect.objects.create(old_path="/2019/secret-minutes/", new_path="")
    response = client.get("/2019/secret-minutes/")
    assert response.status_code == 410
    assert "No longer available" in response.content.decode()
