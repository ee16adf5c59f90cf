"""Demo articles and categories, written for this project, for ``seed_demo``."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Author, Category, Comment, Source
from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage

HERE = Path(__file__).resolve().parent
ARTICLE_FIELDS = (
    "title",
    "summary",
    "body",
    "byline",
    "translator",
)


def load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def seed(command, tags):
    """Add what is missing; return how many articles were new."""
    categories = seed_categories(command, load("categories.json")["categories"])
    credits = {
        "authors": seed_named(command, Author, load("authors.json")["authors"], "Authors"),
        "sources": seed_named(command, Source, load("sources.json")["sources"], "Sources"),
    }
    entries = [
        entry
        for path in sorted(HERE.glob("articles_*.json"))
        for entry in load(path.name)["articles"]
    ]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    created = 0
    for number, entry in enumerate(entries, start=1):
        first_language, first = next(iter(entry["translations"].items()))
        slug_field = build_localized_fieldname("slug", first_language)
        slug = slugify(first["title"], allow_unicode=True)
        if not Article.objects.filter(**{slug_field: slug}).exists():
            article = create_article(number, entry, categories, credits, tags, now)
            if number % 3 == 1:
                add_comments(article, first_language)
            created += 1
        command.progress("Articles", number, len(entries))
    return created


def seed_categories(command, entries):
    categories = {}
    for entry in entries:
        category, _created = Category.objects.get_or_create(slug_en=entry["slug"])
        for language, text in entry["name"].items():
            setattr(category, build_localized_fieldname("name", language), text)
        for language, text in entry.get("description", {}).items():
            setattr(category, build_localized_fieldname("description", language), text)
        category.save()
        categories[entry["slug"]] = category
    command.stdout.write(f"Categories: {len(categories)}")
    return categories


def seed_named(command, model, entries, label):
    """Authors or sources: a name (and a bio or a website) in each language they have."""
    items = {}
    for entry in entries:
        item, _created = model.objects.get_or_create(slug=entry["slug"])
        for field in ("name", "bio"):
            for language, text in entry.get(field, {}).items():
                setattr(item, build_localized_fieldname(field, language), text)
        if "url" in entry:
            item.url = entry["url"]
        item.save()
        items[entry["slug"]] = item
    command.stdout.write(f"{label}: {len(items)}")
    return items


def create_article(number, entry, categories, credits, tags, now):
    article = Article(
        category=categories[entry["category"]],
        source=credits["sources"].get(entry.get("source")),
        status=entry.get("status", "published"),
        publish_at=now - timedelta(days=entry["days_ago"], hours=number % 9),
        source_url=entry.get("source_url", ""),
        featured=entry.get("featured", False),
    )
    for language, texts in entry["translations"].items():
        for field in ARTICLE_FIELDS:
            setattr(article, build_localized_fieldname(field, language), texts.get(field, ""))
        slug = slugify(texts["title"], allow_unicode=True)[:250]
        setattr(article, build_localized_fieldname("slug", language), slug)
    article.image = LibraryImage.objects.create(
        file=abstract_picture(number),
        title=next(iter(entry["translations"].values()))["title"][:200],
        **{
            build_localized_fieldname(word, language): texts.get(f"image_{word}", "")
            for language, texts in entry["translations"].items()
            for word in ("alt", "caption")
        },
    )
    article.save()
    article.tags.set([tags[slug] for slug in entry["tags"]])
    article.authors.set([credits["authors"][slug] for slug in entry.get("authors", [])])
    return article


def add_comments(article, language):
    """Two approved comments, an editor's reply, and one still waiting for moderation."""
    (first_name, first_text), (second_name, second_text), (editor, answer) = load("comments.json")[
        language
    ]

    def add(name, text, status=Comment.Status.APPROVED, parent=None):
        return article.comments.create(
            name=name,
            email="reader@example.org",
            text=text,
            language=language,
            status=status,
            parent=parent,
        )

    add(first_name, first_text)
    question = add(second_name, second_text)
    add(editor, answer, parent=question)
    add(second_name, second_text, status=Comment.Status.PENDING)
