import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage
from tests.factories import make_article, make_library_image

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
LIBRARY_ADD_URL = "/admin/nejat_media/libraryimage/add/"


def article_form(category, **overrides):
    data = {
        "title_en": "Library opens on Sundays",
        "slug_en": "library-opens-on-sundays",
        "summary_en": "Readers asked for it.",
        "body_en": "<p>The reading room now opens every Sunday.</p>",
        "category": category.pk,
        "tags": "libraries, books",
        "status": "published",
        "publish_at_0": "2026-01-10",
        "publish_at_1": "09:00:00",
    }
    data.update(overrides)
    return data


def library_form(**overrides):
    return {"title": "Reading room on Sunday", "focal_x": 50, "focal_y": 50, **overrides}


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_bytes(size):
    buffer = io.BytesIO()
    Image.new("L", size).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def form_errors(response):
    assert response.status_code == 200, "the form should be shown again, not a redirect or 500"
    return response.context["adminform"].form.errors


class TestArticleAdmin:
    def test_editor_adds_an_article_and_authorship_is_recorded(
        self, editor_client, editor, category
    ):
        image = make_library_image(abstract_picture(3), alt_en="Green circles")
        data = article_form(category, image=image.pk)
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get(slug_en="library-opens-on-sundays")
        assert article.created_by == editor and article.updated_by == editor
        assert sorted(article.tags.names()) == ["books", "libraries"]
        assert article.languages == ["en"]
        assert article.image == image and article.image.width == 1200

    def test_body_is_sanitised_when_saved_through_the_admin(self, editor_client, category):
        dirty = (
            '<p onclick="steal()">Hello<script>alert(1)</script></p>'
            '<img src="/x.png" onerror="alert(2)"><a href="javascript:alert(3)">link</a>'
            '<a href="https://example.org/">safe</a>'
        )
        response = editor_client.post(ADD_URL, article_form(category, body_en=dirty))
        assert response.status_code == 302, form_errors(response)
        body = Article.objects.get().body_en
        for forbidden in ("<script", "onclick", "onerror", "javascript:", "alert"):
            assert forbidden not in body
        assert '<a href="https://example.org/">safe</a>' in body

    def test_body_is_sanitised_whatever_path_saves_it(self, category):
        article = make_article(category, body_en="<p>ok</p><script>alert(1)</script>")
        article.refresh_from_db()
        assert article.body_en == "<p>ok</p>"

    def test_duplicate_slug_in_one_language_is_a_form_error_that_keeps_the_input(
        self, editor_client, category
    ):
        make_article(category, languages=["en"]).__class__.objects.update(slug_en="taken")
        response = editor_client.post(ADD_URL, article_form(category, slug_en="taken"))
        errors = form_errors(response)
        assert "slug_en" in errors
        assert "Library opens on Sundays" in response.content.decode()

    def test_same_slug_in_another_language_is_allowed(self, editor_client, category):
        make_article(category, languages=["en"]).__class__.objects.update(slug_en="shared")
        data = article_form(category, title_fa="کتابخانه", slug_fa="shared", body_fa="<p>متن</p>")
        data["slug_en"] = "something-else"
        assert editor_client.post(ADD_URL, data).status_code == 302

    def test_published_article_needs_one_complete_language(self, editor_client, category):
        data = article_form(category, body_en="")
        errors = form_errors(editor_client.post(ADD_URL, data))
        assert "__all__" in errors

    def test_changelist_filters_by_missing_language_and_status(self, editor_client, category):
        persian = make_article(category, languages=["fa"])
        english = make_article(category, languages=["en"])
        response = editor_client.get("/admin/articles/article/?missing=fa")
        assert response.status_code == 200
        shown = list(response.context["cl"].result_list)
        assert english in shown and persian not in shown
        assert editor_client.get("/admin/articles/article/?status=draft&q=river").status_code == 200

    def test_add_form_offers_language_tabs_and_the_shipped_editor(self, editor_client, category):
        html = editor_client.get(ADD_URL).content.decode()
        assert "vendor/jquery-ui/jquery-ui.min.js" in html
        assert "django_prose_editor" in html
        for language in ("en", "ar", "fa", "sq"):
            assert f'name="title_{language}"' in html


