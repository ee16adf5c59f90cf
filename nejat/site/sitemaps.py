"""``/sitemap.xml`` and ``/robots.txt``: the machinery, and the site's pages; each
content app has a ``sitemaps`` module of its own.

The sitemap lists every published item once for each edition it exists in, with
``xhtml:link`` alternates naming exactly those editions and an ``x-default``;
once the site has more addresses than one sitemap may hold, ``/sitemap.xml``
becomes an index of one sitemap per section.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef, TextField
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from nejat.site.discovery import x_default
from nejat.site.models import Page


def editions():
    return [code for code, _name in settings.LANGUAGES]


class EditionsSitemap(Sitemap):
    """Addresses as (thing, language) pairs, each with the thing's other editions as
    alternates; subclasses say which things there are and in which languages."""

    def things(self):
        raise NotImplementedError

    def languages_of(self, thing):
        return editions()

    def url_of(self, thing, language):
        raise NotImplementedError

    def items(self):
        # The view asks more than once (to count and to list); fetch once per request.
        if not hasattr(self, "_pairs"):
            self._pairs = [
                (thing, language)
                for thing in self.things()
                for language in self.languages_of(thing)
            ]
        return self._pairs

    def location(self, pair):
        return self.url_of(*pair)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            thing, _language = url["item"]
            alternates = {
                code: origin + self.url_of(thing, code) for code in self.languages_of(thing)
            }
            url["alternates"] = [
                {"lang_code": code, "location": location} for code, location in alternates.items()
            ] + [{"lang_code": "x-default", "location": x_default(alternates)}]
        return urls


class SectionSitemap(EditionsSitemap):
    """Front pages (given by URL name), in every edition."""

    def __init__(self, url_names):
        self.url_names = url_names

    def things(self):
        return self.url_names

    def url_of(self, name, language):
        with translation.override(language):
            return reverse(name)


class EditionItemSitemap(EditionsSitemap):
    """The published items of one content type, in the editions each exists in."""

    model = None
    related = ()

    def things(self):
        model = self.model
        # Long texts are not needed here; which editions an item exists in is asked
        # of the database, one subquery per language, in the same query.
        long_texts = [f.name for f in model._meta.concrete_fields if isinstance(f, TextField)]
        in_edition = {
            f"in_{code}": Exists(model.objects.in_language(code).filter(pk=OuterRef("pk")))
            for code in editions()
        }
        return (
            model.objects.published()
            .select_related(*self.related)
            .defer(*long_texts)
            .annotate(**in_edition)
            .order_by("pk")
        )

    def languages_of(self, item):
        return [code for code in editions() if getattr(item, f"in_{code}")]

    def url_of(self, item, language):
        return item.url_in(language)

    def lastmod(self, pair):
        return pair[0].updated_at


class PageSitemap(EditionItemSitemap):
    model = Page


def sitemap(request, sitemaps):
    """One sitemap while it holds every address; past that, an index of sections.

    ``sitemaps`` maps section names to sitemap classes (the project's URLconf gathers
    them from the apps); each request gets fresh instances.
    """
    sections = {name: sitemap_class() for name, sitemap_class in sitemaps.items()}
    if sum(section.paginator.count for section in sections.values()) > EditionsSitemap.limit:
        return sitemap_views.index(request, sections, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sections)


def section_sitemap(request, section, sitemaps):
    return sitemap_views.sitemap(request, sitemaps, section=section)


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", f"Disallow: {reverse('admin:index')}"]
    for code in editions():
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
            lines.append(f"Disallow: {reverse('share', args=['x', 1, 'x'])[: -len('x/1/x/')]}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
