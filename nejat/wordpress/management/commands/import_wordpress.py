from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nejat.wordpress.importer import WordPressImport
from nejat.wordpress.wxr import ExportError

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import WordPress exports (WXR files): posts become articles, pages become site "
        "pages, with their categories, tags, comments, images and old addresses. Running "
        "it again brings only what is new or changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("exports", nargs="+", metavar="EXPORT.xml", help="WXR files.")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="A local copy of the site's wp-content/uploads; nothing is downloaded.",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The edition the exports belong to (default: the language each export "
            "names). Polylang and WPML exports give each post its own language.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Write nothing; report what would be done."
        )
        parser.add_argument(
            "--time-zone",
            metavar="ZONE",
            help="The WordPress site's time zone, for dates WordPress kept only in local "
            f"time, such as drafts' (default: {settings.TIME_ZONE}).",
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Import unchanged items again too, e.g. after adding missing files.",
        )

    def handle(self, *args, **options):
        self.last_tenth = {}
        for export in options["exports"]:
            if not Path(export).is_file():
                raise CommandError(f"{export}: no such file.")
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(f"{uploads}: no such folder.")
        if not uploads:
            self.stderr.write("No --uploads folder: images and files will be reported missing.")
        try:
            ZoneInfo(options["time_zone"] or settings.TIME_ZONE)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise CommandError(f"Unknown time zone: {options['time_zone']}") from error
        importer = WordPressImport(
            options["exports"],
            uploads=uploads,
            language=options["language"],
            dry_run=options["dry_run"],
            time_zone=options["time_zone"],
            refresh=options["refresh"],
            progress=self.progress,
        )
        try:
            report = importer.run()
        except ExportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def progress(self, stage, done, total):
        """A bar redrawn in place on a terminal; a line every tenth of the way elsewhere.

        The first pass reads the exports through (counted in bytes); the second imports
        their items.
        """
        share = done / total if total else 1
        label = "Reading the exports" if stage == "reading" else "Importing"
        counted = f" {done}/{total} items" if stage == "importing" else ""
        if self.stdout.isatty():
            filled = round(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            ending = "\n" if done == total else ""
            self.stdout.write(f"\r{label}: [{bar}] {share:4.0%}{counted}", ending=ending)
            self.stdout.flush()
        elif int(share * 10) != self.last_tenth.get(stage):
            self.last_tenth[stage] = int(share * 10)
            self.stdout.write(f"{label}: {share:.0%}{counted}")
