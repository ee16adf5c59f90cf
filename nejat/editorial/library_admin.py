"""The image library's admin: editors and authors upload and describe pictures;
translators write their alt text and caption in their own languages."""

import json

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from nejat.editorial.language_locks import lock_other_languages
from nejat.editorial.picture_select import URL_NAME as PICTURES_URL_NAME
from nejat.editorial.picture_select import PicturesAutocompleteView
from nejat.editorial.roles import translator_languages
from nejat.media.library import places_choosing, places_showing, whole_of
from nejat.media.renditions import thumbnail_html
from nejat.publishing.languages import in_every_language, language_codes

# How many pictures the editor's picker shows: the newest, or what a search finds.
PICKER_SIZE = 60
# What a translator may not change: the picture and what every language shares.
SHARED_FIELDS = ("file", "title", "credit", "focal_x", "focal_y")


class LibraryImageAdmin(TabbedTranslationAdmin):
    list_display = ("preview", "__str__", "size", "credit", "uploaded_at")
    list_display_links = ("preview", "__str__")
    search_fields = ("title", "credit", "file", *in_every_language("alt", "caption"))
    date_hierarchy = "uploaded_at"
    fieldsets = (
        (None, {"fields": ("file", "title", "alt", "caption", "credit")}),
        (_("Focal point"), {"fields": ("focal_point", ("focal_x", "focal_y"))}),
        (_("Where it is used"), {"fields": ("used_in", "address")}),
    )
    readonly_fields = ("focal_point", "used_in", "address")

    class Media:
        css = {"all": ("editorial/focal-point.css",)}
        js = ("editorial/focal-point.js",)

    def get_urls(self):
        pick = self.admin_site.admin_view(self.pick_view)
        # Django's autocomplete view checks permissions itself, as at admin:autocomplete.
        pictures = self.admin_site.admin_view(
            PicturesAutocompleteView.as_view(admin_site=self.admin_site)
        )
        return [
            path("pick/", pick, name="nejat_media_libraryimage_pick"),
            path("autocomplete/", pictures, name=PICTURES_URL_NAME),
            *super().get_urls(),
        ]

    def pick_view(self, request):
        """The rich-text editor's picture picker (its *Browse…*, in a window of its own):
        the newest pictures, or those a search finds; choosing one puts its address, alt
        text and caption, in the language of the text, into the editor's dialog."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        images, _duplicates = self.get_search_results(request, self.get_queryset(request), query)
        choices = [
            {"image": image, "words": json.dumps(picker_words(image), ensure_ascii=False)}
            for image in images.order_by("-uploaded_at", "-pk")[:PICKER_SIZE]
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose a picture"),
            "choices": choices,
            "query": query,
            "callback": request.GET.get("CKEditorFuncNum", ""),
            "is_popup": True,
        }
        return TemplateResponse(request, "editorial/library_picker.html", context)

    def is_translator(self, request):
        return not request.user.has_perm("nejat_media.add_libraryimage") and bool(
            translator_languages(request.user)
        )

    def has_change_permission(self, request, obj=None):
        """Translators write the alt text and caption in their languages."""
        return super().has_change_permission(request, obj) or self.is_translator(request)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if self.is_translator(request):
            return (*readonly, *SHARED_FIELDS)
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if self.is_translator(request):
            form = lock_other_languages(form, self.model, translator_languages(request.user))
        return form

    def get_deleted_objects(self, objs, request):
        """An image shown in some item's text cannot be deleted: the page would show a
        hole. The places are listed, each a link to change it (items that chose it as
        their picture are refused by the database and listed by Django)."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            protected.extend(place_link(item) for item in places_showing(image))
            # Django lists an album's photo as a photo: the album is where to change it.
            parts = [item for item in places_choosing(image) if not is_registered(item)]
            protected.extend(place_link(item) for item in parts)
        return deleted, counts, perms_needed, protected

    @admin.display(description=_("preview"))
    def preview(self, image):
        return thumbnail_html(image.file)

    @admin.display(description=_("size"))
    def size(self, image):
        return f"{image.width} × {image.height}" if image.width else ""

    @admin.display(description=_("picture"))
    def focal_point(self, image):
        if not image.file:
            return _("Shown once the image is saved.")
        return format_html(
            '<div class="focal-point" data-x="{}" data-y="{}">{}<span class="focal-point__mark">'
            "</span></div>",
            image.focal_x,
            image.focal_y,
            thumbnail_html(image.file, width=480),
        )

    @admin.display(description=_("used in"))
    def used_in(self, image):
        places = [*places_choosing(image), *places_showing(image)]
        if not places:
            return _("Not used yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((place_link(item),) for item in places)),
        )

    @admin.display(description=_("address for the text editor"))
    def address(self, image):
        if not image.file:
            return _("Shown once the image is saved.")
        return format_html(
            '<input type="text" readonly value="{}" size="60" dir="ltr" '
            'aria-label="{}"><p class="help">{}</p>',
            image.file.url,
            _("address for the text editor"),
            _(
                "Paste this address into the text editor's image button: readers get the "
                "image in the size their screen needs."
            ),
        )


def picker_words(image):
    """The picture's alt text and caption in each language."""
    return {
        code: {
            "alt": getattr(image, f"alt_{code}") or "",
            "caption": getattr(image, f"caption_{code}") or "",
        }
        for code in language_codes()
    }


def place_link(item):
    """The item as a link to its admin page; a part (an album's photo) as its whole."""
    item = whole_of(item)
    opts = item._meta
    if not is_registered(item):
        return format_html("{}: {}", capfirst(opts.verbose_name), item)
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), change, item)


def is_registered(item):
    return admin.site.is_registered(type(item))
