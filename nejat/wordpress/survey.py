"""The first pass over the exports: what one item needs to know about the others.

A featured image or gallery names attachments that may come later in the file,
and the translations of one post may be anywhere in it. Reading every file once
before writing anything also means a refused or broken file stops the import
before it has changed the database.

What the first pass learns is kept in a small SQLite file in a temporary
folder, not in memory, so the memory used stays the same for any size of export.
"""

import sqlite3
from collections import namedtuple
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.timezone import make_aware

from nejat.wordpress import wxr
from nejat.wordpress.files import upload_path, without_scheme

# Where multilingual plugins keep a post's language and translation group.
WPML_LANGUAGE_KEYS = ("_icl_lang_code", "_wpml_language", "_wpml_import_language_code")
WPML_GROUP_KEYS = ("_icl_trid", "_wpml_import_translation_group", "_wpml_translation_group")
TERM_DOMAINS = ("category", "post_tag")

Attachment = namedtuple("Attachment", "id url path alt caption title")
Post = namedtuple("Post", "id kind date image")


def edition(code):
    """Our edition for a language code such as ``fa``, ``fa-IR`` or ``fa_IR``, or None."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in dict(settings.LANGUAGES) else None


def item_language(item):
    """The language a Polylang or WPML export gives the item ('' when it gives none)."""
    for slug, _name in item.terms_in("language"):
        return slug
    for key in WPML_LANGUAGE_KEYS:
        if item.meta_value(key):
            return item.meta_value(key)
    return ""


def translation_group(item):
    """A key shared by the translations of one post, or '' for a post on its own."""
    for slug, _name in item.terms_in("post_translations"):
        return f"polylang:{slug}"
    for key in WPML_GROUP_KEYS:
        if item.meta_value(key):
            return f"wpml:{item.meta_value(key)}"
    return ""


def is_public(item):
    """Whether the item is for every reader: published or scheduled, with no password,
    and with a title and a body to show."""
    return (
        item.status in ("publish", "future")
        and not item.password
        and bool(item.title.strip())
        and bool(item.content.strip())
    )


def old_path(address):
    """An old address compared the way WordPress served it: its decoded path."""
    return unquote(urlsplit(address.strip()).path).rstrip("/") + "/"


def wordpress_date(local, gmt, zone):
    """An aware datetime from WordPress's pair of dates: the UTC one when it is set
    (drafts have 0000-00-00), else the local one read in the site's time zone."""
    for value, value_zone in ((gmt, UTC), (local, zone)):
        if value and not value.startswith("0000"):
            try:
                naive = datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return naive.replace(tzinfo=UTC) if value_zone is UTC else make_aware(naive, zone)
    return None


