"""The admin's search finds Persian and Arabic spellings of the same word alike
(کتابخانه and كتابخانه), as the public search does."""

from nejat.search.textfold import spelling_variants


class SpellingVariantsSearchMixin:
    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        for variant in spelling_variants(search_term)[1:]:
            more, more_duplicates = super().get_search_results(request, queryset, variant)
            results, may_have_duplicates = results | more, may_have_duplicates or more_duplicates
        return results, may_have_duplicates
