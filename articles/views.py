from functools import partial

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView
from django.views.generic.edit import FormMixin

from articles.forms import CommentForm
from articles.models import Article, Author, Category, Comment, Source
from nejat.caching.items import KeptItemMixin
from nejat.publishing.editions import same_page_in
from nejat.publishing.languages import filled_in, languages_with
from nejat.publishing.tags import Tag
from nejat.publishing.views import (
    EditionAddressMixin,
    EditionDetailMixin,
    EditionListMixin,
    EditionMonthMixin,
)
from nejat.site.antispam import ip_hash, over_limit, public_form, too_many_posts
from nejat.site.notices import notify_staff


class EditionArticlesMixin(EditionListMixin):
    model = Article
    list_related = ("category", "image")
    keyset = True
    kept_cards = True

    def shown(self, items):
        return super().shown(items).annotate(comment_count=approved_comment_count())


def approved_comment_count():
    """Each article's number of approved comments, counted for the rows of the page only
    (a join and GROUP BY would count them for every article before the page is cut)."""
    approved = (
        Comment.objects.approved()
        .in_language(get_language())
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(approved), 0)


class CommentThreads:
    """An article's approved comments, fetched only when the page shows them: not
    when its comments are a fragment kept from an earlier request."""

    def __init__(self, article):
        self.article = article

    @cached_property
    def _loaded(self):
        return comment_threads(self.article)

    def __iter__(self):
        return iter(self._loaded[0])

    def __bool__(self):
        return bool(self._loaded[0])

    @property
    def total(self):
        return self._loaded[1]


def comment_threads(article):
    """The edition's approved top-level comments, each with every approved reply in its
    thread, however deep (the page shows one level), and their number: one query. A
    reply to a comment not shown is not shown either."""
    approved = list(article.comments.approved().in_language(get_language()))
    by_id = {comment.pk: comment for comment in approved}
    threads, replies = [], {}
    for comment in approved:
        top, seen = comment, {comment.pk}
        while top.parent_id in by_id and top.parent_id not in seen:
            seen.add(top.parent_id)
            top = by_id[top.parent_id]
        if top.parent_id is None:
            if top is comment:
                threads.append(comment)
            else:
                replies.setdefault(top.pk, []).append(comment)
    for comment in threads:
        comment.thread_replies = replies.get(comment.pk, [])
    return threads, len(approved)


class ArticleListView(EditionArticlesMixin, ListView):
    pass


class HomeView(ArticleListView):
    """The latest articles; on the first page the featured ones are pinned above them,
    in place of as many of the latest (a front page of ten)."""

    template_name = "articles/home.html"
    featured_shown = 3

    def get_queryset(self):
        return super().get_queryset().filter(featured=False)

    @cached_property
    def featured_pks(self):
        featured = super().get_queryset().filter(featured=True).values_list("pk", flat=True)
        return list(featured[: self.featured_shown])

    def first_page_size(self, page_size):
        return page_size - len(self.featured_pks)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.on_first_page:
            context["featured"] = self.cards.of(self.featured_pks)
        return context


class NamedGroupView(EditionArticlesMixin, ListView):
    """Articles of one category or tag; the page exists in the editions that name it."""

    group_model = None
    name_field = None
    article_lookup = None

    def named_groups(self):
        return self.group_model.objects.filter(filled_in(get_language(), self.name_field))

    def editions(self):
        return languages_with(self.group, self.name_field)

    def get_group(self):
        return get_object_or_404(self.named_groups(), slug=self.kwargs["slug"])

    def alternates(self):
        return same_page_in(self.request, self.editions())

    def get_queryset(self):
        self.group = self.get_group()
        return super().get_queryset().filter(**{self.article_lookup: self.group})

    def get_context_data(self, **kwargs):
        alternates = self.alternates()
        return super().get_context_data(group=self.group, alternates=alternates, **kwargs)


class CategoryView(EditionAddressMixin, NamedGroupView):
    group_model, article_lookup = Category, "category"
    template_name = "articles/category.html"


class TagView(EditionAddressMixin, NamedGroupView):
    group_model, article_lookup = Tag, "tags"
    template_name = "articles/tag.html"


class CreditView(NamedGroupView):
    """Articles of one author or source. A name reads the same in every edition, so the
    page exists in each of them once it has a name in one language; an edition without
    their articles says so."""

    name_field = "name"

    def named_groups(self):
        return self.group_model.objects.named()

    def editions(self):
        return None


class AuthorView(CreditView):
    group_model, article_lookup = Author, "authors"
    template_name = "articles/author.html"


class SourceView(CreditView):
    group_model, article_lookup = Source, "source"
    template_name = "articles/source.html"


class ArticleMonthView(EditionMonthMixin, EditionArticlesMixin, MonthArchiveView):
    template_name = "articles/month.html"


class ArchiveView(TemplateView):
    """Every month of the edition's archive, by year."""

    template_name = "articles/archive.html"

    def get_context_data(self, **kwargs):
        months = Article.objects.published().in_language(get_language()).months()
        years = {}
        for month in months:
            years.setdefault(month.year, []).append(month)
        return super().get_context_data(years=list(years.items()), **kwargs)


@method_decorator(public_form, name="dispatch")
class ArticleDetailView(KeptItemMixin, EditionDetailMixin, FormMixin, DetailView):
    """The article, its approved comments and the form to add one (which waits for moderation)."""

    model = Article
    detail_related = ("category", "source", "image")
    form_class = CommentForm
    http_method_names = ["get", "head", "post"]

    def get_context_data(self, **kwargs):
        article = self.object
        authors = SimpleLazyObject(lambda: list(article.authors.named()))
        return super().get_context_data(
            # All shown in fragments that are usually kept: fetched only if not.
            tags=SimpleLazyObject(lambda: list(Tag.objects.labelled_on(article))),
            authors=authors,
            comments=CommentThreads(article),
            structured_data=partial(self.structured_data, article, authors),
            **kwargs,
        )

    def get_initial(self):
        return {"parent": self.request.GET.get("replyto", "")}

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.is_published:
            raise Http404
        if not self.object.comments_open:
            context = {"article": self.object}
            return render(request, "articles/comments_closed.html", context, status=403)
        if over_limit(request, "comment", settings.NEJAT_COMMENT_LIMIT_PER_HOUR):
            return too_many_posts(request)
        form = self.get_form()
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=form.refusal_status)

    @transaction.atomic
    def form_valid(self, form):
        article = self.object
        shown = article.comments.approved().in_language(get_language())
        replying_to = shown.filter(pk=form.cleaned_data["parent"]).first()
        comment = article.comments.create(
            # Replies stay one level deep: a reply to a reply joins its thread.
            parent=(replying_to.parent or replying_to) if replying_to else None,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            text=form.cleaned_data["text"],
            language=get_language(),
            ip_hash=ip_hash(self.request),
        )
        notify_staff("comment", {"comment": comment, "article": article}, about=comment)
        messages.success(
            self.request, _("Thank you. Your comment will appear once an editor approves it.")
        )
        return redirect(f"{article.get_absolute_url()}#comments")

    def structured_data(self, article, authors):
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
        if authors:
            data["author"] = [
                {
                    "@type": "Person",
                    "name": str(author),
                    "url": self.request.build_absolute_uri(author.get_absolute_url()),
                }
                for author in authors
            ]
        elif article.byline:
            data["author"] = {"@type": "Person", "name": article.byline}
        if article.image:
            data["image"] = self.request.build_absolute_uri(article.image.file.url)
        return data
