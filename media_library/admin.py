from django.contrib import admin, messages
from django.db.models import Count, Max
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from media_library.forms import AlbumAdminForm
from media_library.models import Album, Cartoon, NewsPic, Photo, Video
from nejat.editorial.admin import PublishableAdmin
from nejat.editorial.picture_select import PictureChoiceMixin
from nejat.media.models import LibraryImage
from nejat.media.renditions import thumbnail_html
from nejat.publishing.languages import in_every_language


class MediaAdmin(PictureChoiceMixin, PublishableAdmin):
    list_display = ("thumbnail", "__str__", "status", "publish_at", "editions")
    list_display_links = ("thumbnail", "__str__")
    search_fields = in_every_language("title")
    image_field = None

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return thumbnail_html(getattr(obj, self.image_field))


class PictureAdmin(MediaAdmin):
    image_field = "image"
    search_fields = in_every_language("title", "caption")
    fieldsets = (
        (None, {"fields": ("title", "image", "image_alt", "caption", "tags")}),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )


admin.site.register(Cartoon, PictureAdmin)
admin.site.register(NewsPic, PictureAdmin)


class PhotoInline(PictureChoiceMixin, admin.TabularInline):
    model = Photo
    picture_preview = False  # the row's preview column shows it
    fields = ("preview", "image", "caption", "order")
    readonly_fields = ("preview", "caption")
    autocomplete_fields = ("image",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail_html(obj.image, width=120) if obj.image_id else ""

    @admin.display(description=_("caption"))
    def caption(self, obj):
        return obj.image.caption if obj.image_id else ""


@admin.register(Album)
class AlbumAdmin(MediaAdmin):
    form = AlbumAdminForm
    inlines = [PhotoInline]
    image_field = "cover"
    autocomplete_fields = ("cover",)
    list_display = ("thumbnail", "__str__", "photo_count", "status", "publish_at", "editions")
    search_fields = in_every_language("title", "description")
    fieldsets = (
        (None, {"fields": ("title", "description", "cover", "tags")}),
        (_("Photos"), {"fields": ("new_photos",)}),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(photo_total=Count("photos"))

    @admin.display(description=_("photos"), ordering="photo_total")
    def photo_count(self, obj):
        return obj.photo_total

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        accepted, rejected = form.cleaned_data.get("new_photos") or ([], [])
        album = form.instance
        album_title = str(album)[:200]
        order = (album.photos.aggregate(last=Max("order"))["last"] or 0) + 1
        for number, upload in enumerate(accepted):
            image = LibraryImage.objects.create(file=upload, title=album_title)
            Photo.objects.create(album=album, image=image, order=order + number)
        if accepted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d photo was added.", "%(count)d photos were added.", len(accepted)
                )
                % {"count": len(accepted)},
                messages.SUCCESS,
            )
        for name, reason in rejected:
            self.message_user(
                request,
                _("“%(name)s” was not added: %(reason)s") % {"name": name, "reason": reason},
                messages.ERROR,
            )
        request._rejected_photos = bool(rejected)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_rejected_photos", False):
            return self._back_to_album(obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "_rejected_photos", False):
            return self._back_to_album(obj)
        return super().response_change(request, obj)

    def _back_to_album(self, obj):
        """Stay on the album so the editor sees which pictures to choose again."""
        return HttpResponseRedirect(reverse("admin:media_library_album_change", args=[obj.pk]))


@admin.register(Video)
class VideoAdmin(MediaAdmin):
    image_field = "poster"
    list_display = ("thumbnail", "__str__", "kind", "duration", "status", "publish_at", "editions")
    search_fields = in_every_language("title", "description")
    fieldsets = (
        (None, {"fields": ("title", "description", "poster", "duration", "tags")}),
        (
            _("Source"),
            {
                "description": _("Fill in exactly one of these."),
                "fields": ("file", "file_url", "embed_url"),
            },
        ),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )

    @admin.display(description=_("source"))
    def kind(self, obj):
        if obj.embed_url:
            embed = obj.embed
            return embed.provider if embed else "—"
        return _("file") if obj.file else _("file elsewhere")
