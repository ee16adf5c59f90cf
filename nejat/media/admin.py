from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from nejat.media.library import places_showing
from nejat.media.models import LibraryImage
from nejat.media.renditions import thumbnail_html


@admin.register(LibraryImage)
class LibraryImageAdmin(admin.ModelAdmin):
    list_display = ("preview", "__str__", "size", "credit", "uploaded_at")
    list_display_links = ("preview", "__str__")
    search_fields = ("title", "credit", "file")
    date_hierarchy = "uploaded_at"
    fields = ("file", "title", "credit", "address")
    readonly_fields = ("address",)

    def get_deleted_objects(self, objs, request):
        """An image shown in some item's text cannot be deleted: the page would show a
        hole. The places are listed, each a link to change it."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            for item in places_showing(image):
                opts = item._meta
                change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), change, item
                    )
                )
        return deleted, counts, perms_needed, protected

    @admin.display(description=_("preview"))
    def preview(self, image):
        return thumbnail_html(image.file)

    @admin.display(description=_("size"))
    def size(self, image):
        return f"{image.width} × {image.height}" if image.width else ""

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