class TestBadUploads:
    """Pictures are uploaded into the image library, which checks them by content."""

    @pytest.mark.parametrize(
        "name, content",
        [
            ("photo.jpg", b"%PDF-1.4 this is not a picture at all"),
            ("photo.png", b"just some text pretending to be a png"),
            ("empty.jpg", b""),
        ],
    )
    def test_file_that_is_not_an_image_is_refused_whatever_its_name(
        self, editor_client, name, content
    ):
        response = editor_client.post(LIBRARY_ADD_URL, library_form(file=upload(name, content)))
        errors = form_errors(response)
        assert "file" in errors
        assert LibraryImage.objects.count() == 0
        assert "Reading room on Sunday" in response.content.decode()

    def test_truncated_image_is_refused(self, editor_client):
        whole = abstract_picture(5).read()
        response = editor_client.post(
            LIBRARY_ADD_URL, library_form(file=upload("cut.jpg", whole[: len(whole) // 2]))
        )
        assert "damaged or incomplete" in str(form_errors(response)["file"])

    def test_image_over_the_pixel_limit_is_refused_before_decoding(self, editor_client, settings):
        settings.NEJAT_MAX_IMAGE_PIXELS = 1_000_000
        bomb = png_bytes((5000, 5000))  # 25 megapixels in a few kilobytes
        assert len(bomb) < 100_000
        response = editor_client.post(
            LIBRARY_ADD_URL, library_form(file=upload("bomb.png", bomb, "image/png"))
        )
        assert "too large" in str(form_errors(response)["file"])

    def test_decompression_bomb_far_over_pillows_limit_is_refused(self, editor_client, settings):
        settings.NEJAT_MAX_IMAGE_PIXELS = 1_000_000
        bomb = png_bytes((12000, 12000))
        response = editor_client.post(
            LIBRARY_ADD_URL, library_form(file=upload("bomb.png", bomb, "image/png"))
        )
        assert "too large" in str(form_errors(response)["file"])

    def test_error_is_translated(self, client, editor):
        client.force_login(editor)
        response = client.post(
            LIBRARY_ADD_URL,
            library_form(file=upload("x.jpg", b"not an image")),
            HTTP_ACCEPT_LANGUAGE="fa",
        )
        message = str(form_errors(response)["file"])
        assert "JPEG" in message and "Upload a JPEG" not in message


def test_article_in_persian_only_is_saved_through_the_admin(editor_client, category):
    data = article_form(
        category, title_fa="کتاب‌خوانی در روستا", slug_fa="کتاب-خوانی", body_fa="<p>متن</p>"
    )
    for field in ("title_en", "slug_en", "summary_en", "body_en"):
        data[field] = ""
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, form_errors(response)
    assert Article.objects.get().languages == ["fa"]


class TestTagsTypedOnTheForm:
    def test_a_tag_typed_in_persian_is_labelled_in_persian_and_shown_on_fa(
        self, editor_client, category, client
    ):
        data = article_form(
            category,
            title_fa="کتابخانه یکشنبه‌ها باز است",
            slug_fa="کتابخانه-یکشنبه",
            body_fa="<p>تالار مطالعه اکنون یکشنبه‌ها باز است.</p>",
            tags="کتاب, libraries",
        )
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get(slug_en="library-opens-on-sundays")
        persian = article.tags.get(name="کتاب")
        english = article.tags.get(name="libraries")
        assert (persian.label_fa, persian.label_en) == ("کتاب", None)
        assert (english.label_en, english.label_fa) == ("libraries", None)
        page = client.get(article.url_in("fa")).content.decode()
        assert 'rel="tag">کتاب</a>' in page and ">libraries<" not in page

    def test_a_tag_labelled_already_keeps_its_labels(self, editor_client, category):
        from nejat.publishing.tags import Tag

        Tag.objects.create(name="books", slug="books", label_en="Books", label_fa="کتاب‌ها")
        response = editor_client.post(ADD_URL, article_form(category, tags="books"))
        assert response.status_code == 302, form_errors(response)
        tag = Tag.objects.get(name="books")
        assert (tag.label_en, tag.label_fa) == ("Books", "کتاب‌ها")


class TestSearchSpellings:
    def test_persian_and_arabic_spellings_find_the_same_articles(self, editor_client, category):
        persian = make_article(category, languages=("fa",), title_fa="کتابخانه‌ی روستا")
        arabic = make_article(category, languages=("ar",), title_ar="مكتبة كتابخانه قديمة")
        for query in ("کتابخانه", "كتابخانه"):
            response = editor_client.get("/admin/articles/article/", {"q": query})
            found = {item.pk for item in response.context["cl"].result_list}
            assert found == {persian.pk, arabic.pk}, query
