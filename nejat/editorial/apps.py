from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The staff side: the shared content admin, roles, language locks, revisions and
    the translation board."""

    name = "nejat.editorial"
    label = "nejat_editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from django.contrib import admin
        from taggit.models import Tag as UntranslatedTag

        from nejat.editorial.library_admin import LibraryImageAdmin
        from nejat.editorial.term_admin import TagAdmin
        from nejat.media.models import LibraryImage
        from nejat.publishing.tags import Tag

        admin.site.site_header = _("Nejat administration")
        admin.site.site_title = _("Nejat administration")
        # Every tag in Nejat is a translated nejat.Tag; taggit's own model stays unused.
        if admin.site.is_registered(UntranslatedTag):
            admin.site.unregister(UntranslatedTag)
        admin.site.register(Tag, TagAdmin)
        admin.site.register(LibraryImage, LibraryImageAdmin)

    def desk_entries(self, user):
        """Tags without a label in a language, for the admin's desk (nejat.editorial.desk)."""
        from nejat.editorial.term_admin import unnamed_entries
        from nejat.publishing.tags import Tag

        return unnamed_entries(user, Tag, _("Tags without a label in %(language)s"))
