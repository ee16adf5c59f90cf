"""Move the files of every item readers may not see (drafts, items in review,
unpublished ones) that are not yet in a folder nobody can guess: files stored before
uploads got such folders. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from nejat.media.hiding import hide_files
from nejat.publishing.models import Publishable, publishable_models


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        items = 0
        for model in publishable_models():
            hidden = model._base_manager.exclude(status=Publishable.Status.PUBLISHED)
            for item in hidden.iterator():
                with transaction.atomic():
                    hide_files(item, only_guessable=True)
                items += 1
        self.stdout.write(f"Checked the files of {items} items readers may not see.")
