from media_library.models import Album, Cartoon, NewsPic, Video
from nejat.site.sitemaps import EditionItemSitemap

FRONT_PAGES = ["media_library:index"]


class CartoonSitemap(EditionItemSitemap):
    model = Cartoon


class NewsPicSitemap(EditionItemSitemap):
    model = NewsPic


class AlbumSitemap(EditionItemSitemap):
    model = Album


class VideoSitemap(EditionItemSitemap):
    model = Video


SITEMAPS = {
    "cartoons": CartoonSitemap,
    "newspics": NewsPicSitemap,
    "albums": AlbumSitemap,
    "videos": VideoSitemap,
}
