"""How one WordPress post or page becomes ours: its text in one language, its slug,
featured image, tags and body (links and files on the old site rewritten)."""

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article
from nejat.media.models import LibraryImage
from nejat.media.renditions import fallback_extension, rendition_name, rendition_widths
from nejat.publishing.models import Publishable
from nejat.publishing.tags import TaggedItem
from nejat.site.models import Page, address_is_free
from nejat.wordpress import content
from nejat.wordpress.files import IMAGE_SUFFIXES
from nejat.wordpress.markup import plain_text
from nejat.wordpress.survey import is_public, translation_group, wordpress_date


def localized(field, language):
    return build_localized_fieldname(field, language)


class PostMapping:
    """The part of ``WordPressImport`` that fills one of our items from one item of
    the export; the importer holds the state of the site being imported."""

    def fill(self, obj, item, language, label, own):
        title = plain_text(item.title)
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
        if isinstance(obj, Article):
            self.fill_article(obj, item, language, label, own or first_public)
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

    def fill_article(self, article, item, language, label, leads):
        category = self.terms.primary_category(item, language)
        new = article.pk is None
        if new or leads:
            article.category = category
            article.comments_open = item.comment_status == "open"
            article.featured = item.is_sticky  # pinned to the home page, as it was
        setattr(article, localized("summary", language), plain_text(item.excerpt))
        author = self.authors.of(item.creator)
        setattr(article, localized("byline", language), "" if author else item.creator[:200])
        authors = set() if new else set(article.authors.values_list("pk", flat=True))
        if author and authors and author.pk not in authors:
            # Another site's version of a story, written by someone else: its translation.
            name = getattr(author, localized("name", language)) or str(author)
            setattr(article, localized("translator", language), name[:200])
        attachment = self.featured_image(article, item, language, label)
        article.save()
        if author and not authors:
            article.authors.add(author)
        if attachment is not None and article.image:
            self.old_image_addresses(article.image.file, attachment)
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

    def featured_image(self, article, item, language, label):
        thumbnail = int(item.meta_value("_thumbnail_id") or 0)
        if not thumbnail:
            return
        attachment = self.survey.attachment(self.site.url, thumbnail)
        if attachment is None:
            self.report.note("featured image not in the export", label)
            return
        image = article.image
        # Another site's copy of the same story's picture may be the one already chosen.
        if not (image and same_file(image.file.name, attachment.path)):
            name = self.uploads.copy(attachment.path)
            if name is None or PurePosixPath(name).suffix.lower() not in IMAGE_SUFFIXES:
                return attachment
            if self.dry_run:
                self.report.count("featured images", "to copy")
                return attachment
            image, _created = LibraryImage.objects.get_or_create(
                file=name,
                defaults={"renditions_ready": False, "title": plain_text(attachment.title)[:200]},
            )
            article.image = image
            self.report.count("featured images", "copied")
        # Each site's words for the picture, in its language (another site's are kept).
        words = {"alt": attachment.alt[:250], "caption": plain_text(attachment.caption)[:500]}
        changed = False
        for field, value in words.items():
            if value and not getattr(image, localized(field, language)):
                setattr(image, localized(field, language), value)
                changed = True
        if changed:
            image.save()
        return attachment

    def old_image_addresses(self, image, attachment):
        """The featured image's old addresses lead to it: the original to our copy, each
        size WordPress made of it (``-300x200.jpg``) to the closest rendition."""
        self.redirects.add([attachment.url], image.url)
        folder = attachment.url.rsplit("/", 1)[0]
        widths = rendition_widths(image.original_width)
        fallback = fallback_extension(image.name)
        for name, width in self.uploads.size_variants(attachment.path):
            chosen = min([w for w in widths if w >= width] or widths[-1:])
            rendition = image.storage.url(rendition_name(image.name, chosen, fallback))
            self.redirects.add([f"{folder}/{name}"], rendition)

    def body(self, item):
        reported = set()

        def unknown(table):
            def add(name):
                if (table, name) not in reported:
                    reported.add((table, name))
                    getattr(self.report, table)[name] += 1

            return add

        def unknown_shortcode(name):
            label = f"#{item.post_id} {plain_text(item.title)[:40]}".strip()
            self.report.shortcode(name, label)

        context = content.Context(
            rewrite_url=self.rewrite_url,
            gallery=lambda ids: self.gallery(item, ids),
            unknown_shortcode=unknown_shortcode,
            unknown_block=unknown("blocks"),
        )
        return content.convert(item.content, context)

    def gallery(self, item, ids):
        if ids is None:
            attachments = self.survey.attachments_of(self.site.url, item.post_id)
        else:
            attachments = [self.survey.attachment(self.site.url, i) for i in ids]
        return [(a.id, a.url, a.alt, plain_text(a.caption)) for a in attachments if a is not None]

    def rewrite_url(self, url):
        """Uploads become our copies; other addresses on the old site become paths, which
        the redirects table answers once the old domain points here."""
        relative = self.uploads.relative(url)
        if relative:
            picture = PurePosixPath(relative).suffix.lower() in IMAGE_SUFFIXES
            # A picture is shown from its original, in the renditions of the library.
            name = self.uploads.copy(self.uploads.original(relative) if picture else relative)
            if name and picture and not self.dry_run:
                LibraryImage.objects.get_or_create(file=name, defaults={"renditions_ready": False})
            copied = name and self.uploads.storage.url(name)
            if copied and same_host(url, self.site.url):
                # The original and its other sizes are the same picture: they lead here too.
                folder = url.rsplit("/", 1)[0]
                siblings = [f"{folder}/{name}" for name in self.uploads.same_picture(relative)]
                self.redirects.add([url, *siblings], copied)
            # A file that is not there keeps its old address: the old site may still serve it.
            return copied or url
        # Separate sites' links keep their host until every site is in (see links.py).
        if same_host(url, self.site.url) and not self.separate_sites:
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


def same_host(url, site_url):
    host = urlsplit(url or "").hostname
    return bool(host) and host == urlsplit(site_url).hostname


def same_file(stored_name, source_path):
    """Whether the stored image is a copy of this source file (storage may add a suffix)."""
    source = PurePosixPath(source_path)
    pattern = rf"{re.escape(source.stem)}(_[A-Za-z0-9]{{7}})?{re.escape(source.suffix)}"
    return re.fullmatch(pattern, PurePosixPath(stored_name).name) is not None
