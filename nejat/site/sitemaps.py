"""``/sitemap.xml`` and ``/robots.txt``: the machinery, and the site's pages; each
content app has a ``sitemaps`` module of its own.

``/sitemap.xml`` is an index of sections, each in pages of at most a thousand
addresses: every published item once for each edition it exists in, with
``xhtml:link`` alternates naming exactly those editions and an ``x-default``.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Exists, Max, Min, OuterRef, TextField
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from nejat.site.discovery import x_default
from nejat.site.models import Page


def editions():
    return [code for code, _name in settings.LANGUAGES]


class EditionsSitemap(Sitemap):
    """Addresses of things, one for each edition a thing exists in, each with the
    thing's other editions as alternates; subclasses say which things there are and
    in which languages.

    A sitemap page holds at most ``limit`` addresses: the things are paged, not
    their addresses, so a page fetches and writes only its own things however many
    there are.
    """

    limit = 1000

    def things(self):
        raise NotImplementedError

    def count_things(self):
        return len(self.things())

    def things_on_page(self, start, stop):
        return self.things()[start:stop]

    def languages_of(self, thing):
        return editions()

    def url_of(self, thing, language):
        raise NotImplementedError

    def lastmod(self, thing):
        return None

    @cached_property
    def paginator(self):
        return Paginator(Things(self), max(1, self.limit // len(editions())))

    def get_urls(self, page=1, site=None, protocol=None):
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = []
        for thing in self.paginator.page(page).object_list:
            addresses = {
                code: origin + self.url_of(thing, code) for code in self.languages_of(thing)
            }
            alternates = [
                {"lang_code": code, "location": location} for code, location in addresses.items()
            ] + [{"lang_code": "x-default", "location": x_default(addresses)}]
            lastmod = self.lastmod(thing)
            urls += [
                {
                    "item": thing,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
                for location in addresses.values()
            ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


class Things:
    """A sitemap's things as its paginator sees them: counted, then fetched a page at
    a time."""

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        return self.sitemap.count_things()

    def __getitem__(self, page):
        return list(self.sitemap.things_on_page(page.start, page.stop))


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
    """The published items of one content type, in the editions each exists in.

    Pages are ranges of primary keys, not offsets into the list, so the last page of
    a twenty-year archive costs what the first does: "counting" is the span between
    the lowest and highest key (two index lookups), and a page whose items were
    deleted or unpublished holds fewer addresses, or none.
    """

    model = None
    related = ()

    def things(self):
        return self.model.objects.published().order_by("pk")

    @cached_property
    def key_span(self):
        span = self.things().aggregate(low=Min("pk"), high=Max("pk"))
        return span["low"], span["high"]

    def count_things(self):
        low, high = self.key_span
        return 0 if low is None else high - low + 1

    def things_on_page(self, start, stop):
        model = self.model
        # Long texts are not needed here; which editions an item exists in is asked
        # of the database, one subquery per language, in the same query.
        long_texts = [f.name for f in model._meta.concrete_fields if isinstance(f, TextField)]
        in_edition = {
            f"in_{code}": Exists(model.objects.in_language(code).filter(pk=OuterRef("pk")))
            for code in editions()
        }
        low, _high = self.key_span
        if low is None:
            return []
        return (
            self.things()
            .filter(pk__gte=low + start, pk__lt=low + stop)
            .select_related(*self.related)
            .defer(*long_texts)
            .annotate(**in_edition)
        )

    def languages_of(self, item):
        return [code for code in editions() if getattr(item, f"in_{code}")]

    def url_of(self, item, language):
        return item.url_in(language)

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(EditionItemSitemap):
    model = Page


def sitemap(request, sitemaps):
    """The index: each section's pages of at most a thousand addresses.

    ``sitemaps`` maps section names to sitemap classes (the project's URLconf gathers
    them from the apps); each request gets fresh instances.
    """
    sections = {name: sitemap_class() for name, sitemap_class in sitemaps.items()}
    return sitemap_views.index(request, sections, sitemap_url_name="sitemap_section")


def section_sitemap(request, section, sitemaps):
    return sitemap_views.sitemap(request, sitemaps, section=section)


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", f"Disallow: {reverse('admin:index')}"]
    for code in editions():
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
            # The share addresses only redirect to the networks.
            lines.append(f"Disallow: {reverse('share', args=['x', 1, 'x'])[: -len('x/1/x/')]}")
            lines.append(f"Disallow: {reverse('share_article', args=[1, 'x'])[: -len('1/x/')]}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
