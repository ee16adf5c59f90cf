"""Peak memory of importing a large WordPress export.

Generates an export of 20,000 posts (with categories, tags, comments, attachments
and shortcodes) in a temporary folder, imports it into a throwaway SQLite database,
and prints the peak resident memory of the process:

    .venv/bin/python benchmarks/wordpress_import_memory.py [--posts N] [--dry-run]

Not part of the test suite: it takes minutes.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Benchmark</title><link>https://bench.example.org</link>
<language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
<wp:author><wp:author_login>editor</wp:author_login>
<wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
"""
PARAGRAPH = (
    "Volunteers from the neighbourhood met on Saturday morning to plant young trees along "
    "the river bank, clear the paths and paint the benches of the small park by the school."
)


COMMENT = """<wp:comment><wp:comment_id>{id}</wp:comment_id>
<wp:comment_author><![CDATA[Reader {n}]]></wp:comment_author>
<wp:comment_author_email>reader{n}@example.org</wp:comment_author_email>
<wp:comment_date_gmt>{day} 12:0{n}:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Thank you for organising this.]]></wp:comment_content>
<wp:comment_approved>{approved}</wp:comment_approved>
<wp:comment_type>comment</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""

ATTACHMENT = """<item><title>photo-{number}</title><link>{link}photo-{number}/</link>
<wp:post_id>{id}</wp:post_id><wp:post_parent>{number}</wp:post_parent>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>{url}</wp:attachment_url>
<excerpt:encoded><![CDATA[Young trees]]></excerpt:encoded></item>
"""

POST = """<item><title>Neighbourhood day number {number}</title><link>{link}</link>
<dc:creator>editor</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[A morning of work by the river.]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date>{day} 10:00:00</wp:post_date>
<wp:post_date_gmt>{day} 08:00:00</wp:post_date_gmt><wp:post_name>post-{number}</wp:post_name>
<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>
<wp:comment_status>open</wp:comment_status>
<category domain="category" nicename="section-{section}"><![CDATA[Section {section}]]></category>
<category domain="post_tag" nicename="topic-{topic}"><![CDATA[Topic {topic}]]></category>
<category domain="post_tag" nicename="place-{place}"><![CDATA[Place {place}]]></category>
{meta}{comments}</item>
"""


def post(number):
    """A post of about 2 KB; every fourth has a photo, every fifth three comments."""
    day = f"20{10 + number % 14:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    link = f"https://bench.example.org/{day.replace('-', '/')}/post-{number}/"
    body = "\n\n".join(f"{PARAGRAPH} ({number}.{p})" for p in range(8))
    photo = f"https://bench.example.org/wp-content/uploads/{day[:4]}/{day[5:7]}/photo-{number}.jpg"
    meta = attachment = ""
    if number % 4 == 0:
        body += f'\n\n[caption width="800"]<img src="{photo}" alt="Trees"> Young trees[/caption]'
        meta = (
            "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
            f"<wp:meta_value>{100_000 + number}</wp:meta_value></wp:postmeta>"
        )
        attachment = ATTACHMENT.format(number=number, link=link, id=100_000 + number, url=photo)
    comments = "".join(
        COMMENT.format(
            id=number * 10 + n,
            n=n,
            day=day,
            approved=1 if n else 0,
            parent=number * 10 + 1 if n == 2 else 0,
        )
        for n in range(3 if number % 5 == 0 else 0)
    )
    return (
        POST.format(
            number=number,
            link=link,
            body=body,
            day=day,
            status="publish" if number % 10 else "draft",
            section=number % 40,
            topic=number % 300,
            place=number % 70,
            meta=meta,
            comments=comments,
        )
        + attachment
    )


def generate(path, posts):
    with open(path, "w", encoding="utf-8") as export:
        export.write(HEADER)
        for number in range(1, posts + 1):
            export.write(post(number))
        export.write("</channel></rss>\n")


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        os.environ.update(
            DJANGO_SETTINGS_MODULE="nejat.settings.base",
            DJANGO_DEBUG="false",  # DEBUG keeps every query in memory
            DATABASE_URL=f"sqlite:///{folder / 'benchmark.sqlite3'}",
            DJANGO_MEDIA_ROOT=str(folder / "media"),
        )
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        export = folder / "export.xml"
        generate(export, options.posts)
        size = export.stat().st_size / 1024 / 1024
        call_command("migrate", verbosity=0)
        (folder / "uploads").mkdir()
        before = peak_mb()
        print(f"Export: {options.posts} posts, {size:.0f} MB. Peak memory before: {before:.0f} MB")

        started = time.monotonic()
        with open(os.devnull, "w") as quiet:
            call_command(
                "import_wordpress",
                str(export),
                uploads=str(folder / "uploads"),
                dry_run=options.dry_run,
                stdout=quiet,
                stderr=quiet,
            )
        from articles.models import Article

        print(
            f"Imported {Article.objects.count()} articles in {time.monotonic() - started:.0f} s"
            f"{' (dry run, rolled back)' if options.dry_run else ''}."
        )
        print(f"Peak memory (RSS): {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
