from django.core.management.base import BaseCommand

from nejat.editorial.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Create the editorial groups (Administrator, Editor, Author, Translator, and "
        "“Translator (xx)” for each language) and set each one's permissions to its role's. "
        "Run it after adding a content type."
    )

    def handle(self, *args, **options):
        for name, count in sync_roles():
            self.stdout.write(f"{name}: {count} permissions")
