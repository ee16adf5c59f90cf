import pytest

from articles.models import Article
from media_library.models import Photo
from nejat.editorial import roles
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article
from tests.media_library.factories import make_album

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(category, other_author):
    return make_article(category, languages=["en"], status="published", created_by=other_author)


class TestTranslators:
    def test_persian_translator_changes_the_persian_title_but_not_the_english_one(
        self, client_for, persian_translator, article
    ):
        client = client_for(persian_translator)
        english_title = article.title_en
        data = form_data(client.get(change_url(article)))
        data.update(
            title_en="An English title the translator must not set",
            title_fa="عنوان فارسی تازه",
            slug_fa="unvan-farsi",
            body_fa="<p>متن فارسی</p>",
        )
        response = client.post(change_url(article), data)
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title_en == english_title
        assert article.title_fa == "عنوان فارسی تازه"
        assert article.written_languages == ["en", "fa"]
        assert article.updated_by == persian_translator

    def test_fields_shared_by_every_language_are_read_only_for_translators(
        self, client_for, persian_translator, article, category
    ):
        client = client_for(persian_translator)
        page = client.get(change_url(article))
        form = page.context["adminform"].form
        for shared in ("status", "publish_at", "category", "tags", "image", "comments_open"):
            assert shared not in form.fields
        assert form.fields["title_en"].disabled and form.fields["body_ar"].disabled
        assert not form.fields["title_fa"].disabled
        assert "You translate into Persian" in page.content.decode()
        data = form_data(page)
        data.update(status="draft", comments_open="", title_fa="عنوان")
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.status == "published" and article.comments_open

    def test_a_translators_save_records_the_time_of_their_language_only(
        self, client_for, persian_translator, article
    ):
        client = client_for(persian_translator)
        data = form_data(client.get(change_url(article)))
        data.update(title_fa="عنوان", slug_fa="unvan", body_fa="<p>متن</p>")
        client.post(change_url(article), data)
        article.refresh_from_db()
        assert set(article.translated_at) == {"en", "fa"}
        assert article.translated_at["en"] == article.created_at.isoformat()

    def test_translator_without_a_language_only_reads(self, make_member, client_for, article):
        client = client_for(make_member("no-language", roles.TRANSLATOR))
        page = client.get(change_url(article))
        assert page.status_code == 200 and not page.context["has_change_permission"]
        assert client.post(change_url(article), {"title_fa": "عنوان"}).status_code == 403

    def test_translators_cannot_add_or_delete(self, client_for, persian_translator, article):
        client = client_for(persian_translator)
        assert client.get("/admin/articles/article/add/").status_code == 403
        delete_url = f"/admin/articles/article/{article.pk}/delete/"
        assert client.post(delete_url, {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=article.pk).exists()

    def test_translator_translates_photo_captions_but_cannot_touch_the_photos(
        self, client_for, persian_translator
    ):
        album = make_album(languages=["en"], photos=2)
        photo = album.photos.first()
        client = client_for(persian_translator)
        page = client.get(change_url(album))
        data = form_data(page)
        prefix = page.context["inline_admin_formsets"][0].formset.prefix
        data.update({f"{prefix}-0-order": "99", f"{prefix}-0-DELETE": "on"})
        assert client.post(change_url(album), data).status_code == 302
        assert Photo.objects.filter(album=album).count() == 2
        photo.refresh_from_db()
        assert photo.order != 99

        # The words belong to the picture, in the image library.
        image = photo.image
        page = client.get(change_url(image))
        assert page.status_code == 200
        data = form_data(page)
        data.update(caption_fa="شرح عکس", caption_en="Changed by the translator", focal_x="5")
        response = client.post(change_url(image), data)
        assert response.status_code == 302
        image.refresh_from_db()
        assert image.caption_fa == "شرح عکس"
        assert image.caption_en != "Changed by the translator" and image.focal_x == 50
        assert client.get(f"/admin/nejat_media/libraryimage/{image.pk}/delete/").status_code == 403
