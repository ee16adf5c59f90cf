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
from functools import partial
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from articles.models import Article
from nejat.caching import generation as generations
from nejat.site.models import Page
from nejat.wordpress import wxr
from nejat.wordpress.comments import Comments
from nejat.wordpress.files import Uploads
from nejat.wordpress.markup import plain_text
from nejat.wordpress.models import ImportRecord
from nejat.wordpress.posts import PostMapping
from nejat.wordpress.records import Records, Redirects
from nejat.wordpress.report import Report
from nejat.wordpress.survey import (
    Survey,
    edition,
    item_language,
    translation_group,
)
from nejat.wordpress.terms import Terms

# Raise to import every item again after a change to how items are converted.
VERSION = 1
SKIPPED_STATUS = {"trash", "auto-draft", "inherit"}


class WordPressImport(PostMapping):
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
        # One new page-cache generation at the end, not one for every item imported.
        with TemporaryDirectory() as folder, generations.deferred():
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
        label = f"#{item.post_id} {plain_text(item.title)[:60]}".strip()
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
