"""What a WordPress export holds, as the reader (``wxr``) hands it over: the site's
header, its terms, and items with their comments and meta values."""

from dataclasses import dataclass, field


@dataclass
class Term:
    taxonomy: str
    term_id: int
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Author:
    login: str
    author_id: int = 0
    email: str = ""
    display_name: str = ""

    @property
    def name(self):
        return self.display_name or self.login


@dataclass
class Site:
    path: str
    url: str
    title: str = ""
    language: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)  # login → Author
    terms: list = field(default_factory=list)


@dataclass
class Comment:
    id: int
    author: str
    email: str
    ip: str
    date: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: int
    user_id: int = 0  # the site's account that wrote it, 0 for a visitor


@dataclass
class Item:
    post_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    post_name: str = ""
    parent: int = 0
    menu_order: int = 0
    comment_status: str = ""
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    # (domain, nicename, text) of each <category> element: categories, tags, languages…
    terms: list = field(default_factory=list)
    meta: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    def terms_in(self, domain):
        return [(slug, name) for d, slug, name in self.terms if d == domain]

    def meta_value(self, key, default=""):
        return next((value for k, value in self.meta if k == key), default)

    def meta_values(self, key):
        return [value for k, value in self.meta if k == key]
