from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles.models import Article, Author, Category, Comment, Source
        from nejat.caching.invalidation import watch, watch_links

        watch(Category)
        watch(Author)
        watch(Source)
        watch_links(Article.authors.through)
        # A new comment waits for moderation: readers see nothing of it yet.
        watch(Comment, unless=lambda comment, created: created and not comment.is_approved)

    def desk_entries(self, user):
        """Comments awaiting moderation and categories without a name in a language, for
        the admin's desk (nejat.editorial.desk)."""
        from articles.models import Category, Comment
        from nejat.editorial.desk import can_view, changelist_url
        from nejat.editorial.term_admin import unnamed_entries

        entries = unnamed_entries(user, Category, _("Categories without a name in %(language)s"))
        if not can_view(user, Comment):
            return entries
        pending = Comment.objects.filter(status=Comment.Status.PENDING).count()
        url = changelist_url(Comment, status__exact=Comment.Status.PENDING)
        return [(_("Comments awaiting moderation"), pending, url), *entries]

    def menu_entries(self):
        from nejat.site.menu import MenuItem

        return [MenuItem(_("Articles"), reverse("articles:list"))]
