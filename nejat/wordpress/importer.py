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
from nejat.wordpress.archives import attachment_redirects, edition_redirects
from nejat.wordpress.authors import Authors
from nejat.wordpress.comments import Comments
from nejat.wordpress.files import Uploads
from nejat.wordpress.links import point_links_at_new_addresses
from nejat.wordpress.markup import plain_text
from nejat.wordpress.posts import PostMapping
from nejat.wordpress.proposals import write_proposals
from nejat.wordpress.records import Records, Redirects
from nejat.wordpress.report import Report
from nejat.wordpress.sites import Links, SiteOptions
from nejat.wordpress.survey import Survey, edition, item_language, translation_group
from nejat.wordpress.terms import Terms

# Raise to import every item again after a change to how items are converted.
VERSION = 1
SKIPPED_STATUS = {"trash", "auto-draft", "inherit"}


class WordPressImport(PostMapping):
    def __init__(
        self,
        paths=(),
        uploads=None,
        language=None,
        dry_run=False,
        time_zone=None,
        refresh=False,
        progress=None,
        sites=None,
        links=None,
        term_links=None,
        propose_links=None,
        force_language=False,
        categories_as_tags=False,
    ):
        # One SiteOptions per export: given one by one (--site), or the same for all.
        self.sites = sites or [
            SiteOptions(str(path), language, uploads, None, time_zone) for path in paths
        ]
        self.paths = [options.path for options in self.sites]
        self.options = {options.path: options for options in self.sites}
        self.separate_sites = sites is not None
        self.links_path, self.term_links_path = links, term_links
        self.propose_path = propose_links
        self.force_language = force_language
        self.categories_as_tags = categories_as_tags
        self.dry_run = dry_run or bool(propose_links)
        self.refresh = refresh
        self.default_zone = ZoneInfo(time_zone or settings.TIME_ZONE)
        self.zone = self.default_zone
        # progress(stage, done, total): "reading" counts bytes, "importing" items.
        self.progress = progress or (lambda stage, done, total: None)
        self.report = Report()
        self.authors = Authors()
        self.uploads = Uploads(uploads, self.report, dry_run=self.dry_run)
        # Old addresses claimed in this run, by (host, path), over every site.
        self.claimed = {}
        # Each site's own host name → the host its old addresses are kept under.
        self.host_of = {}

    def run(self):
        # One new page-cache generation at the end, not one for every item imported.
        with TemporaryDirectory() as folder, generations.deferred():
            self.survey = Survey(folder, self.default_zone)
            try:
                self.read_through()
                self.site_of_language = {}
                self.languages = {path: self.file_language(path) for path in self.paths}
                if self.propose_path:
                    return self.write_proposal()
                self.links = self.read_links()
                self.total, self.done = sum(self.survey.item_counts.values()), 0
                # A dry run does all the work in a transaction it then rolls back.
                with transaction.atomic() if self.dry_run else contextlib.nullcontext():
                    for path in self.paths:
                        self.import_file(path)
                    if self.separate_sites:
                        self.resolve_links()
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
            self.survey.read(path, partial(self.reading, offset, total), self.zone_of(path))

    def reading(self, offset, total, done, _size):
        self.progress("reading", offset + done, total)

    def zone_of(self, path):
        zone = self.options[path].time_zone
        return ZoneInfo(zone) if zone else self.default_zone

    def file_language(self, path):
        site, given = self.survey.sites[path], self.options[path].language
        own = edition(site.language)
        if given and own and given != own and not self.force_language:
            raise wxr.ExportError(
                f"{Path(path).name} says it is in {site.language}, not {given}: check the "
                "file, or import it as that language anyway with --force-language."
            )
        language = given or own
        if language is None:
            raise wxr.ExportError(
                f"{Path(path).name}: its language ({site.language or 'none given'}) is not "
                "one of this site's editions; say which edition it belongs to with --language."
            )
        if self.separate_sites and language in self.site_of_language:
            raise wxr.ExportError(f"Two sites are given for the {language} edition.")
        self.site_of_language[language] = site.url
        return language

    def read_links(self):
        links = Links()
        try:
            if self.links_path:
                links = Links.of_stories(self.links_path, self.survey, self.site_of_language)
            if self.term_links_path:
                links.add_terms(self.term_links_path)
        except (OSError, ValueError) as error:
            raise wxr.ExportError(str(error)) from error
        return links

    def write_proposal(self):
        sites = {self.languages[path]: self.survey.sites[path] for path in self.paths}
        write_proposals(self.survey, sites, self.propose_path, self.report)
        return self.report

    def import_file(self, path):
        site, language = self.survey.sites[path], self.languages[path]
        options = self.options[path]
        self.site, self.file_lang = site, language
        self.zone = self.zone_of(path)
        host = options.host
        if self.separate_sites and host is None:
            host = urlsplit(site.url).hostname or ""
        self.records = Records(site.url)
        self.redirects = Redirects(self.report, host or "", self.claimed)
        self.host_of[(urlsplit(site.url).hostname or "").lower()] = host or ""
        self.uploads.start_site(
            site.url, self.survey.upload_prefixes.get(site.url, ()), options.uploads
        )
        self.terms = Terms(
            self.records,
            self.redirects,
            self.report,
            self.survey.term_languages,
            self.partner_sites if self.separate_sites else None,
            self.categories_as_tags,
        )
        self.comments = Comments(self.records, self.report, self.zone)
        # All of a site or none of it: an interrupted run leaves no story half-linked,
        # and the next run starts that site again.
        with transaction.atomic():
            self.terms.start_site(site, language)
            self.authors.start_site(site, language, self.records, self.redirects)
            for entry in wxr.read(path):
                if isinstance(entry, wxr.Item):
                    self.import_item(entry)
                    self.done += 1
                    self.progress("importing", self.done, self.total)
            attachment_redirects(self.redirects, self.survey, site.url)
            if self.separate_sites:
                posts = self.survey.posts(site.url)
                edition_redirects(self.redirects, site.url, language, posts, self.zone)

    def resolve_links(self):
        site_urls = [self.survey.sites[path].url for path in self.paths]
        with transaction.atomic():
            changed = point_links_at_new_addresses(site_urls, self.host_of)
        if changed:
            self.report.count("bodies", "links pointed at new addresses", number=changed)

    def partner_sites(self, kind, language, number):
        """(site, id) of the items of other sites linked to this one."""
        return [
            (self.site_of_language[code], other)
            for code, other in self.links.partners(kind, language, number)
            if code in self.site_of_language
        ]

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
        if obj is None and self.separate_sites:
            partners = self.partner_sites("post", self.file_lang, item.post_id)
            obj = self.records.linked_object(kind, partners)
        return obj if isinstance(obj, model) else None

    # Old addresses

    def item_redirects(self, item, obj, language):
        if not obj.has_language(language):
            return
        # Not public on the old site (a password, private): not to be guessed here either.
        hidden = item.password or item.status == "private"
        new = "" if hidden else unquote(obj.url_in(language))
        base = urlsplit(self.site.url).path.rstrip("/")
        olds = [item.link, f"{base}/?p={item.post_id}"]
        if item.post_type == "post" and item.link:
            olds.append(f"{item.link.rstrip('/')}/feed/")  # its comments' feed
        if item.post_type == "page":
            olds.append(f"{base}/?page_id={item.post_id}")
        path = urlsplit(item.link).path
        for old_slug in item.meta_values("_wp_old_slug"):
            if old_slug and item.post_name and f"/{item.post_name}/" in path:
                olds.append(path.replace(f"/{item.post_name}/", f"/{old_slug}/"))
        self.redirects.add([old for old in olds if old], new)
