from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.models import Article, Category
from nejat.publishing.languages import filled_in

register = template.Library()


def edition_articles():
    return Article.objects.published().in_language(get_language())


@register.inclusion_tag("includes/recent_posts.html")
def recent_posts(count=5):
    return {"articles": edition_articles().order_by("-publish_at", "-pk")[:count]}


@register.inclusion_tag("includes/category_list.html")
def category_list():
    named = Category.objects.filter(filled_in(get_language(), "name"))
    return {"categories": named.order_by("name")}


@register.inclusion_tag("includes/month_archive.html")
def month_archive(count=12):
    """The latest months, and whether there are older ones (the archive page lists all)."""
    months = edition_articles().months(limit=count + 1)
    return {"months": months[:count], "more": len(months) > count}


@register.filter
def comment_text(text):
    """Plain text as typed: escaped, line breaks kept, addresses made into safe links."""
    linked = urlize(text, nofollow=False, autoescape=True)
    linked = linked.replace("<a href=", '<a rel="nofollow ugc noopener" href=')
    # Safe: escaped by urlize.
    return mark_safe(linebreaksbr(linked, autoescape=False))  # nosec B308 B703
