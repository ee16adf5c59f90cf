from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, MonthArchiveView
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Category
from nejat.edition_views import EditionDetailMixin, EditionListMixin
from nejat.editions import same_page_in
from nejat.models import Tag
from nejat.publishing import filled_in


class EditionArticlesMixin(EditionListMixin):
    model = Article
    list_related = ("category",)
    list_prefetch = ("tags",)


class ArticleListView(EditionArticlesMixin, ListView):
    pass


def languages_with(obj, field):
    return [
        code
        for code, _name in settings.LANGUAGES
        if getattr(obj, build_localized_fieldname(field, code))
    ]


class NamedGroupView(EditionArticlesMixin, ListView):
    """Articles of one category or tag; the page exists in the editions that name it."""

    group_model = None
    name_field = None
    article_lookup = None

    def get_queryset(self):
        named = self.group_model.objects.filter(filled_in(get_language(), self.name_field))
        self.group = get_object_or_404(named, slug=self.kwargs["slug"])
        return super().get_queryset().filter(**{self.article_lookup: self.group})

    def get_context_data(self, **kwargs):
        alternates = same_page_in(self.request, languages_with(self.group, self.name_field))
        return super().get_context_data(group=self.group, alternates=alternates, **kwargs)


class CategoryView(NamedGroupView):
    group_model, name_field, article_lookup = Category, "name", "category"
    template_name = "articles/category.html"


class TagView(NamedGroupView):
    group_model, name_field, article_lookup = Tag, "label", "tags"
    template_name = "articles/tag.html"


class ArticleMonthView(EditionArticlesMixin, MonthArchiveView):
    date_field = "publish_at"
    month_format = "%m"
    allow_empty = False
    template_name = "articles/month.html"


class ArticleDetailView(EditionDetailMixin, DetailView):
    model = Article
    detail_related = ("category",)
    detail_prefetch = ("tags",)

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            tags=[tag for tag in article.tags.all() if tag.label],
            structured_data=self.structured_data(article),
            **kwargs,
        )

    def structured_data(self, article):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.summary,
            "inLanguage": get_language(),
            "datePublished": article.publish_at.isoformat(),
            "dateModified": article.updated_at.isoformat(),
            "url": self.request.build_absolute_uri(article.get_absolute_url()),
            "articleSection": article.category.name,
        }
        if article.byline:
            data["author"] = {"@type": "Person", "name": article.byline}
        if article.image:
            data["image"] = self.request.build_absolute_uri(article.image.url)
        return data
