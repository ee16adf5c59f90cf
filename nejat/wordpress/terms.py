"""Categories and tags.

Every WordPress category becomes one of our categories; the hierarchy is
flattened (our categories have no parents), and each keeps its old address
(``/category/parent/child/``) as a redirect. An article has one category: the
post's primary one (Yoast's choice when it made one, else its deepest); with
``--categories-as-tags`` its other categories become tags of the same name.

A term's name goes into the language of the posts that use it, and its slug
(percent-decoded: letters of any alphabet) becomes its address in that language.
Polylang's ``term_translations`` groups, and terms linked across separate sites,
make one category (or tag) of the translations of a term, with a name and an
address in each language.
"""

import re
from urllib.parse import unquote, urlsplit

from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from articles.models import Category
from nejat.publishing.slugs import free_slug
from nejat.publishing.tags import Tag
from nejat.wordpress.markup import plain_text
from nejat.wordpress.survey import edition
from nejat.wordpress.wxr import Term

# Polylang's serialised {language: term id} in a term_translations group.
TRANSLATION_ENTRY = re.compile(r's:\d+:"([\w-]+)";i:(\d+);')
UNCATEGORIZED = "uncategorized"


class Terms:
    def __init__(
        self,
        records,
        redirects,
        report,
        term_languages,
        partner_sites=None,
        categories_as_tags=False,
    ):
        self.records = records
        self.categories_as_tags = categories_as_tags
        # For separate sites: (taxonomy, language, term id) → (site, id) of its translations.
        self.partner_sites = partner_sites
        self.redirects = redirects
        self.report = report
        self.term_languages = term_languages
        self.tag_names = None

    def start_site(self, site, language):
        self.site = site
        self.language = language
        self.declared = {}
        self.translations = {}
        self.groups = {}
        self.objects = {}
        for term in site.terms:
            if term.taxonomy in ("category", "post_tag"):
                self.declared.setdefault((term.taxonomy, term.slug), term)
            elif term.taxonomy == "term_translations":
                for code, term_id in TRANSLATION_ENTRY.findall(term.description):
                    self.translations[int(term_id)] = (term.slug, edition(code))
                    self.groups.setdefault(term.slug, []).append(int(term_id))
        self.by_id = {term.term_id: term for term in self.declared.values()}
        for taxonomy, slug in list(self.declared):
            self.get(taxonomy, slug)

    def language_of(self, term):
        _group, code = self.translations.get(term.term_id, ("", None))
        key = (self.site.url, term.taxonomy, term.slug)
        return code or self.term_languages.get(key) or self.language

    def get(self, taxonomy, slug, name="", language=None):
        """Our category or tag for a WordPress term, made or updated the first time it is met."""
        key = (taxonomy, slug)
        if key not in self.objects:
            term = self.declared.get(key) or Term(taxonomy, 0, slug, name or unquote(slug))
            self.objects[key] = self._import(term, language or self.language_of(term))
        return self.objects[key]

    def primary_category(self, item, language):
        """Yoast's primary category when it made one, else the deepest of the post's (a
        child before its parent, whatever order WordPress listed them in)."""
        categories = item.terms_in("category")
        primary = self.by_id.get(int(item.meta_value("_yoast_wpseo_primary_category") or 0))
        if primary is not None and any(slug == primary.slug for slug, _n in categories):
            slug = primary.slug
        else:
            named = [slug for slug, _name in categories if slug != UNCATEGORIZED]
            candidates = named or [s for s, _n in categories] or [UNCATEGORIZED]
            slug = max(candidates, key=lambda slug: len(self.category_path(slug)))
        name = dict(categories).get(slug) or "Uncategorized"
        return self.get("category", slug, name, language)

    def category_path(self, slug, parent=None):
        """The slugs from the top category down to this one, as its old address has them."""
        if parent is None:
            parent = getattr(self.declared.get(("category", slug)), "parent", "")
        path = [slug]
        while parent and parent not in path:
            path.insert(0, parent)
            parent = getattr(self.declared.get(("category", parent)), "parent", "")
        return path

    def tags(self, item, language, category):
        """Tags for the item: its own, and (if asked) its categories other than ``category``."""
        tags = [
            self.get("post_tag", slug, name, language) for slug, name in item.terms_in("post_tag")
        ]
        for slug, name in item.terms_in("category") if self.categories_as_tags else ():
            if self.objects.get(("category", slug)) != category:
                tags.append(self.get("category-tag", slug, name, language))
        return tags

    def _import(self, term, language):
        kind = "category" if term.taxonomy == "category" else "tag"
        model = Category if kind == "category" else Tag
        own_record = term.taxonomy != "category-tag"
        record = self.records.get(kind, term.term_id) if own_record else None
        obj = record.content_object if record else None
        if obj is None and term.term_id in self.translations:
            group, _code = self.translations[term.term_id]
            obj = self.records.object_of(kind, self.groups[group])
        if obj is None and self.partner_sites and own_record:
            partners = self.partner_sites(term.taxonomy, language, term.term_id)
            obj = self.records.linked_object(kind, partners)
        # An object of ours (not one found by its slug) takes the export's names as they are.
        owned = obj is not None
        name = plain_text(term.name)[:100] or unquote(term.slug)
        slug = slugify(unquote(term.slug), allow_unicode=True) or slugify(name, allow_unicode=True)
        if obj is None and slug:
            found = {build_localized_fieldname(model.slug_field, language): slug}
            obj = model.objects.filter(**found).first()
            # Separate sites' terms are one only when linked: the same slug is a coincidence.
            if obj is not None and self.partner_sites and self.records.imported_elsewhere(obj):
                obj = None
        created = obj is None
        if created:
            obj = model()
            if kind == "tag":
                # Taggit's key, unique across languages; readers see the address below.
                obj.slug = self._free_key(slug or f"{language}-{term.term_id}")
                obj.name = self._free_tag_name(name, obj.slug)
        wanted = {model.name_field: name}
        if slug:
            wanted[model.slug_field] = free_slug(obj, model.slug_field, language, slug[:100])
        if kind == "category" and term.description:
            wanted["description"] = term.description
        changed = False
        for field, value in wanted.items():
            localized = build_localized_fieldname(field, language)
            if getattr(obj, localized) != value and (
                owned or created or not getattr(obj, localized)
            ):
                setattr(obj, localized, value)
                changed = True
        label = "categories" if kind == "category" else "tags"
        if created or changed:
            obj.save()
            self.report.count(label, "created" if created else "updated", language)
            self._redirect(term, obj, kind, language)
        else:
            self.report.count(label, "unchanged", language)
        if own_record and term.term_id:
            self.records.save(record, kind, term.term_id, obj, language)
        return obj

    def _free_key(self, base):
        """Taggit's slug for a new tag: ``base``, else ``base-2``… (unique in every language)."""
        slug, number = base[:100], 1
        while Tag.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base[:95]}-{number}"
        return slug

    def _free_tag_name(self, name, slug):
        """Tag names are unique: a second tag of the same name is told apart by its slug."""
        if self.tag_names is None:
            self.tag_names = set(Tag.objects.values_list("name", flat=True))
        if name in self.tag_names:
            name = f"{name} ({slug})"[:100]
        self.tag_names.add(name)
        return name

    def _redirect(self, term, obj, kind, language):
        if not term.term_id:
            return
        base = urlsplit(self.site.url).path.rstrip("/")
        if not obj.has_page_in(language):
            return
        # The category's or tag's page in the edition of the site, at its address there.
        new = unquote(obj.url_in(language))
        if kind == "category":
            path = self.category_path(term.slug, term.parent)
            old = f"{base}/category/{'/'.join(path)}/"
            self.redirects.add([old, f"{base}/?cat={term.term_id}"], new)
            with translation.override(language):
                feed = reverse("category_feed", kwargs={"slug": obj.slug_in(language)})
            self.redirects.add([f"{old}feed/"], unquote(feed))
        else:
            olds = [f"{base}/tag/{term.slug}/", f"{base}/tag/{term.slug}/feed/"]
            self.redirects.add([*olds, f"{base}/?tag={term.slug}"], new)
