from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nejat.wordpress.importer import WordPressImport
from nejat.wordpress.sites import SiteError, parse_site
from nejat.wordpress.wxr import ExportError

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import WordPress exports (WXR files): posts become articles, pages become site "
        "pages, with their categories, tags, comments, images and old addresses. Running "
        "it again brings only what is new or changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "exports",
            nargs="*",
            metavar="EXPORT.xml",
            help="WXR files of one site (a Polylang or WPML site gives each post its language).",
        )
        parser.add_argument(
            "--site",
            action="append",
            default=[],
            metavar="LANG=EXPORT.xml[,uploads=DIR][,host=HOST][,tz=ZONE]",
            help="One WordPress site per edition, each with its own uploads folder, old host "
            "(default: the export's; its old addresses answer on that host) and time zone. "
            "Give one --site per site.",
        )
        parser.add_argument(
            "--links",
            metavar="STORIES.csv",
            help="Posts (and pages) of the --sites that are one story: a column per "
            "language, one row per story, WordPress ids or old addresses.",
        )
        parser.add_argument(
            "--term-links",
            metavar="TERMS.csv",
            help="Categories and tags of the --sites that are one: columns taxonomy "
            "(category or post_tag) and one per language, of term ids.",
        )
        parser.add_argument(
            "--propose-links",
            metavar="STORIES.csv",
            help="Import nothing: write the posts of the --sites that look like one story "
            "(same publication time and featured image) as a --links file to check.",
        )
        parser.add_argument(
            "--categories-as-tags",
            action="store_true",
            help="A post's categories other than its main one (its deepest) become tags.",
        )
        parser.add_argument(
            "--force-language",
            action="store_true",
            help="Import an export as the language given even if it names another.",
        )
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
        sites = self.sites(options)
        exports = [site.path for site in sites] if sites else options["exports"]
        for export in exports:
            if not Path(export).is_file():
                raise CommandError(f"{export}: no such file.")
        uploads = options["uploads"]
        folders = [site.uploads for site in sites if site.uploads] if sites else [uploads]
        for folder in filter(None, folders):
            if not Path(folder).is_dir():
                raise CommandError(f"{folder}: no such folder.")
        if not any(folders):
            self.stderr.write("No uploads folder: images and files will be reported missing.")
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
            sites=sites or None,
            links=options["links"],
            term_links=options["term_links"],
            propose_links=options["propose_links"],
            force_language=options["force_language"],
            categories_as_tags=options["categories_as_tags"],
        )
        try:
            report = importer.run()
        except ExportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def sites(self, options):
        """The --site options; refuses what cannot be imported together."""
        if options["site"] and options["exports"]:
            raise CommandError("Give either exports of one site or --site options, not both.")
        if not options["site"] and not options["exports"]:
            raise CommandError("Give the exports to import, or one --site per site.")
        needs_sites = ("links", "term_links", "propose_links")
        if not options["site"] and any(options[name] for name in needs_sites):
            raise CommandError("--links, --term-links and --propose-links need --site options.")
        try:
            return [parse_site(spec) for spec in options["site"]]
        except SiteError as error:
            raise CommandError(str(error)) from error

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
