"""View mixins every content section shares: what an edition lists and opens."""

import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from nejat.publishing.calendars import GREGORIAN, GREGORIAN_YEARS_FROM, JALALI, calendar_of
from nejat.publishing.cards import Cards
from nejat.publishing.editions import page_path, same_page_in
from nejat.publishing.languages import in_every_language, other_languages_fields
from nejat.publishing.models import sees_unpublished
from nejat.publishing.pagination import keyset_page, numbered_links


class EditionListMixin:
    """Published items of the current edition, a page at a time.

    ``model`` must use ``PublishableQuerySet``; ``list_related`` and
    ``list_prefetch`` keep the query count fixed however many items a page shows.
    With ``keyset``, pages follow the newest-first order by their first or last item
    (``pagination``), so the deepest page costs what the first does. With
    ``kept_cards`` (a template that keeps each item's card), the page asks only for
    the pks of its items, and ``shown()`` fetches the items for cards made afresh.
    """

    paginate_by = settings.NEJAT_PAGE_SIZE
    list_related = ()
    list_prefetch = ()
    ordering = ("-publish_at", "-pk")
    keyset = False
    kept_cards = False

    def paginate_queryset(self, queryset, page_size):
        if self.kept_cards:
            queryset = queryset.values_list("pk", flat=True)
        if self.keyset:
            first_size = None if self.request.GET.get("older") else self.first_page_size(page_size)
            page = keyset_page(queryset, self.request.GET, page_size, first_size)
            self.pagination_links = (page.newer, page.older)
            self.on_first_page = page.first
            paginator, is_paginated = None, bool(page.newer or page.older)
        else:
            paginator, page, _items, is_paginated = super().paginate_queryset(queryset, page_size)
            self.pagination_links = numbered_links(page, self.request.path)
            self.on_first_page = page.number == 1
        if self.kept_cards:
            page.object_list = self.cards.of(page.object_list)
        return paginator, page, page.object_list, is_paginated

    def first_page_size(self, page_size):
        """How many items the first page lists (a view may show others above them)."""
        return page_size

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        newer, older = getattr(self, "pagination_links", (None, None))
        return {**context, "pagination": {"newer": newer, "older": older}}

    def get_queryset(self):
        items = self.model.objects.published().in_language(get_language()).order_by(*self.ordering)
        return items if self.kept_cards else self.shown(items)

    def shown(self, items):
        """``items`` with what a page shows of each: the edition's columns, relations."""
        return (
            items.defer(*other_languages_fields(self.model, get_language()))
            .select_related(*self.list_related)
            .prefetch_related(*self.list_prefetch)
        )

    @cached_property
    def cards(self):
        return Cards(lambda: self.shown(self.model.objects.all()))


class NotInThisEdition(Http404):
    """The item exists, but not in the edition asked for: the 404 names where it is."""

    def __init__(self, editions):
        super().__init__()
        self.editions = editions


class EditionDetailMixin:
    """One item of the current edition, found by its slug in that language (or its pk).

    Staff also see unpublished items (preview); other readers get 404 for them. What
    staff are shown may be a preview, so no cache ever keeps it. The Editions switcher
    offers only the languages the item exists in.
    """

    detail_related = ()
    detail_prefetch = ()

    def get_object(self, queryset=None):
        item = self.fetch()
        if item is None:
            raise NotInThisEdition(self.other_editions())
        return item

    def address(self):
        """The lookup of the items this address names in the edition (its pk, or its
        slug in the edition's language), whoever may see them."""
        if "pk" in self.kwargs:
            return {"pk": self.kwargs["pk"]}
        return {build_localized_fieldname("slug", get_language()): self.kwargs["slug"]}

    def fetch(self):
        """The first item the address names that this visitor may open in the edition,
        with what its page shows; None if there is none."""
        language = get_language()
        items = self.model.objects.filter(**self.address()).visible_to(self.request.user)
        # Staff preview a translation kept from readers too.
        if self.may_preview():
            items = items.written_in(language)
        else:
            items = items.in_language(language)
        items = items.select_related(*self.detail_related).prefetch_related(*self.detail_prefetch)
        return items.first()

    def other_editions(self):
        """The addresses of the item this address names, in the editions it exists in:
        by its pk, or by its slug in any language (an English slug under /fa/)."""
        if "pk" in self.kwargs:
            named = Q(pk=self.kwargs["pk"])
        else:
            slug = self.kwargs["slug"]
            named = reduce(or_, (Q(**{field: slug}) for field in in_every_language("slug")))
        item = self.model.objects.visible_to(self.request.user).filter(named).first()
        return item.edition_urls() if item is not None else {}

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except NotInThisEdition as missing:
            if not missing.editions:
                raise
            context = {"editions": missing.editions, "alternates": missing.editions}
            return render(request, "not_in_this_edition.html", context, status=404)
        if self.may_preview():
            add_never_cache_headers(response)
        return response

    def may_preview(self):
        """Whether the visitor is staff who may see this kind of item unpublished: what
        they are shown may be a preview, never kept or cached."""
        return sees_unpublished(self.request.user, self.model)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            alternates=self.alternates(), preview=self.preview(), **kwargs
        )

    def alternates(self):
        return self.object.edition_urls()

    def preview(self):
        """For an unpublished item: its state and where staff edit it (the preview banner)."""
        item = self.object
        language = get_language()
        held = language in item.held_languages
        waits = not held and item.is_published and item.is_scheduled_in(language)
        if item.is_published and not held and not waits:
            return None
        opts = item._meta
        try:
            edit_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            edit_url = None
        return {
            "status": item.status,
            "scheduled_for": item.publish_time_in(language)
            if item.is_scheduled_in(language)
            else None,
            "state": (
                _("kept from readers in this edition")
                if held
                else _("scheduled in this edition")
                if waits
                else item.get_status_display()
            ),
            "edit_url": edit_url,
        }


