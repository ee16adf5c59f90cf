from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SECTIONS = [
    (_("Cartoons"), "media_library:cartoons"),
    (_("NewsPics"), "media_library:newspics"),
    (_("Photo Gallery"), "media_library:albums"),
    (_("Videos"), "media_library:videos"),
]


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Media library")

    def ready(self):
        from media_library.models import Photo
        from nejat.caching.invalidation import watch

        watch(Photo)

    def menu_entries(self):
        from nejat.site.menu import MenuItem, url_or_none

        children = [MenuItem(label, url_or_none(name)) for label, name in SECTIONS]
        return [MenuItem(_("Media"), children=children)]