class Survey:
    def __init__(self, directory, zone):
        self.zone = zone
        self.db = sqlite3.connect(Path(directory) / "survey.sqlite3")
        self.db.executescript(
            """
            CREATE TABLE attachment (
                site TEXT, id INTEGER, parent INTEGER, menu_order INTEGER,
                url TEXT, path TEXT, alt TEXT, caption TEXT, title TEXT, link TEXT,
                PRIMARY KEY (site, id));
            CREATE INDEX attachment_parent ON attachment (site, parent);
            CREATE TABLE member (site TEXT, grp TEXT, id INTEGER, public INTEGER, date TEXT);
            CREATE INDEX member_group ON member (site, grp);
            CREATE TABLE post (
                site TEXT, id INTEGER, kind TEXT, date TEXT, thumbnail INTEGER, path TEXT,
                PRIMARY KEY (site, id));
            CREATE INDEX post_path ON post (site, path);
            CREATE TABLE post_term (site TEXT, id INTEGER, taxonomy TEXT, slug TEXT);
            CREATE INDEX post_term_post ON post_term (site, id);
            """
        )
        self.sites = {}
        self.item_counts = {}
        self.term_languages = {}
        self.upload_prefixes = {}

    def close(self):
        self.db.close()

    def read(self, path, progress=None, zone=None):
        """Read one export through; raises ``wxr.ExportError`` if it cannot be imported.
        ``zone`` is the site's, for dates WordPress kept only in local time."""
        self.reading_zone = zone or self.zone
        count, site = 0, None
        for entry in wxr.read(path, progress):
            if isinstance(entry, wxr.Site):
                site = self.sites[path] = entry
                continue
            count += 1
            if entry.post_type == "attachment":
                self._attachment(site.url, entry)
            elif entry.post_type in ("post", "page"):
                self._post(site.url, entry)
        self.item_counts[path] = count
        self.db.commit()

    def _attachment(self, site, item):
        path = upload_path(item.attachment_url, item.meta_value("_wp_attached_file"))
        # Where this site served its uploads from (a CDN, a custom folder…).
        url = unquote(without_scheme(item.attachment_url))
        if path and url.endswith(path):
            self.upload_prefixes.setdefault(site, set()).add(url[: -len(path)])
        self.db.execute(
            "INSERT OR REPLACE INTO attachment VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                site,
                item.post_id,
                item.parent,
                item.menu_order,
                item.attachment_url or item.guid,
                path,
                item.meta_value("_wp_attachment_image_alt"),
                item.excerpt,
                item.title,
                item.link,
            ),
        )

    def _post(self, site, item):
        if item.status not in ("trash", "auto-draft"):
            date = wordpress_date(item.post_date, item.post_date_gmt, self.reading_zone)
            self.db.execute(
                "INSERT OR REPLACE INTO post VALUES (?, ?, ?, ?, ?, ?)",
                (
                    site,
                    item.post_id,
                    item.post_type,
                    date and date.astimezone(UTC).isoformat(),
                    int(item.meta_value("_thumbnail_id") or 0),
                    old_path(item.link),
                ),
            )
            self.db.executemany(
                "INSERT INTO post_term VALUES (?, ?, ?, ?)",
                [
                    (site, item.post_id, domain, slug)
                    for domain, slug, _name in item.terms
                    if domain in TERM_DOMAINS
                ],
            )
        group = translation_group(item)
        if group:
            date = wordpress_date(item.post_date, item.post_date_gmt, self.reading_zone)
            self.db.execute(
                "INSERT INTO member VALUES (?, ?, ?, ?, ?)",
                (
                    site,
                    group,
                    item.post_id,
                    int(is_public(item)),
                    date and date.astimezone(UTC).isoformat(),
                ),
            )
        language = edition(item_language(item))
        if language:
            for domain, slug, _name in item.terms:
                if domain in TERM_DOMAINS:
                    self.term_languages.setdefault((site, domain, slug), language)

    # Questions the second pass asks

    def attachment(self, site, attachment_id):
        row = self.db.execute(
            "SELECT id, url, path, alt, caption, title FROM attachment WHERE site = ? AND id = ?",
            (site, attachment_id),
        ).fetchone()
        return Attachment(*row) if row else None

    def attachments_of(self, site, parent):
        rows = self.db.execute(
            "SELECT id, url, path, alt, caption, title FROM attachment"
            " WHERE site = ? AND parent = ? ORDER BY menu_order, id",
            (site, parent),
        )
        return [Attachment(*row) for row in rows]

    def attachment_pages(self, site):
        """(attachment id, its page's address, the post it belongs to) for every attachment."""
        return self.db.execute(
            "SELECT id, link, parent FROM attachment WHERE site = ? ORDER BY id", (site,)
        )

    def posts(self, site):
        """Every post and page of a site, oldest first, with its featured image's file name."""
        rows = self.db.execute(
            "SELECT p.id, p.kind, p.date, a.path FROM post p LEFT JOIN attachment a"
            " ON a.site = p.site AND a.id = p.thumbnail WHERE p.site = ? ORDER BY p.date, p.id",
            (site,),
        )
        return [
            Post(id, kind, datetime.fromisoformat(date) if date else None, Path(path or "").name)
            for id, kind, date, path in rows
        ]

    def terms_of_post(self, site, post_id, taxonomy):
        rows = self.db.execute(
            "SELECT slug FROM post_term WHERE site = ? AND id = ? AND taxonomy = ?",
            (site, post_id, taxonomy),
        )
        return [row[0] for row in rows]

    def post_at(self, site, path):
        """The id of the site's post or page at this decoded path, or None."""
        row = self.db.execute(
            "SELECT id FROM post WHERE site = ? AND path = ?", (site, path)
        ).fetchone()
        return row[0] if row else None

    def group_members(self, site, group):
        rows = self.db.execute("SELECT id FROM member WHERE site = ? AND grp = ?", (site, group))
        return [row[0] for row in rows]

    def group_summary(self, site, group):
        """Whether any translation is public, and the first date (of a public one if any)."""
        public, first_public, first = self.db.execute(
            "SELECT MAX(public), MIN(CASE WHEN public = 1 THEN date END), MIN(date)"
            " FROM member WHERE site = ? AND grp = ?",
            (site, group),
        ).fetchone()
        date = first_public if public else first
        return bool(public), datetime.fromisoformat(date) if date else None
