from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.encoding import uri_to_iri
from django.utils.html import format_html_join, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

from articles.models import Article, Category

register = template.Library()


def edition_articles():
    return Article.objects.published().in_language(get_language())


@register.inclusion_tag("includes/recent_posts.html")
def recent_posts(count=5):
    return {"articles": edition_articles().order_by("-publish_at", "-pk")[:count]}


@register.inclusion_tag("includes/category_list.html")
def category_list():
    return {"categories": Category.named_in(get_language()).order_by("name")}


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


@register.simple_tag
def author_links(authors):
    """The authors' names, each a link to their page, as one list (``By …``)."""
    # Translators: what separates the names of an article's authors ("Ana, Omar").
    separator = pgettext("between names", ", ")
    links = ((uri_to_iri(author.get_absolute_url()), author) for author in authors)
    return format_html_join(separator, '<a href="{}" rel="author">{}</a>', links)
