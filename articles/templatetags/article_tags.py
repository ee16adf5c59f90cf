from django import template
from django.utils.translation import get_language

from articles.models import Article, Category
from nejat.publishing import filled_in

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
def month_archive():
    return {"months": edition_articles().dates("publish_at", "month", order="DESC")}
