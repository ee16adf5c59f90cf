import json
import secrets
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from nejat.media.demo_images import abstract_picture
from nejat.publishing.tags import Tag
from nejat.site.models import Page, SiteSettings

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
# Each section's demo module has ``seed(command, tags)``, returning how many items were new.
SECTIONS = ["articles.demo", "media_library.demo", "publications.demo"]


def load(name):
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def set_translations(instance, field, texts):
    for language, text in texts.items():
        setattr(instance, build_localized_fieldname(field, language), text)


class Command(BaseCommand):
    help = (
        "Fill the site with neutral demo content in all four languages; "
        "running it again adds nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Create a development admin account (default when DEBUG is on).",
        )

    def handle(self, *args, **options):
        created = 0
        with transaction.atomic():
            self.seed_site(load("site.json"))
            tags = self.seed_tags(load("tags.json")["tags"])
            for section in SECTIONS:
                created += import_module(section).seed(self, tags)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} new items."))
        if options["admin"] or settings.DEBUG:
            self.ensure_admin()

    def progress(self, label, done, total):
        """One line rewritten in place on a terminal; a line every ten items elsewhere."""
        if self.stdout.isatty():
            self.stdout.write(f"\r{label}: {done}/{total}", ending="\n" if done == total else "")
            self.stdout.flush()
        elif done % 10 == 0 or done == total:
            self.stdout.write(f"{label}: {done}/{total}")

    def seed_site(self, data):
        if not SiteSettings.objects.exists():
            values = data["settings"]
            site = SiteSettings(
                **{key: value for key, value in values.items() if not isinstance(value, dict)}
            )
            for field in ("name", "tagline", "copyright_holder"):
                set_translations(site, field, values[field])
            site.share_image = abstract_picture(99)
            site.save()
        for entry in data["pages"]:
            if Page.objects.filter(slug_en=entry["slug"]["en"]).exists():
                continue
            page = Page(status="published", placement=entry["placement"], order=entry["order"])
            for field in ("title", "slug", "body"):
                set_translations(page, field, entry[field])
            page.save()
        self.stdout.write(f"Site settings and pages: {len(data['pages'])} pages")

    def seed_tags(self, entries):
        tags = {}
        for entry in entries:
            tag, _created = Tag.objects.get_or_create(
                slug=entry["slug"], defaults={"name": entry["name"]["en"]}
            )
            set_translations(tag, "label", entry["name"])
            tag.save()
            tags[entry["slug"]] = tag
        self.stdout.write(f"Tags: {len(tags)}")
        return tags

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Admin: sign in at /admin/ with the account you already have.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.WARNING(
                "\nA development admin account was created (shown only this once):\n"
                f"  http://127.0.0.1:8000/admin/  user: admin  password: {password}\n"
                "Forgot it? Run: make superuser\n"
            )
        )
