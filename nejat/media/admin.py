from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

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
