"""Polylang and WPML exports: the translations of a post become one article."""

from datetime import UTC, datetime

import pytest

from articles.models import Article, Category, Comment
from nejat.publishing.tags import Tag
from nejat.site.models import Page
from tests.wordpress.conftest import POLYLANG, WPML, run_import

pytestmark = pytest.mark.django_db


class TestPolylang:
    def test_one_post_in_three_languages_is_one_article_with_those_languages(self, uploads):
        run_import(POLYLANG, uploads=uploads)

        article = Article.objects.get()
        assert article.languages == ["ar", "fa", "sq"]
        assert article.title_fa == "کتابخانه‌ی محله دوباره باز شد"
        assert article.title_ar == "مكتبة الحي تفتح أبوابها من جديد"
        assert article.title_sq == "Biblioteka e lagjes rihapet"
        assert article.slug_fa == "کتابخانه-محله"
        # The writer of the first translation imported is the author (with a page); the
        # writer of another, the translator of that language.
        assert [str(author) for author in article.authors.all()] == ["مریم کاظمی"]
        assert article.translator_sq == "Arta Hoxha" and not article.byline_fa
        assert article.summary_fa == "کتابخانه‌ی محله پس از تعمیر باز شد."
        assert article.status == "published"
        # The first publication (the Arabic one, in UTC) dates the article.
        assert article.publish_at == datetime(2021, 3, 1, 10, 0, tzinfo=UTC)
        assert article.created_at == datetime(2021, 3, 1, 10, 0, tzinfo=UTC)

    def test_category_and_tag_translations_become_one_category_and_one_tag(self, uploads):
        run_import(POLYLANG, uploads=uploads)

        category = Category.objects.get()
        assert (category.name_fa, category.name_ar, category.name_sq) == (
            "جامعه",
            "المجتمع",
            "Komuniteti",
        )
        # Each language's WordPress slug is the category's address in that language.
        assert (category.slug_fa, category.slug_ar, category.slug_sq) == (
            "جامعه",
            "community-ar",
            "komuniteti",
        )
        tag = Tag.objects.get()
        assert (tag.label_fa, tag.label_ar, tag.label_sq) == ("کتاب‌ها", "الكتب", "Librat")
        assert list(Article.objects.get().tags.all()) == [tag]

    def test_comments_keep_language_status_date_and_thread(self, uploads):
        run_import(POLYLANG, uploads=uploads)

        first, answer, reply_to_answer = Comment.objects.filter(language="fa").order_by("pk")
        assert first.status == "approved" and first.parent is None
        assert first.created_at == datetime(2021, 3, 3, 6, 30, tzinfo=UTC)
        assert answer.parent == first and reply_to_answer.parent == answer
        assert len(first.ip_hash) == 64
        pending = Comment.objects.get(language="ar")
        assert pending.status == "pending" and pending.text == "هل ستفتح المكتبة مساءً أيضًا؟"
        assert not Comment.objects.filter(email="spam@example.com").exists()

    def test_featured_image_is_copied_with_its_alt_text_and_caption(self, uploads):
        run_import(POLYLANG, uploads=uploads)

        image = Article.objects.get().image
        assert image.file.name.startswith("wordpress/") and image.width == 900
        assert image.alt_fa == "سالن مطالعه با قفسه‌های تازه"
        assert image.caption_fa == "سالن مطالعه‌ی تازه"
        assert image.file.storage.exists(image.file.name)

    def test_caption_shortcode_becomes_a_figure_with_the_copied_image(self, uploads):
        run_import(POLYLANG, uploads=uploads)

        body = Article.objects.get().body_fa
        assert "[caption" not in body
        copied = "/media/wordpress/polylangexampleorg/2021/03/reading-room.jpg"
        assert f'<figure><img src="{copied}" alt="سالن مطالعه"' in body
        assert "<figcaption>سالن مطالعه‌ی تازه</figcaption></figure>" in body
        assert body.startswith("<p>پس از دو ماه تعمیر")

    def test_a_missing_upload_is_reported_by_name_and_the_post_still_imported(self, uploads):
        output = run_import(POLYLANG, uploads=uploads)

        assert "Missing files (1)" in output
        assert "2021/03/missing-shelves.jpg" in output
        article = Article.objects.get()
        assert article.has_language("ar")
        # Its address still points at the old site, which may still serve it.
        assert "polylang.example.org/wp-content/uploads/2021/03/missing-shelves.jpg" in (
            article.body_ar
        )

    def test_each_edition_shows_its_translation_and_old_addresses_lead_there(self, client, uploads):
        run_import(POLYLANG, uploads=uploads)
        article = Article.objects.get()

        for language in ("fa", "ar", "sq"):
            response = client.get(article.url_in(language))
            assert response.status_code == 200
            assert getattr(article, f"title_{language}") in response.content.decode()
        assert client.get(f"/en/articles/{article.slug_sq}/").status_code == 404

        old = client.get("/sq/2021/03/03/biblioteka-e-lagjes-rihapet/")
        assert old.status_code == 301
        assert old["Location"] == "/sq/articles/biblioteka-e-lagjes-rihapet/"
        persian = client.get("/?p=101")
        assert persian.status_code == 301 and persian["Location"] == article.url_in("fa")


class TestWPML:
    def test_translations_are_found_by_their_group_whatever_their_order(self):
        output = run_import(WPML, time_zone="Asia/Tehran")

        water = Article.objects.get(slug_ar="miyah-nazifa")
        assert water.title_sq == "Ujë i pastër për shkollën e fshatit"
        assert water.publish_at == datetime(2022, 5, 10, 7, 0, tzinfo=UTC)
        # The Albanian translation is a draft: kept, but not in the Albanian edition.
        assert water.status == "published" and water.languages == ["ar"]
        assert "draft translation of a published post" in output
        # The published Arabic original decides the category, though it came second.
        assert water.category.slug_ar == "mashari"
        assert water.featured  # sticky in WordPress

    def test_a_draft_dated_only_in_local_time_is_read_in_the_given_time_zone(self):
        run_import(WPML, time_zone="Asia/Tehran")

        meeting = Article.objects.get(title_fa="نشست ماهانه‌ی داوطلبان")
        assert meeting.status == "draft"
        assert meeting.publish_at == datetime(2022, 6, 1, 13, 30, tzinfo=UTC)
        assert meeting.slug_fa == "نشست-ماهانهی-داوطلبان"

    def test_pages_become_one_site_page_in_both_languages(self, client):
        run_import(WPML)

        page = Page.objects.get()
        assert page.languages == ["ar", "sq"]
        assert client.get("/ar/man-nahnu/").status_code == 200
        assert client.get("/news/?page_id=311")["Location"] == "/sq/rreth-nesh/"

    def test_gallery_video_and_unknown_shortcodes(self):
        output = run_import(WPML)

        body = Article.objects.get(slug_ar="miyah-nazifa").body_ar
        assert body.count("<figure>") == 2
        assert 'alt="بئر ماء"' in body and "<figcaption>البئر بعد أسبوع من العمل" in body
        assert '<a href="https://wpml.example.org/news/wp-content/uploads/2022/05/well.mp4">' in (
            body
        )
        assert "[donate_button] in 1 items" in output
        assert "2022/05/well.mp4" in output  # missing: reported by name
