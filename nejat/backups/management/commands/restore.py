from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from nejat.backups import archive, database


class Command(BaseCommand):
    help = (
        "Bring an empty database and empty media storage back to the state of a backup "
        "written by `manage.py backup`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, metavar="ARCHIVE")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore over a database or media storage that is not empty",
        )

    def handle(self, *args, path: Path, force=False, **options):
        self.verbosity = options["verbosity"]
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        manifest = archive.read_manifest(path)
        if not force:
            self.refuse_non_empty_target()
        archive.verify(path, manifest)
        archive.restore(path, manifest, progress=self.progress)
        self.stdout.write(self.style.SUCCESS(f"Restored {path} ({manifest['created_at']})."))

    def refuse_non_empty_target(self):
        if not database.is_empty():
            raise CommandError(
                "The database is not empty: restore into a new database, or add --force "
                "to replace what it holds."
            )
        for alias in archive.media_storages():
            if next(archive.stored_names(storages[alias]), None):
                raise CommandError(
                    f"The {alias} file storage is not empty: restore into an empty one, or "
                    "add --force to replace the files of the same names."
                )

    def progress(self, line):
        if self.verbosity:
            self.stdout.write(line)
