from django.core.management.base import BaseCommand

from nejat import search


class Command(BaseCommand):
    help = (
        "Index every published item for the site search again, from scratch "
        "(after an import, or a change to what content types index)."
    )

    def handle(self, *args, **options):
        total = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} entries."))
