"""The old sites' authors become ours: each ``<wp:author>`` an author with a page of
their articles (``/<lang>/articles/author/<slug>/``), named in the site's language.
The same person on several sites (the same e-mail address) is one author with a name
in each. Their old archives (``/author/<nicename>/``, its feed, ``?author=<id>``)
lead to that page in the site's edition.

A story linked across sites keeps the author of the site it was first imported from;
the writer of another site's version, if someone else, is that edition's translator.
"""

import hashlib
import re
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.text import slugify

from articles.models import Author
from nejat.publishing.slugs import first_free


def nicename(login):
    """The part of an author archive's address WordPress made from the login."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9_-]", "-", login.lower())).strip("-")


class Authors:
    def __init__(self):
        self.by_email = {}  # over every site of a run

    def start_site(self, site, language, records, redirects):
        self.language, self.of_login = language, {}
        base = urlsplit(site.url).path.rstrip("/")
        for login, old in site.authors.items():
            # Exports made before WordPress 3.? give no author id: the login names them.
            number = old.author_id or login_number(login)
            record = records.get("author", number)
            author = record.content_object if record else None
            author = author or self.by_email.get(old.email.lower()) or Author()
            # Saved only when new or named anew: a save starts a new cache generation.
            changed = author.pk is None
            name_field = f"name_{language}"
            if not getattr(author, name_field) and old.name:
                setattr(author, name_field, old.name[:200])
                changed = True
            if not author.slug:
                author.slug = free_slug(old.name or login)
                changed = True
            if changed:
                author.save()
            records.save(record, "author", number, author, language)
            if old.email:
                self.by_email[old.email.lower()] = author
            self.of_login[login] = author
            with translation.override(language):
                page = author.get_absolute_url()
            archive = f"{base}/author/{nicename(login)}/"
            olds = [archive, f"{archive}feed/"]
            if old.author_id:
                olds.append(f"{base}/?author={old.author_id}")
            redirects.add(olds, page)

    def of(self, login):
        return self.of_login.get(login)


def login_number(login):
    return int(hashlib.sha256(login.encode()).hexdigest()[:12], 16)


def free_slug(name):
    base = slugify(name, allow_unicode=True) or "author"
    longest = Author._meta.get_field("slug").max_length
    return first_free(base, longest, lambda slug: Author.objects.filter(slug=slug).exists())
