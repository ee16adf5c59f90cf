"""RSS 2.0 and Atom feeds of each edition's latest articles, for the whole edition
and for each category."""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.models import Article, Category
from nejat.images import fallback_extension, rendition_name, rendition_widths
from nejat.models import SiteSettings
from nejat.publishing import filled_in

FEED_LENGTH = 20
DC = "http://purl.org/dc/elements/1.1/"


class EditionRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose items also say their language (``dc:language``)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class EditionAtomFeed(Atom1Feed):
    """Atom whose entries also say their language (``xml:lang``)."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["language"]}


class ArticleFeed(Feed):
    """The edition's latest published articles, newest first."""

    feed_type = EditionRssFeed

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request; this request's copy may remember it.
        feed = copy.copy(self)
        feed.request = request
        feed.site = SiteSettings.current()
        return Feed.__call__(feed, request, *args, **kwargs)

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
        return Article.objects.published().in_language(get_language()).select_related("category")

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
        return article.byline or None

    def item_categories(self, article):
        return [article.category.name] if article.category.name else []

    def item_enclosure_url(self, article):
        if not article.image:
            return None
        return self.request.build_absolute_uri(article.image.storage.url(featured_image(article)))

    def item_enclosure_length(self, article):
        try:
            return article.image.storage.size(featured_image(article))
        except (OSError, NotImplementedError):
            return 0

    def item_enclosure_mime_type(self, article):
        return "image/png" if featured_image(article).endswith(".png") else "image/jpeg"

    def item_extra_kwargs(self, article):
        return {"language": get_language()}


def featured_image(article):
    """The name of the featured image's largest JPEG or PNG rendition."""
    name = article.image.name
    return rendition_name(name, rendition_widths(article.image_width)[-1], fallback_extension(name))


class ArticleAtomFeed(ArticleFeed):
    feed_type = EditionAtomFeed


class CategoryFeed(ArticleFeed):
    """The latest articles of one category, in the editions that name it."""

    def get_object(self, request, slug):
        named = Category.objects.filter(filled_in(get_language(), "name"))
        return get_object_or_404(named, slug=slug)

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
