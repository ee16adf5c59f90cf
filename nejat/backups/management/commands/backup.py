from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from nejat.backups import archive


class Command(BaseCommand):
    help = (
        "Write one archive of the database and every uploaded file, with a manifest of "
        "checksums (restore it with `manage.py restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="the archive to write (default: nejat-backup-<date>-<time>.tar here)",
        )

    def handle(self, *args, output=None, **options):
        self.verbosity = options["verbosity"]
        output = output or Path(f"nejat-backup-{timezone.now():%Y%m%d-%H%M%S}.tar")
        partial = output.with_name(output.name + ".partial")
        try:
            manifest = archive.write(partial, progress=self.progress)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
        files = sum(len(entries) for entries in manifest["files"].values())
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}: the database and {files} files."))

    def progress(self, line):
        if self.verbosity:
            self.stdout.write(line)
