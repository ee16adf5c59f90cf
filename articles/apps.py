from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles.models import Category, Comment
        from nejat.caching.invalidation import watch

        watch(Category)
        # A new comment waits for moderation: readers see nothing of it yet.
        watch(Comment, unless=lambda comment, created: created and not comment.is_approved)

    def menu_entries(self):
        from nejat.site.menu import MenuItem

        return [MenuItem(_("Articles"), reverse("articles:list"))]
