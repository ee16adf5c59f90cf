from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site around the content: settings, pages, menu, contact, spam protection,
    redirects, feeds and sitemaps machinery, staff notifications."""

    name = "nejat.site"
    label = "nejat_site"
    verbose_name = _("Site")

    def desk_entries(self, user):
        """Unread contact messages, for the admin's desk (nejat.editorial.desk)."""
        from nejat.editorial.desk import can_view, changelist_url
        from nejat.site.models import ContactMessage

        if not can_view(user, ContactMessage):
            return []
        unread = ContactMessage.objects.filter(is_read=False, is_spam=False).count()
        url = changelist_url(ContactMessage, is_read__exact=0)
        return [(_("Unread contact messages"), unread, url)]

    def ready(self):
        from nejat.caching.invalidation import watch
        from nejat.site.models import SiteSettings

        watch(SiteSettings)