class EditionAddressMixin:
    """A page of an ``AddressInEachEdition`` item (a category, a tag), found by the
    item's address in the edition. The item's address in another language, or an old
    one, leads there for good (301); an edition that does not name it has no page.
    The item is ``self.group``."""

    group_model = None

    def get(self, request, *args, **kwargs):
        language = get_language()
        self.group = self.group_model.find(self.kwargs["slug"], language)
        if self.group is None:
            raise Http404
        if self.group.slug_in(language) != self.kwargs["slug"]:
            query = request.GET.urlencode()
            url = self.group.get_absolute_url()
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return super().get(request, *args, **kwargs)

    def get_group(self):
        return self.group

    def alternates(self):
        """The page in each edition that names the item, at its address there."""
        query = page_path(self.request).removeprefix(self.request.path)
        return {code: self.group.url_in(code) + query for code in self.group.languages}


class EditionMonthMixin:
    """A month of the edition's archive (with ``MonthArchiveView`` and
    ``EditionListMixin``), as the edition counts months (``calendars``): its items,
    looked up as a range of publish times, and the nearest earlier and later months
    that have any.

    On the Persian edition a Gregorian year is an old address: it leads for good to
    the Solar Hijri month of that Gregorian month's first item, the one holding its
    1st unless all its items came after the turn of the Solar Hijri month.
    """

    date_field = "publish_at"

    def get(self, request, *args, **kwargs):
        self.calendar = calendar_of()
        year, number = self.kwargs["year"], self.kwargs["month"]
        try:
            if self.calendar is JALALI and year >= GREGORIAN_YEARS_FROM:
                return self.redirect_from_gregorian(datetime.date(year, number, 1))
            self.month = self.calendar.month(year, number)
            self.since, self.until = self.calendar.bounds(self.month)
        except (ValueError, OverflowError):
            raise Http404 from None
        return super().get(request, *args, **kwargs)

    def get_dated_items(self):
        items = self.get_dated_queryset(publish_at__gte=self.since, publish_at__lt=self.until)
        edition = self.get_queryset()
        return (
            None,
            items,
            {
                "month": self.month,
                "previous_month": self.first_month(
                    edition.filter(publish_at__lt=self.since).order_by("-publish_at")
                ),
                "next_month": self.first_month(
                    edition.filter(publish_at__gte=self.until).order_by("publish_at")
                ),
            },
        )

    def first_month(self, items):
        """The month of the first of ``items``, or None."""
        moment = items.values_list("publish_at", flat=True).first()
        return None if moment is None else self.calendar.month_at(moment)

    def redirect_from_gregorian(self, first_day):
        since, until = GREGORIAN.bounds(first_day)
        items = self.get_queryset().filter(publish_at__gte=since, publish_at__lt=until)
        month = self.first_month(items.order_by("publish_at"))
        if month is None:
            raise Http404
        return HttpResponsePermanentRedirect(self.month_url(month))

    def month_url(self, month):
        kwargs = {"year": month.year, "month": month.month}
        return reverse(self.request.resolver_match.view_name, kwargs=kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(alternates=self.alternates(), **kwargs)

    def alternates(self):
        """This month in every edition; in one that counts months otherwise, the month
        holding this one's first day."""
        pages = same_page_in(self.request)
        first_day = self.calendar.first_day(self.month)
        for code in pages:
            calendar = calendar_of(code)
            if calendar is not self.calendar:
                with translation.override(code):
                    pages[code] = self.month_url(calendar.month_of(first_day))
        return pages
