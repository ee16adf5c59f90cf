"""RSS 2.0 and Atom feeds of each edition's latest articles, for the whole edition
and for each category."""

import mimetypes

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from articles.models import Article, Author, Category
from nejat.site.feeds import FEED_LENGTH, EditionAtomFeed, EditionFeed


class ArticleFeed(EditionFeed):
    """The edition's latest published articles, newest first."""

    def title(self, obj):
        return self.author_name(obj)

    def link(self, obj):
        return reverse("home")

    def description(self, obj):
        return self.site.tagline or _(
            "News and advocacy from the Nejat association, in English, Arabic, Persian and "
            "Albanian."
        )

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self, obj):
        # Atom wants an author for entries whose article has no byline.
        return self.site.name or _("Nejat")

    def articles(self, obj):
        return (
            Article.objects.published()
            .in_language(get_language())
            .select_related("category", "image")
            .prefetch_related(Prefetch("authors", queryset=Author.objects.named()))
        )

    def items(self, obj):
        return self.articles(obj).order_by("-publish_at", "-pk")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary or Truncator(article.body).words(60, html=True)

    def item_link(self, article):
        return article.get_absolute_url()

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        names = pgettext("between names", ", ").join(map(str, article.authors.all()))
        return names or article.byline or None

    def item_categories(self, article):
        return [article.category.name] if article.category.name else []

    def item_enclosure_url(self, article):
        if not article.image:
            return None
        return self.request.build_absolute_uri(article.image.file.largest_url)

    def item_enclosure_length(self, article):
        image = article.image.file
        try:
            return image.storage.size(image.largest_name)
        except (OSError, NotImplementedError):
            return 0

    def item_enclosure_mime_type(self, article):
        return mimetypes.guess_type(article.image.file.largest_name)[0] or "image/jpeg"


class ArticleAtomFeed(ArticleFeed):
    feed_type = EditionAtomFeed


class CategoryFeed(ArticleFeed):
    """The latest articles of one category, in the editions that name it; the
    category's address in another language (or an old one) leads to this edition's."""

    url_name = "category_feed"

    def __call__(self, request, slug):
        category = Category.find(slug, get_language())
        if category is None:
            raise Http404
        if category.slug != slug:
            return redirect(self.url_name, slug=category.slug, permanent=True)
        return super().__call__(request, category=category)

    def get_object(self, request, category):
        return category

    def title(self, category):
        return f"{category.name} · {super().title(category)}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or category.name

    def articles(self, category):
        return super().articles(category).filter(category=category)


class CategoryAtomFeed(CategoryFeed):
    feed_type = EditionAtomFeed
    url_name = "category_feed_atom"
