from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager

from nejat.media.embeds import parse_embed, validate_embed_url
from nejat.media.images import ResponsiveImageField
from nejat.media.models import LibraryImage
from nejat.media.video import (
    VideoFileField,
    mp4_duration,
    sniff_video_type,
    type_from_url,
    validate_video_file_url,
)
from nejat.publishing.languages import first_filled
from nejat.publishing.models import Publishable
from nejat.publishing.tags import TaggedItem


class MediaItem(Publishable):
    """What every item of the media library has: a translated title and tags.

    Addresses use the item's number, the same in every edition it exists in.
    """

    unique_in_each_language = ()

    title = models.CharField(_("title"), max_length=250)
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedItem, blank=True)

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-pk"]

    def get_url_kwargs(self):
        return {"pk": self.pk}


class Picture(MediaItem):
    """One picture with its caption: a cartoon or a news picture."""

    indexed_fields = {"title": "A", "caption": "B"}

    caption = models.TextField(_("caption"), blank=True)
    image = ResponsiveImageField(
        _("image"),
        upload_to="media/%Y/%m/",
        width_field="image_width",
        height_field="image_height",
        renditions_ready_field="image_renditions_ready",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions_ready = models.BooleanField(default=True, editable=False)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )

    class Meta(MediaItem.Meta):
        abstract = True

    @property
    def share_image(self):
        return self.image or None


class Cartoon(Picture):
    url_name = "media_library:cartoon"

    class Meta(Picture.Meta):
        verbose_name = _("cartoon")
        verbose_name_plural = _("cartoons")


class NewsPic(Picture):
    url_name = "media_library:newspic"

    class Meta(Picture.Meta):
        verbose_name = _("news picture")
        verbose_name_plural = _("news pictures")


class Album(MediaItem):
    url_name = "media_library:album"
    indexed_fields = {"title": "A", "description": "B"}

    description = models.TextField(_("description"), blank=True)
    cover = models.ForeignKey(
        LibraryImage,
        verbose_name=_("cover"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Shown in the list of albums; without one, the first photo is used."),
    )

    class Meta(MediaItem.Meta):
        verbose_name = _("album")
        verbose_name_plural = _("albums")

    @property
    def cover_image(self):
        """The cover, else the first photo's image (from ``first_photos`` when prefetched)."""
        if self.cover_id:
            return self.cover
        photos = getattr(self, "first_photos", None)
        if photos is None:
            photos = self.photos.all()[:1]
        return photos[0].image if photos else None

    @property
    def share_image(self):
        cover = self.cover_image
        return cover.file if cover else None


class Photo(models.Model):
    album = models.ForeignKey(
        Album, verbose_name=_("album"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(
        LibraryImage,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its caption and alt text in each language are the image's own."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "pk"]

    def __str__(self):
        caption = first_filled(self.image, "caption") if self.image_id else ""
        return caption or _("Photo %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return self.url_in(translation.get_language())

    def url_in(self, language_code):
        with translation.override(language_code):
            return reverse("media_library:photo", kwargs={"pk": self.album_id, "photo": self.pk})


class Video(MediaItem):
    """A video with one source: an uploaded file, a file hosted elsewhere, or an embed."""

    url_name = "media_library:video"
    indexed_fields = {"title": "A", "description": "B"}

    description = models.TextField(_("description"), blank=True)
    poster = ResponsiveImageField(
        _("poster image"),
        upload_to="videos/posters/%Y/%m/",
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        renditions_ready_field="poster_renditions_ready",
        help_text=_(
            "Shown before the video plays, and in the list of videos. Without one, the "
            "video gets its thumbnail from YouTube, Vimeo or Aparat, or one drawn with "
            "its title."
        ),
    )
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_renditions_ready = models.BooleanField(default=True, editable=False)
    # Empty for an editor's own poster, which is never replaced; else what the site
    # made the poster from (see ``poster_sources``).
    poster_made_from = models.CharField(
        _("poster made from"), max_length=300, blank=True, editable=False
    )
    file = VideoFileField(
        _("video file"),
        upload_to="videos/%Y/%m/",
        blank=True,
        help_text=_("An MP4 or WebM file."),
    )
    file_type = models.CharField(max_length=20, blank=True, editable=False)
    file_url = models.URLField(
        _("address of a video file"),
        max_length=500,
        blank=True,
        validators=[validate_video_file_url],
        help_text=_("A video file hosted elsewhere, ending in .mp4 or .webm."),
    )
    embed_url = models.URLField(
        _("YouTube, Vimeo or Aparat link"),
        max_length=500,
        blank=True,
        validators=[validate_embed_url],
    )
    duration = models.DurationField(
        _("duration"),
        null=True,
        blank=True,
        help_text=_("As minutes:seconds, e.g. 4:05. Filled in from an uploaded MP4 file."),
    )

    class Meta(MediaItem.Meta):
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        sources = [bool(self.file), bool(self.file_url), bool(self.embed_url)]
        if sum(sources) != 1:
            raise ValidationError(
                _(
                    "Give the video exactly one source: a video file, the address of a "
                    "video file, or a YouTube, Vimeo or Aparat link."
                ),
                code="one_source",
            )

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.file_type = sniff_video_type(self.file) or ""
            if self.file_type == "video/mp4" and self.duration is None:
                self.duration = mp4_duration(self.file)
        elif not self.file:
            self.file_type = ""
        if self.poster and not self.poster._committed:
            self.poster_made_from = ""
        super().save(*args, **kwargs)
        if self.wants_poster:
            from media_library.tasks import queue_poster

            queue_poster(self)

    @property
    def poster_title(self):
        """The title a drawn poster shows: in the language the video was written in."""
        for code in [self.source_language, *self.written_languages]:
            title = code and getattr(self, build_localized_fieldname("title", code), "")
            if title:
                return title
        return ""

    def poster_sources(self):
        """What the site makes a poster from, best first: the provider's thumbnail of
        an embedded video, then the title."""
        drawn = f"title: {self.poster_title}"[:300]
        embed = self.embed
        return [f"{embed.provider} {embed.video_id}"[:300], drawn] if embed else [drawn]

    @property
    def wants_poster(self):
        """No poster, or one the site made from what the video no longer is (or drew
        while the provider was out of reach: it is tried again)."""
        if not self.poster:
            return True
        return bool(self.poster_made_from) and self.poster_made_from != self.poster_sources()[0]

    @property
    def share_image(self):
        return self.poster or None

    @property
    def source(self):
        """(address, MIME type) of the file to play, or None for an embed."""
        if self.file:
            return self.file.url, self.file_type
        if self.file_url:
            return self.file_url, type_from_url(self.file_url)
        return None

    @property
    def embed(self):
        return parse_embed(self.embed_url) if self.embed_url else None
