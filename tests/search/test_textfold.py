import pytest

from nejat.search.textfold import fold, index_text, query_variants


class TestFold:
    @pytest.mark.parametrize(
        "typed, written",
        [
            ("كتاب", "کتاب"),  # Arabic kaf and yeh, Persian keheh
            ("يک", "یك"),  # Arabic yeh, Persian yeh
            ("مدرسه", "مدرسة"),  # heh, teh marbuta
            ("اسلامي", "إسلامى"),  # alef with hamza below, alef maksura
            ("امنه", "آمنة"),  # alef with madda
            ("مسوول", "مسؤول"),  # waw with hamza
            ("رييس", "رئيس"),  # yeh with hamza
            ("خانه", "خانۀ"),  # heh with yeh above
            ("مدرسه", "مَدْرَسَةٌ"),  # diacritics
            ("كتاب", "كــتـاب"),  # tatweel
            ("کتابها", "کتاب‌ها"),  # zero-width non-joiner
            ("1397", "۱۳۹۷"),  # Persian digits
            ("1397", "١٣٩٧"),  # Arabic-Indic digits
            ("perrallat", "Përrallat"),  # Albanian ë, capitals
            ("لا", "ﻻ"),  # presentation form
        ],
    )
    def test_variants_fold_to_the_same_text(self, typed, written):
        assert fold(typed) == fold(written)

    def test_words_are_separated_by_single_spaces_without_punctuation(self):
        assert fold("«کتاب‌های ایرانی»، ۱۳۹۷!  snake_case") == "كتابهاي ايراني 1397 snake case"

    def test_empty_text_folds_to_nothing(self):
        assert fold(None) == fold("") == fold("؟!…") == ""


class TestPersianWordsWrittenApart:
    def test_the_index_also_holds_neighbouring_persian_words_written_together(self):
        assert index_text("کتاب ها", "fa").split() == ["كتاب", "ها", "كتابها"]

    def test_other_languages_index_their_words_only(self):
        assert index_text("book shop", "en") == "book shop"

    def test_a_persian_query_also_reads_neighbouring_words_as_one(self):
        assert query_variants(["كتاب", "هاي", "نو"], "fa") == [
            ["كتاب", "هاي", "نو"],
            ["كتاب", "هاينو"],
            ["كتابهاي", "نو"],
        ]

    def test_numbers_are_not_joined_to_words(self):
        assert query_variants(["سال", "1397"], "fa") == [["سال", "1397"]]

    def test_other_languages_read_the_query_as_typed(self):
        assert query_variants(["book", "shop"], "en") == [["book", "shop"]]
