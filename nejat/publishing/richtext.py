"""Rich text: one allow-list for the editor's toolbar and for the sanitiser."""

from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField, create_sanitizer

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    # A quote's <cite>: our own extension (DJANGO_PROSE_EDITOR_EXTENSIONS in the settings).
    "Citation": {"title": _("Citation")},
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Its *Browse…* picks a picture of the image library (nejat.editorial.library_admin).
    "Figure": {"pickerUrl": "/admin/nejat_media/libraryimage/pick/"},
    "Caption": True,
    "Image": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "Typographic": True,
}

sanitize_html = create_sanitizer(EXTENSIONS)


class RichTextField(ProseEditorField):
    """A text field edited with the prose editor and sanitised with its allow-list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)
