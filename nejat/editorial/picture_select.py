"""Choosing a picture from the image library by seeing it: the autocomplete that picks
an item's picture (an article's featured image, an album's cover or photo) lists each
picture's thumbnail beside its title, and shows the chosen one below the field.

Titles alone do not tell pictures apart: an album's photos share the album's title.
"""

from django import forms
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied

from nejat.media.models import LibraryImage

URL_NAME = "nejat_media_libraryimage_autocomplete"


def thumbnail_url(image):
    return image.file.smallest_url if image.file else ""


class PicturesAutocompleteView(AutocompleteJsonView):
    """Django's autocomplete answer (its permission checks included), each picture
    with the address of its thumbnail; for fields that choose a library image only."""

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if model_admin.model is not LibraryImage:
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name

    def get_queryset(self):
        """What Django's view finds, or only the picture ``chosen`` names: the one a
        field shows after "+" added it, which the field has no thumbnail for."""
        pictures = super().get_queryset()
        chosen = self.request.GET.get("chosen", "")
        return pictures.filter(pk=chosen) if chosen.isdigit() else pictures

    def serialize_result(self, obj, to_field_name):
        return {**super().serialize_result(obj, to_field_name), "thumbnail": thumbnail_url(obj)}


class PictureSelect(AutocompleteSelect):
    url_name = f"%s:{URL_NAME}"

    def __init__(self, *args, preview=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        if self.preview:
            attrs["data-picture-preview"] = ""
        return attrs

    def create_option(self, name, value, label, selected, *args, **kwargs):
        option = super().create_option(name, value, label, selected, *args, **kwargs)
        if self.preview and selected and value:
            image = LibraryImage.objects.using(self.db).filter(pk=value).first()
            option["attrs"]["data-thumbnail"] = thumbnail_url(image) if image else ""
        return option

    @property
    def media(self):
        # Named after the admin's autocomplete.js: merged with other media, ours follows it.
        own = forms.Media(
            css={"all": ("editorial/picture-select.css",)},
            js=("admin/js/autocomplete.js", "editorial/picture-select.js"),
        )
        return super().media + own


class PictureChoiceMixin:
    """For a model admin or inline: its autocompleted fields that choose a library
    image show the pictures. ``picture_preview = False`` leaves out the chosen picture
    below the field (a row that shows it already)."""

    picture_preview = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        chooses_picture = db_field.related_model is LibraryImage
        if chooses_picture and db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                PictureSelect(
                    db_field,
                    self.admin_site,
                    using=kwargs.get("using"),
                    preview=self.picture_preview,
                ),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
