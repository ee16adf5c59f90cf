import json
import secrets
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from nejat.models import Tag

TAGS_FILE = Path(__file__).resolve().parents[2] / "demo" / "tags.json"
# Each section's demo module has ``seed(command, tags)``, returning how many items were new.
SECTIONS = ["articles.demo"]


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
            tags = self.seed_tags(json.loads(TAGS_FILE.read_text(encoding="utf-8"))["tags"])
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

    def seed_tags(self, entries):
        tags = {}
        for entry in entries:
            tag, _created = Tag.objects.get_or_create(
                slug=entry["slug"], defaults={"name": entry["name"]["en"]}
            )
            for language, text in entry["name"].items():
                setattr(tag, build_localized_fieldname("label", language), text)
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
