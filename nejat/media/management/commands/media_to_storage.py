from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Copy a local media folder (by default MEDIA_ROOT) into the configured media "
        "storage, e.g. an S3 bucket. Files already there with the same size are left "
        "alone, so it can be run again after an interruption."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", type=Path, help="default: MEDIA_ROOT")
        parser.add_argument("--dry-run", action="store_true", help="say what would be copied")

    def handle(self, *args, folder=None, dry_run=False, **options):
        folder = Path(folder or settings.MEDIA_ROOT)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        files = sorted(path for path in folder.rglob("*") if path.is_file())
        copied = kept = 0
        for number, path in enumerate(files, 1):
            name = path.relative_to(folder).as_posix()
            if default_storage.exists(name) and default_storage.size(name) == path.stat().st_size:
                kept += 1
                continue
            if not dry_run:
                default_storage.delete(name)
                with path.open("rb") as content:
                    saved = default_storage.save(name, File(content, name=name))
                if saved != name:
                    raise CommandError(f"{name} was stored as {saved}.")
            copied += 1
            if options["verbosity"] and number % 100 == 0:
                self.stdout.write(f"{number}/{len(files)}")
        verb = "would copy" if dry_run else "copied"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {copied} files, {kept} already there, of {len(files)}.")
        )
