import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from articles.models import Article
from nejat.search import indexing, queries
from nejat.search.models import SearchEntry
from tests.factories import localized, make_article
from tests.media_library.factories import make_video
from tests.publications.factories import make_book, make_issue, make_periodical
from tests.search.conftest import postgresql_only
from tests.search.factories import make_text_article

pytestmark = pytest.mark.django_db


def found(query, language):
    return [(entry.kind, entry.object_id) for entry in queries.search(query, language)]


def article_key(article):
    return ("articles.article", article.pk)


class TestPersianAndArabicSpelling:
    @pytest.fixture
    def persian(self, category):
        return make_text_article(category, {"fa": "گزارشی درباره‌ی کتاب‌های ایرانی امروز"})

    @pytest.mark.parametrize(
        "query",
        [
            "كتاب",  # Arabic kaf and yeh
            "كتابهاي",  # Arabic letters, written joined
            "کتاب های",  # written apart
            "کتاب‌های ايراني",  # non-joiner, then Arabic yeh
            "كِتاب",  # with a diacritic
        ],
    )
    def test_persian_article_is_found_however_the_reader_spells_the_word(self, persian, query):
        assert found(query, "fa") == [article_key(persian)]

    def test_a_word_the_text_writes_apart_is_found_written_together(self, category):
        article = make_text_article(category, {"fa": "کتاب خانه‌ی مرکزی شهر"})
        assert found("کتابخانه", "fa") == [article_key(article)]

    def test_arabic_teh_marbuta_is_found_by_heh(self, category):
        article = make_text_article(category, {"ar": "افتتاح مدرسة جديدة في القرية"})
        assert found("مدرسه", "ar") == [article_key(article)]

    def test_arabic_hamza_forms_are_found_by_bare_alef(self, category):
        article = make_text_article(category, {"ar": "أطفال إسلام آمنون"})
        assert found("اطفال اسلام", "ar") == [article_key(article)]

    def test_persian_digits_find_latin_digits(self, category):
        article = make_text_article(category, {"fa": "گزارش سال 1397 منتشر شد"})
        assert found("۱۳۹۷", "fa") == [article_key(article)]

    def test_latin_digits_find_arabic_indic_digits(self, category):
        article = make_text_article(category, {"ar": "تقرير عام ١٣٩٧"})
        assert found("1397", "ar") == [article_key(article)]

    def test_albanian_is_found_without_its_accents(self, category):
        article = make_text_article(category, {"sq": "Përrallat e fëmijëve"})
        assert found("perrallat femijeve", "sq") == [article_key(article)]


class TestRanking:
    def test_a_title_match_ranks_above_a_body_only_match(self, category):
        in_body = make_text_article(category, {"en": "A report on rivers and wells."}, days_ago=1)
        in_title = make_text_article(
            category, {"en": "Wells of the valley"}, field="title", days_ago=5
        )
        assert found("wells", "en") == [article_key(in_title), article_key(in_body)]

    def test_a_summary_match_ranks_above_a_body_only_match(self, category):
        in_body = make_text_article(category, {"en": "Dry wells in summer."}, days_ago=1)
        in_summary = make_text_article(
            category, {"en": "Wells run dry."}, field="summary", days_ago=5
        )
        assert found("wells", "en") == [article_key(in_summary), article_key(in_body)]

    def test_equal_matches_come_newest_first(self, category):
        older = make_text_article(category, {"en": "Wells in spring."}, days_ago=9)
        newer = make_text_article(category, {"en": "Wells in autumn."}, days_ago=2)
        assert found("wells", "en") == [article_key(newer), article_key(older)]

    def test_every_word_of_the_query_must_match(self, category):
        both = make_text_article(category, {"en": "Clean water for the school."})
        make_text_article(category, {"en": "Clean streets."})
        assert found("clean school", "en") == [article_key(both)]


