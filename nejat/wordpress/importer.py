"""The mapping of a WordPress site onto ours.

Posts become articles, pages become site pages; the translations of one post
(a Polylang or WPML group) become one article with several languages filled
in. Every item is found again by its site and WordPress id, and one whose data
has not changed since it was last imported is left alone.
"""

import contextlib
import dataclasses
import hashlib
import json
import re
from functools import partial
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article
from nejat.models import ImportRecord, Page, TaggedItem, address_is_free
from nejat.publishing import Publishable
from nejat.wordpress import content, wxr
from nejat.wordpress.comments import Comments
from nejat.wordpress.files import Uploads
from nejat.wordpress.records import Records, Redirects
from nejat.wordpress.report import Report
from nejat.wordpress.survey import (
    Survey,
    edition,
    is_public,
    item_language,
    translation_group,
    wordpress_date,
)
from nejat.wordpress.terms import Terms

# Raise to import every item again after a change to how items are converted.
VERSION = 1
SKIPPED_STATUS = {"trash", "auto-draft", "inherit"}


def localized(field, language):
    return build_localized_fieldname(field, language)


class WordPressImport:
    def __init__(
        self,
        paths,
        uploads=None,
        language=None,
        dry_run=False,
        time_zone=None,
        refresh=False,
        progress=None,
    ):
        self.paths = [str(path) for path in paths]
        self.language = language
        self.dry_run = dry_run
        self.refresh = refresh
        self.zone = ZoneInfo(time_zone or settings.TIME_ZONE)
        # progress(stage, done, total): "reading" counts bytes, "importing" items.
        self.progress = progress or (lambda stage, done, total: None)
        self.report = Report()
        self.uploads = Uploads(uploads, self.report, dry_run=dry_run)

    def run(self):
        with TemporaryDirectory() as folder:
            self.survey = Survey(folder, self.zone)
            try:
                self.read_through()
                self.languages = {path: self.file_language(path) for path in self.paths}
                self.total, self.done = sum(self.survey.item_counts.values()), 0
                # A dry run does all the work in a transaction it then rolls back.
                with transaction.atomic() if self.dry_run else contextlib.nullcontext():
                    for path in self.paths:
                        self.import_file(path)
                    if self.dry_run:
                        transaction.set_rollback(True)
            finally:
                self.survey.close()
        return self.report

    def read_through(self):
        """The first pass over every export, before anything is written."""
        sizes = [Path(path).stat().st_size for path in self.paths]
        for number, path in enumerate(self.paths):
            offset, total = sum(sizes[:number]), sum(sizes)
            self.survey.read(path, partial(self.reading, offset, total))

    def reading(self, offset, total, done, _size):
        self.progress("reading", offset + done, total)

    def file_language(self, path):
        site = self.survey.sites[path]
        language = self.language or edition(site.language)
        if language is None:
            raise wxr.ExportError(
                f"{Path(path).name}: its language ({site.language or 'none given'}) is not "
                "one of this site's editions; say which edition it belongs to with --language."
            )
        return language

    def import_file(self, path):
        site, language = self.survey.sites[path], self.languages[path]
        self.site, self.file_lang = site, language
        self.records = Records(site.url)
        self.redirects = Redirects(self.report)
        self.uploads.start_site(site.url, self.survey.upload_prefixes.get(site.url, ()))
        self.terms = Terms(self.records, self.redirects, self.report, self.survey.term_languages)
        self.comments = Comments(self.records, self.report, self.zone)
        with transaction.atomic():
            self.terms.start_site(site, language)
        for entry in wxr.read(path):
            if isinstance(entry, wxr.Item):
                self.import_item(entry)
                self.done += 1
                self.progress("importing", self.done, self.total)
        with transaction.atomic():
            self.attachment_redirects()

    # One item

    def import_item(self, item):
        kind = item.post_type
        if kind == "attachment":
            return
        if kind not in ("post", "page"):
            self.report.skip(f"{kind} items", "not content this site imports")
            return
        label = f"#{item.post_id} {content.plain_text(item.title)[:60]}".strip()
        if item.status in SKIPPED_STATUS:
            self.report.skip(f"{kind}s", f"status “{item.status}”", label)
            return
        code = item_language(item)
        language = edition(code) if code else self.file_lang
        if language is None:
            self.report.skip(f"{kind}s", f"language “{code}” is not an edition here", label)
            return
        model = Article if kind == "post" else Page
        plural = str(model._meta.verbose_name_plural)
        record = self.records.get(kind, item.post_id)
        checksum = self.checksum(item, language)
        if record and record.checksum == checksum and not self.refresh:
            self.report.count(plural, "unchanged", language)
            return
        with transaction.atomic():
            obj = self.existing(record, kind, item, model)
            created = obj is None
            if created:
                obj = model()
            self.fill(obj, item, language, label, own=record is not None)
            self.records.save(record, kind, item.post_id, obj, language, checksum)
            if kind == "post":
                self.comments.import_all(item, obj, language)
            else:
                for _comment in item.comments:
                    self.report.skip("comments", "on a page: our pages take no comments")
            self.item_redirects(item, obj, language)
        action = "created" if created else "updated" if record else "translations added"
        self.report.count(plural, action, language)

    def checksum(self, item, language):
        data = [VERSION, language, dataclasses.asdict(item)]
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def existing(self, record, kind, item, model):
        """Ours for this item: imported before, or another language of the same post."""
        obj = record.content_object if record else None
        group = translation_group(item)
        if obj is None and group:
            members = self.survey.group_members(self.site.url, group)
            obj = self.records.object_of(kind, [m for m in members if m != item.post_id])
        return obj if isinstance(obj, model) else None

    def fill(self, obj, item, language, label, own):
        title = content.plain_text(item.title)
        body = self.body(item)
        public = is_public(item)
        group = translation_group(item)
        if group:
            group_public, first_date = self.survey.group_summary(self.site.url, group)
        else:
            group_public, first_date = public, self.date(item)
        # The first published translation decides what all languages share (the category).
        first_public = public and self.date(item) == first_date
        setattr(obj, localized("title", language), title[: obj._meta.get_field("title").max_length])
        setattr(obj, localized("body", language), body)
        obj.status = Publishable.Status.PUBLISHED if group_public else Publishable.Status.DRAFT
        obj.publish_at = first_date or timezone.now()
        slug = ""
        if public or not group_public:
            slug = self.unique_slug(obj, item, title, language)
        else:
            self.report.note(
                "draft translation of a published post: imported without its slug, so it "
                "stays unpublished until an editor gives it one",
                f"{label} ({language})",
            )
        setattr(obj, localized("slug", language), slug)
        self.notes(item, title, body, label)
        files = contextlib.ExitStack()
        with files:
            if isinstance(obj, Article):
                self.fill_article(obj, item, language, label, own or first_public, files)
            else:
                obj.order = item.menu_order
                obj.save()
        created = self.date(item)
        modified = wordpress_date(item.modified, item.modified_gmt, self.zone)
        type(obj).objects.filter(pk=obj.pk).update(
            created_at=min(obj.created_at, created or obj.created_at),
            updated_at=modified or obj.updated_at,
        )

    def notes(self, item, title, body, label):
        if not title or not body.strip():
            missing = "title" if not title else "body"
            self.report.note(f"no {missing} in WordPress: not shown in any edition", label)
        if item.password:
            self.report.note("password-protected in WordPress: imported as a draft", label)
        elif item.status == "private":
            self.report.note("private in WordPress: imported as a draft", label)
        if item.is_sticky:
            self.report.note(
                "sticky (pinned) in WordPress: Nejat lists articles newest first", label
            )

    def fill_article(self, article, item, language, label, leads, files):
        category = self.terms.primary_category(item, language)
        new = article.pk is None
        if new or leads:
            article.category = category
            article.comments_open = item.comment_status == "open"
        setattr(article, localized("summary", language), content.plain_text(item.excerpt))
        author = self.site.authors.get(item.creator, item.creator)
        setattr(article, localized("byline", language), author[:200])
        self.featured_image(article, item, language, label, files)
        article.save()
        self.add_tags(article, self.terms.tags(item, language, category), new)

    def add_tags(self, article, tags, new):
        """Tags added to the article's own (those of its other languages are kept)."""
        kind = ContentType.objects.get_for_model(Article)
        tagged = TaggedItem.objects.filter(content_type=kind, object_id=article.pk)
        have = set() if new else set(tagged.values_list("tag_id", flat=True))
        wanted = {tag.pk: tag for tag in tags if tag.pk not in have}
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=kind, object_id=article.pk, tag=tag) for tag in wanted.values()
        )

    def featured_image(self, article, item, language, label, files):
        thumbnail = int(item.meta_value("_thumbnail_id") or 0)
        if not thumbnail:
            return
        attachment = self.survey.attachment(self.site.url, thumbnail)
        if attachment is None:
            self.report.note("featured image not in the export", label)
            return
        setattr(article, localized("image_alt", language), attachment.alt[:250])
        caption = content.plain_text(attachment.caption)[:300]
        setattr(article, localized("image_caption", language), caption)
        if article.image and same_file(article.image.name, attachment.path):
            return
        path = self.uploads.image(attachment.path)
        if path is not None and not self.dry_run:
            article.image = File(files.enter_context(path.open("rb")), name=path.name)

    def body(self, item):
        reported = set()

        def unknown(table):
            def add(name):
                if (table, name) not in reported:
                    reported.add((table, name))
                    getattr(self.report, table)[name] += 1

            return add

        context = content.Context(
            rewrite_url=self.rewrite_url,
            gallery=lambda ids: self.gallery(item, ids),
            unknown_shortcode=unknown("shortcodes"),
            unknown_block=unknown("blocks"),
        )
        return content.convert(item.content, context)

    def gallery(self, item, ids):
        if ids is None:
            attachments = self.survey.attachments_of(self.site.url, item.post_id)
        else:
            attachments = [self.survey.attachment(self.site.url, i) for i in ids]
        return [
            (a.id, a.url, a.alt, content.plain_text(a.caption))
            for a in attachments
            if a is not None
        ]

    def rewrite_url(self, url):
        """Uploads become our copies; other addresses on the old site become paths, which
        the redirects table answers once the old domain points here."""
        if self.uploads.relative(url):
            copied = self.uploads.copy(url)
            if copied and same_host(url, self.site.url):
                self.redirects.add([url], copied)
            # A file that is not there keeps its old address: the old site may still serve it.
            return copied or url
        if same_host(url, self.site.url):
            parts = urlsplit(url)
            path = parts.path or "/"
            return (
                path
                + (f"?{parts.query}" if parts.query else "")
                + (f"#{parts.fragment}" if parts.fragment else "")
            )
        return url

    def unique_slug(self, obj, item, title, language):
        model = type(obj)
        field = localized("slug", language)
        limit = model._meta.get_field(field).max_length
        base = (
            slugify(unquote(item.post_name), allow_unicode=True)
            or slugify(title, allow_unicode=True)
            or f"{item.post_type}-{item.post_id}"
        )[:limit].strip("-")
        others = model.objects.exclude(pk=obj.pk)
        for number in range(1, 1000):
            slug = base if number == 1 else f"{base[: limit - 5]}-{number}"
            free = model is not Page or address_is_free(language, slug)
            if free and not others.filter(**{field: slug}).exists():
                return slug
        return f"{base[: limit - 12]}-{item.post_id}"

    def date(self, item):
        return wordpress_date(item.post_date, item.post_date_gmt, self.zone)

    # Old addresses

    def item_redirects(self, item, obj, language):
        if not obj.has_language(language):
            return
        new = unquote(obj.url_in(language))
        base = urlsplit(self.site.url).path.rstrip("/")
        olds = [item.link, f"{base}/?p={item.post_id}"]
        if item.post_type == "page":
            olds.append(f"{base}/?page_id={item.post_id}")
        path = urlsplit(item.link).path
        for old_slug in item.meta_values("_wp_old_slug"):
            if old_slug and item.post_name and f"/{item.post_name}/" in path:
                olds.append(path.replace(f"/{item.post_name}/", f"/{old_slug}/"))
        self.redirects.add([old for old in olds if old], new)

    def attachment_redirects(self):
        """An attachment's page now leads to the article (or page) it belonged to."""
        base = urlsplit(self.site.url).path.rstrip("/")
        for attachment_id, link, parent in self.survey.attachment_pages(self.site.url):
            record = ImportRecord.objects.filter(
                source_site=self.site.url, kind__in=("post", "page"), wordpress_id=parent
            ).first()
            obj = record.content_object if record else None
            if obj is None or not obj.has_language(record.language):
                continue
            new = unquote(obj.url_in(record.language))
            self.redirects.add([link, f"{base}/?attachment_id={attachment_id}"], new)


def same_host(url, site_url):
    host = urlsplit(url or "").hostname
    return bool(host) and host == urlsplit(site_url).hostname


def same_file(stored_name, source_path):
    """Whether the stored image is a copy of this source file (storage may add a suffix)."""
    source = PurePosixPath(source_path)
    pattern = rf"{re.escape(source.stem)}(_[A-Za-z0-9]{{7}})?{re.escape(source.suffix)}"
    return re.fullmatch(pattern, PurePosixPath(stored_name).name) is not None
