"""Bulk-load the generated benchmark content into the site's database.

    DJANGO_SETTINGS_MODULE=… python benchmarks/load.py CONTENT_DIR ARTICLES OUT_JSON

CONTENT_DIR is what ``gen_content.py`` wrote (1,000 articles, 8 images); the same
content goes into the bare-Django ceiling, so the two serve the same pages. Past
1,000 articles the content repeats with distinct titles, slugs and dates.

Saving 100,000 articles one at a time (sanitising, indexing, resizing the image each
time) would take hours. The first 1,000 are inserted with ``bulk_create`` and
indexed for search by the site's own ``rebuild_search_index``; the repeats are
copied from them inside the database, search entries included (see ``repeats``).
The 8 images and their renditions are stored once, by the image field itself, and
every article points at them. OUT_JSON receives the time each stage took and the
addresses of the pages to measure, found with ``reverse()`` so that they follow the
site's URLs.

Every article exists in all four editions (see ``content``).
"""

import json
import os
import sys
import time
from pathlib import Path

import repeats
from content import LANGUAGES, editions, in_language, publish_times, translated

ROOT = Path(__file__).resolve().parent.parent
BATCH = 1000
# One article in five has two approved comments, so the comment counts are not all zero.
COMMENTED_EVERY = 5


def store_images(model, folder, field_name="image"):
    """Store each image once through the model's image field, and its renditions,
    without saving a row; returns generated name → stored name."""
    from django.core.files import File

    from nejat.media.renditions import make_renditions

    field = model._meta.get_field(field_name)
    names = {}
    for path in sorted(Path(folder).glob("*.jpg")):
        holder = model()
        with path.open("rb") as image:
            setattr(holder, field.attname, File(image, name=path.name))
            stored = field.pre_save(holder, add=True)
            make_renditions(stored)
            names[path.name] = stored.name
    return names


def load_categories(category_model, names):
    from django.utils.text import slugify

    categories = category_model.objects.bulk_create(
        category_model(
            name=name,
            **{f"name_{language}": in_language(name, language) for language in LANGUAGES},
            **{f"slug_{language}": slugify(name) for language in LANGUAGES},
        )
        for name in names
    )
    return {category.name_en: category for category in categories}


def load_tags(tag_model, names):
    tags = tag_model.objects.bulk_create(
        tag_model(
            name=name,
            slug=name,
            label=name,
            **{f"label_{language}": in_language(name, language) for language in LANGUAGES},
            **{f"label_slug_{language}": name for language in LANGUAGES},
        )
        for name in names
    )
    return {tag.name: tag for tag in tags}


