from django.conf import settings
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from nejat.editorial.admin import PublishableAdmin
from nejat.media.renditions import thumbnail_html
from nejat.publishing.languages import in_every_language
from publications.models import Book, Issue, Periodical


@admin.register(Periodical)
class PeriodicalAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "slug", "ordering")
    list_editable = ("ordering",)
    search_fields = ("slug", *in_every_language("name"))
    prepopulated_fields = {"slug": ("name_en",)}


class PublicationAdmin(PublishableAdmin):
    """Cover thumbnails in the list, and the pages and size read from each PDF."""

    list_display_links = ("thumbnail", "__str__")
    readonly_fields = PublishableAdmin.readonly_fields + ("pdf_facts",)

    pdf_fieldset = (_("PDF"), {"fields": ("pdf", "pdf_facts")})

    @admin.display(description=_("cover"))
    def thumbnail(self, obj):
        return thumbnail_html(obj.cover, width=60)

    @admin.display(description=_("PDF files"))
    def pdf_facts(self, obj):
        rows = []
        for code, name in settings.LANGUAGES:
            pages = getattr(obj, build_localized_fieldname("pdf_pages", code))
            if pages:
                size = getattr(obj, build_localized_fieldname("pdf_size", code))
                facts = ngettext("%(pages)d page, %(size)s", "%(pages)d pages, %(size)s", pages)
                rows.append((name, facts % {"pages": pages, "size": filesizeformat(size)}))
        if not rows:
            return _("No PDF yet.")
        return format_html_join("", "<div>{}: {}</div>", rows)


@admin.register(Book)
class BookAdmin(PublicationAdmin):
    list_display = ("thumbnail", "__str__", "authors", "year", "status", "publish_at", "editions")
    list_filter = PublicationAdmin.list_filter + ("year",)
    search_fields = in_every_language("title", "subtitle", "authors", "publisher", "slug") + [
        "isbn"
    ]
    prepopulated_fields = {"slug": ("title",)}

    fieldsets = (
        (None, {"fields": ("title", "subtitle", "slug", "authors", "description")}),
        (_("Book details"), {"fields": ("year", "publisher", "isbn", "cover")}),
        PublicationAdmin.pdf_fieldset,
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )


@admin.register(Issue)
class IssueAdmin(PublicationAdmin):
    list_display = (
        "thumbnail",
        "__str__",
        "periodical",
        "number",
        "issue_date",
        "status",
        "editions",
    )
    list_filter = PublicationAdmin.list_filter + ("periodical",)
    list_select_related = ("periodical",)
    search_fields = in_every_language("title") + ["number"]
    ordering = ("periodical", "-number")

    fieldsets = (
        (None, {"fields": ("periodical", "number", "issue_date", "title", "contents")}),
        (_("Cover"), {"fields": ("cover",)}),
        PublicationAdmin.pdf_fieldset,
        (_("Full text"), {"fields": ("text",)}),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )
