from django.core.management.base import BaseCommand

from nejat.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Index every published item for the site search again, from scratch "
        "(after an import, or a change to what content types index)."
    )

    def handle(self, *args, **options):
        total = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} entries."))
