import json
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Category
from nejat.demo_images import abstract_picture
from nejat.models import Tag

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
ARTICLE_FIELDS = (
    "title",
    "summary",
    "body",
    "byline",
    "source_name",
    "translator",
    "image_alt",
    "image_caption",
)


def localized(field, language):
    return build_localized_fieldname(field, language)


class Command(BaseCommand):
    help = "Fill the site with neutral demo content in all four languages; running it again adds nothing twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Create a development admin account (default when DEBUG is on).",
        )

    def handle(self, *args, **options):
        taxonomy = json.loads((DEMO_DIR / "taxonomy.json").read_text(encoding="utf-8"))
        articles = [
            article
            for path in sorted(DEMO_DIR.glob("articles_*.json"))
            for article in json.loads(path.read_text(encoding="utf-8"))["articles"]
        ]
        with transaction.atomic():
            categories = self.seed_categories(taxonomy["categories"])
            tags = self.seed_tags(taxonomy["tags"])
            created = self.seed_articles(articles, categories, tags)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {created} new articles of {len(articles)}.")
        )
        if options["admin"] or settings.DEBUG:
            self.ensure_admin()

    def seed_categories(self, entries):
        categories = {}
        for entry in entries:
            category, _created = Category.objects.get_or_create(slug=entry["slug"])
            for language, text in entry["name"].items():
                setattr(category, localized("name", language), text)
            for language, text in entry.get("description", {}).items():
                setattr(category, localized("description", language), text)
            category.save()
            categories[entry["slug"]] = category
        self.stdout.write(f"Categories: {len(categories)}")
        return categories

    def seed_tags(self, entries):
        tags = {}
        for entry in entries:
            tag, _created = Tag.objects.get_or_create(
                slug=entry["slug"], defaults={"name": entry["name"]["en"]}
            )
            for language, text in entry["name"].items():
                setattr(tag, localized("label", language), text)
            tag.save()
            tags[entry["slug"]] = tag
        self.stdout.write(f"Tags: {len(tags)}")
        return tags

    def seed_articles(self, entries, categories, tags):
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        created = 0
        for number, entry in enumerate(entries, start=1):
            first_language, first = next(iter(entry["translations"].items()))
            key = {localized("slug", first_language): slugify(first["title"], allow_unicode=True)}
            if not Article.objects.filter(**key).exists():
                self.create_article(number, entry, categories, tags, now)
                created += 1
            self.progress("Articles", number, len(entries))
        return created

    def progress(self, label, done, total):
        """One line rewritten in place on a terminal; a line every ten items elsewhere."""
        if self.stdout.isatty():
            self.stdout.write(f"\r{label}: {done}/{total}", ending="\n" if done == total else "")
            self.stdout.flush()
        elif done % 10 == 0 or done == total:
            self.stdout.write(f"{label}: {done}/{total}")

    def create_article(self, number, entry, categories, tags, now):
        article = Article(
            category=categories[entry["category"]],
            status=entry.get("status", "published"),
            publish_at=now - timedelta(days=entry["days_ago"], hours=number % 9),
            source_url=entry.get("source_url", ""),
        )
        for language, texts in entry["translations"].items():
            for field in ARTICLE_FIELDS:
                setattr(article, localized(field, language), texts.get(field, ""))
            setattr(
                article,
                localized("slug", language),
                slugify(texts["title"], allow_unicode=True)[:250],
            )
        article.image = abstract_picture(number)
        article.save()
        article.tags.set([tags[slug] for slug in entry["tags"]])

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
