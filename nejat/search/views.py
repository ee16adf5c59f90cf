"""The search page, ``/<lang>/search/?q=…``: results of the current edition only."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.generic import ListView

from nejat.search.highlighting import Highlighter
from nejat.search.queries import MAX_QUERY_LENGTH, MAX_TERMS, search


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)

    def clean_q(self):
        # Cut short rather than refused: readers paste whole sentences.
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]


# Results are kept a minute: a search is typed by few and changes with every new item.
@method_decorator(cache_control(max_age=60), name="dispatch")
class SearchView(ListView):
    template_name = "search/search.html"
    paginate_by = settings.NEJAT_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return search(self.query, get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.query, **kwargs)
        highlighter = Highlighter(self.query, get_language())
        for entry in context["object_list"]:
            entry.marked_title = highlighter.mark(entry.title)
            entry.snippet = highlighter.snippet(entry.text)
        words = self.query.split()
        context["single_words"] = words[:MAX_TERMS] if len(words) > 1 else []
        context["alternates"] = self.same_search_in_every_edition()
        context["search_limit"] = settings.NEJAT_SEARCH_LIMIT
        return context

    def same_search_in_every_edition(self):
        query_string = f"?{urlencode({'q': self.query})}" if self.query else ""
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = reverse("search") + query_string
        return urls
