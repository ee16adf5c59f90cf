from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search; its index follows every saved or deleted ``Publishable``."""

    name = "nejat.search"
    label = "nejat_search"
    verbose_name = _("Search")

    def ready(self):
        from nejat.publishing.models import publishable_models
        from nejat.search import indexing

        # One connection per content type, not one for every model: a listener on
        # every deletion would stop Django's fast bulk deletes everywhere.
        for model in publishable_models():
            uid = model._meta.label_lower
            post_save.connect(indexing.item_saved, sender=model, dispatch_uid=f"index {uid}")
            post_delete.connect(indexing.item_deleted, sender=model, dispatch_uid=f"unindex {uid}")