class TestWhatIsFound:
    def test_an_edition_finds_only_items_translated_into_its_language(self, category):
        make_text_article(category, {"en": "Rivers of the north"}, field="title")
        both = make_article(category, languages=("en", "fa"))
        assert found("داوطلبان", "fa") == [article_key(both)]
        assert found("rivers", "fa") == []

    def test_drafts_and_scheduled_items_are_not_found(self, category):
        make_text_article(category, {"en": "Hidden wells"}, status="draft")
        make_text_article(category, {"en": "Future wells"}, days_ago=-2)
        assert found("wells", "en") == []

    def test_an_unpublished_item_leaves_the_index(self, category):
        article = make_text_article(category, {"en": "Wells of the valley"})
        article.status = Article.Status.DRAFT
        article.save()
        assert found("wells", "en") == []

    def test_a_changed_item_is_found_by_its_new_words_only(self, category):
        article = make_text_article(category, {"en": "Wells of the valley"})
        article.body_en = "<p>Orchards of the valley</p>"
        article.save()
        assert found("wells", "en") == [] and found("orchards", "en") == [article_key(article)]

    def test_deleted_items_leave_the_index(self, category):
        one = make_text_article(category, {"en": "Wells one"})
        make_text_article(category, {"en": "Wells two"})
        make_text_article(category, {"en": "Wells three"})
        one.delete()
        assert len(found("wells", "en")) == 2
        Article.objects.filter(pk__in=[pk for _kind, pk in found("wells", "en")]).delete()
        assert not SearchEntry.objects.exists()

    def test_media_and_publications_are_found_with_their_kind(self, category):
        article = make_article(category, languages=("en",), title_en="Spring harvest stories")
        video = make_video(title_en="Spring harvest film")
        book = make_book(title_en="Spring harvest recipes")
        issue = make_issue(make_periodical(), title_en="Spring harvest issue")
        assert sorted(found("spring harvest", "en")) == sorted(
            [
                article_key(article),
                ("media_library.video", video.pk),
                ("publications.book", book.pk),
                ("publications.issue", issue.pk),
            ]
        )
        with translation.override("en"):
            kinds = {str(entry.kind_name) for entry in queries.search("harvest", "en")}
        assert kinds == {"article", "video", "book", "issue"}

    def test_the_entry_keeps_the_address_and_title_of_each_edition(self, category):
        article = make_article(category, languages=("en", "fa"))
        entries = {e.language: e for e in SearchEntry.objects.filter(object_id=article.pk)}
        assert set(entries) == {"en", "fa"}
        for language, entry in entries.items():
            with translation.override(language):
                assert entry.url == article.url_in(language)
            assert entry.title == getattr(article, localized("title", language))

    def test_rebuilding_the_index_gives_the_same_entries(self, category):
        make_article(category, languages=("en", "ar", "fa", "sq"))
        make_video(languages=("en", "fa"))
        make_text_article(category, {"en": "Draft"}, status="draft")
        before = sorted(SearchEntry.objects.values_list("kind", "object_id", "language", "url"))
        SearchEntry.objects.all().delete()
        output = io.StringIO()
        call_command("rebuild_search_index", stdout=output)
        assert "6 entries" in output.getvalue()
        after = sorted(SearchEntry.objects.values_list("kind", "object_id", "language", "url"))
        assert after == before and len(after) == 6
        assert found("داوطلبان", "fa")


class TestHostileQueries:
    @pytest.mark.parametrize(
        "query",
        ["", "   ", "!!! ؟ ، ...", "a" * 1000, "' OR 1=1 --", "a & !b | (c:* <-> d)", "\\'\"%_"],
    )
    def test_odd_queries_find_nothing_without_failing(self, category, query):
        # A title without digits: the factory's numbered titles would match "1" of "1=1".
        make_text_article(category, {"en": "Wells of the valley"}, field="title")
        assert found(query, "en") == []

    def test_a_long_query_is_cut_to_a_few_words_of_bounded_length(self):
        terms = queries.query_terms(" ".join(["word"] * 50) + " " + "x" * 500)
        assert len(terms) == queries.MAX_TERMS
        assert all(len(term) <= queries.MAX_TERM_LENGTH for term in queries.query_terms("x" * 500))


@postgresql_only
class TestPostgreSQL:
    def test_english_words_are_found_by_other_forms_of_the_same_word(self, category):
        article = make_text_article(category, {"en": "The report was published today."})
        assert found("publishing", "en") == [article_key(article)]
        other = make_text_article(category, {"en": "We are publishing the report."})
        assert found("published", "en") == [article_key(other), article_key(article)]

    def test_arabic_words_are_found_by_their_stem(self, category):
        article = make_text_article(category, {"ar": "يجتمع المعلمون في القرية"})
        assert found("معلمين", "ar") == [article_key(article)]

    def test_the_query_plan_uses_the_editions_index(self, category):
        paragraph = " ".join(f"جمله‌ی شماره‌ی {n} از گزارش درباره‌ی آب و باغ‌ها." for n in range(40))
        Article.objects.bulk_create(
            Article(
                category=category,
                status=Article.Status.PUBLISHED,
                title_fa=f"گزارش شماره‌ی {number}",
                slug_fa=f"report-{number}",
                body_fa=f"<p>{paragraph}</p><p>موضوع {number % 97}</p>",
            )
            for number in range(2000)
        )
        assert indexing.rebuild() == 2000
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE nejat_searchentry")
        plan = queries.search("کتاب", "fa").explain()
        assert "Bitmap Index Scan on nejat_search_vector_fa" in plan, plan
        assert "Seq Scan" not in plan, plan
