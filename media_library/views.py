from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView

from media_library.models import Album, Cartoon, NewsPic, Photo, Video
from nejat.media.video import iso_duration
from nejat.publishing.views import EditionDetailMixin, EditionListMixin


class GridListMixin(EditionListMixin):
    # Twelve fill whole rows of two, three or four columns.
    paginate_by = 12


class NeighboursMixin(EditionDetailMixin):
    """The section's newer and older items in the same edition, for previous/next links."""

    def get_context_data(self, **kwargs):
        item = self.object
        section = self.model.objects.published().in_language(get_language())
        at = item.publish_at
        newer = section.filter(Q(publish_at__gt=at) | Q(publish_at=at, pk__gt=item.pk))
        older = section.filter(Q(publish_at__lt=at) | Q(publish_at=at, pk__lt=item.pk))
        return super().get_context_data(
            newer=newer.order_by("publish_at", "pk").first(),
            older=older.order_by("-publish_at", "-pk").first(),
            tags=[tag for tag in item.tags.all() if tag.label],
            **kwargs,
        )


class CartoonListView(GridListMixin, ListView):
    model = Cartoon


class CartoonDetailView(NeighboursMixin, DetailView):
    model = Cartoon
    detail_prefetch = ("tags",)


class NewsPicListView(GridListMixin, ListView):
    model = NewsPic


class NewsPicDetailView(NeighboursMixin, DetailView):
    model = NewsPic
    detail_prefetch = ("tags",)


class AlbumListView(GridListMixin, ListView):
    model = Album
    list_related = ("cover",)
    list_prefetch = (
        Prefetch(
            "photos",
            queryset=Photo.objects.select_related("image").order_by("order", "pk")[:1],
            to_attr="first_photos",
        ),
    )

    def get_queryset(self):
        return super().get_queryset().annotate(photo_total=Count("photos"))


ALBUM_PHOTOS = Prefetch("photos", queryset=Photo.objects.select_related("image"))


class AlbumDetailView(EditionDetailMixin, DetailView):
    model = Album
    detail_related = ("cover",)
    detail_prefetch = (ALBUM_PHOTOS, "tags")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tags=[tag for tag in self.object.tags.all() if tag.label], **kwargs
        )


class PhotoDetailView(EditionDetailMixin, DetailView):
    """One photo of an album, on a page of its own: what a thumbnail links to."""

    model = Album
    detail_prefetch = (ALBUM_PHOTOS,)
    template_name = "media_library/photo_detail.html"

    def get_context_data(self, **kwargs):
        album = self.object
        photos = list(album.photos.all())
        index = next((i for i, p in enumerate(photos) if p.pk == self.kwargs["photo"]), None)
        if index is None:
            raise Http404
        photo = photos[index]
        return super().get_context_data(
            photo=photo,
            number=index + 1,
            total=len(photos),
            previous_photo=photos[index - 1] if index > 0 else None,
            next_photo=photos[index + 1] if index + 1 < len(photos) else None,
            **kwargs,
        ) | {"alternates": {code: photo.url_in(code) for code in album.languages}}


class VideoListView(GridListMixin, ListView):
    model = Video


class VideoDetailView(NeighboursMixin, DetailView):
    model = Video
    detail_prefetch = ("tags",)

    def get_context_data(self, **kwargs):
        return super().get_context_data(structured_data=self.structured_data(), **kwargs)

    def structured_data(self):
        """schema.org's VideoObject, for search engines."""
        video = self.object
        absolute = self.request.build_absolute_uri
        data = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": video.title,
            "description": video.description or video.title,
            "inLanguage": get_language(),
            "uploadDate": video.publish_at.isoformat(),
            "url": absolute(video.get_absolute_url()),
        }
        if video.poster:
            data["thumbnailUrl"] = absolute(video.poster.url)
        if video.duration:
            data["duration"] = iso_duration(video.duration)
        if video.source:
            data["contentUrl"] = absolute(video.source[0])
        elif video.embed:
            data["embedUrl"] = video.embed.player_url
        return data


class MediaIndexView(TemplateView):
    """The Media section's front page: the latest of each of its four parts."""

    template_name = "media_library/index.html"
    latest = 4

    def get_context_data(self, **kwargs):
        def latest(model):
            items = model.objects.published().in_language(get_language())
            return items.order_by("-publish_at", "-pk")[: self.latest]

        return super().get_context_data(
            cartoons=latest(Cartoon),
            newspics=latest(NewsPic),
            albums=latest(Album)
            .select_related("cover")
            .annotate(photo_total=Count("photos"))
            .prefetch_related(*AlbumListView.list_prefetch),
            videos=latest(Video),
            **kwargs,
        )