class Loader:
    """Fills an empty, migrated database: the originals first, indexed by the site's
    own ``rebuild_search_index``, then the repeats, indexed by copying."""

    def __init__(self, content_dir, count):
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType

        from articles.models import Article, Category
        from nejat.models import Tag

        self.article, self.category, self.tag = Article, Category, Tag
        self.tagged_item = Article.tags.through
        self.comment = Article._meta.get_field("comments").related_model
        self.cartoon = apps.get_model("media_library", "Cartoon")
        self.library_image = apps.get_model("nejat_media", "LibraryImage")
        self.entry = apps.get_model("nejat", "SearchEntry")
        self.content_type = ContentType.objects.get_for_model(Article)
        self.content_dir, self.count = content_dir, count
        self.content = self.read("articles.json")
        self.editions = [editions(article) for article in self.content]
        self.times = publish_times(count)
        self.source_pks = {}

    def read(self, name):
        return json.loads((self.content_dir / name).read_text(encoding="utf-8"))

    def run(self, lap):
        """``lap(name)`` records how long each stage took."""
        from django.core.management import call_command

        self.images = store_images(self.cartoon, self.content_dir / "images")
        # An article's featured image is a library image: one row for each picture.
        stored = store_images(self.library_image, self.content_dir / "images", "file")
        rows = [self.library_image(file=name, width=1200, height=800) for name in stored.values()]
        rows = self.library_image.objects.bulk_create(rows)
        self.featured = dict(zip(stored, rows, strict=True))
        self.categories = load_categories(self.category, self.read("categories.json"))
        self.tags = load_tags(self.tag, self.read("tags.json"))
        originals = min(self.count, len(self.content))
        self.load_originals(range(originals))
        load_cartoons(self.cartoon, self.content, cartoon_count(self.count), self.images)
        lap(f"bulk load {originals:,} originals")
        call_command("rebuild_search_index")
        lap("rebuild_search_index")
        if self.count > originals:
            with repeats.gin_indexes_dropped(self.entry):
                self.load_repeats(range(originals, self.count))
            lap(f"copy {self.count - originals:,} repeats and their index entries")

    def load_originals(self, numbers):
        rows = self.article.objects.bulk_create(map(self.article_row, numbers), batch_size=BATCH)
        pairs = list(zip(numbers, rows, strict=True))
        self.add_tags_and_comments(pairs)
        self.originals = {number: row.pk for number, row in pairs}
        print(f"articles: {len(rows)}/{self.count}", flush=True)

    def article_row(self, number):
        source = self.content[number]
        return self.article(
            status="published",
            publish_at=self.times[number],
            category=self.categories[source["category"]],
            image=self.featured[source["image"]],
            source_language="en",
            **translated(self.editions[number]),
        )

    def load_repeats(self, numbers):
        """A transaction per batch: the GIN indexes cannot be built again while the
        copies' foreign-key checks are still pending in the same one."""
        from django.db import transaction

        size = len(self.content)
        related = (self.tagged_item, self.comment, self.entry, self.article)
        for start in range(numbers.start, numbers.stop, BATCH):
            planned = []
            for number in range(start, min(start + BATCH, numbers.stop)):
                suffix = str(number // size + 1)
                slug = f"{self.content[number % size]['slug']}-{suffix}"
                planned.append((slug, self.originals[number % size], suffix, self.times[number]))
            with transaction.atomic():
                pks = repeats.copy_articles(self.article, planned)
                pairs = [(pks[slug], original, suffix) for slug, original, suffix, _ in planned]
                repeats.copy_related(related, self.content_type, pairs)
            print(f"articles: {start + len(planned)}/{self.count}", flush=True)

    def add_tags_and_comments(self, pairs):
        content = self.content
        self.tagged_item.objects.bulk_create(
            self.tagged_item(tag=self.tags[name], content_type=self.content_type, object_id=row.pk)
            for number, row in pairs
            for name in content[number % len(content)]["tags"]
        )
        self.comment.objects.bulk_create(
            self.comment(
                article=row,
                name=f"Reader {reply}",
                email="reader@example.org",
                text=content[number % len(content)]["intro"],
                language="en",
                status="approved",
                ip_hash="bench",
            )
            for number, row in pairs
            if number % COMMENTED_EVERY == 0
            for reply in (1, 2)
        )


def cartoon_count(articles):
    """One cartoon for every ten articles: at least two list pages, at most 1,000 (the
    search index rebuild covers them all)."""
    return min(1000, max(24, articles // 10))


def load_cartoons(cartoon_model, content, count, images):
    """Cartoons with the same pictures, for the media list pages."""
    times = publish_times(count)
    rows = []
    for number in range(count):
        source = content[number % len(content)]
        texts = {"title": source["title"], "caption": source["intro"]}
        rows.append(
            cartoon_model(
                status="published",
                publish_at=times[number],
                image=images[source["image"]],
                image_width=1200,
                image_height=800,
                **texts,
                **{
                    f"{field}_{language}": in_language(text, language)
                    for field, text in texts.items()
                    for language in LANGUAGES
                },
            )
        )
    cartoon_model.objects.bulk_create(rows, batch_size=BATCH)


def pages_to_measure(article, count, month, search_query):
    """Paths of the measured pages by name, in the English edition unless named."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    from django.utils.http import urlencode

    pages = {}
    with translation.override("fa"):
        pages["home (fa)"] = reverse("home")
    with translation.override("en"):
        pages["home (en)"] = reverse("home")
        pages["article"] = article.get_absolute_url()
        pages["category"] = article.category.get_absolute_url()
        pages["home, last page"] = f"{reverse('home')}?older={last_page_anchor(article)}"
        pages["month archive"] = reverse(
            "articles:month", kwargs={"year": month.year, "month": month.month}
        )
        pages["search"] = f"{reverse('search')}?{urlencode({'q': search_query})}"
        pages["sitemap.xml"] = reverse("sitemap")
        # Each thing has up to four addresses: 250 things a page.
        last = -(-count // (1000 // len(settings.LANGUAGES)))
        pages["sitemap, last page"] = f"{reverse('sitemap_section', args=['articles'])}?p={last}"
        pages["media list"] = reverse("media_library:cartoons")
    return pages


def last_page_anchor(article):
    """The article the last page of the English home listing starts after (pages go
    by the item they follow, see nejat.publishing.pagination)."""
    from django.conf import settings

    newest_first = (
        type(article).objects.published().in_language("en").order_by("-publish_at", "-pk")
    )
    count = newest_first.count()
    last_start = (count - 1) // settings.NEJAT_PAGE_SIZE * settings.NEJAT_PAGE_SIZE
    return newest_first.values_list("pk", flat=True)[max(0, last_start - 1)]


def stopwatch(timings):
    """A function that stores the seconds since its previous call under a name."""
    last = time.monotonic()

    def lap(name):
        nonlocal last
        now = time.monotonic()
        timings[name], last = now - last, now

    return lap


def main():
    content_dir, count, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    translation.activate("en")
    timings = {}
    loader = Loader(content_dir, count)
    loader.run(stopwatch(timings))
    # The ceiling's article page shows the 500th generated article: measure the same one.
    source = loader.content[min(499, count - 1)]
    article = loader.article.objects.select_related("category").get(slug_en=source["slug"])
    search_query = os.environ.get("BENCH_SEARCH", "election")
    pages = pages_to_measure(article, count, loader.times[count // 2], search_query)
    out.write_text(json.dumps({"pages": pages, "timings": timings}, ensure_ascii=False))
    print(f"loaded {count} articles and {cartoon_count(count)} cartoons", flush=True)


if __name__ == "__main__":
    main()
