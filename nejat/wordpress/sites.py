"""Several WordPress sites into one multilingual site: what the command is told about
each (``--site``), and which of their posts and terms are the same story or term in
other languages (``--links``, ``--term-links``, ``--propose-links``).

WordPress keeps a translated site's publication times (``post_date_gmt``) and its
uploads' file names as they were on the site it was translated from: a post on two
sites with the same time and the same featured image file is, very likely, one story.
"""

import csv
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from nejat.wordpress.survey import old_path

SITE_KEYS = {"uploads", "host", "tz"}
# Posts on two sites published this close together may be one story.
MATCH_SECONDS = 120


class SiteError(ValueError):
    pass


@dataclass
class SiteOptions:
    path: str
    language: str | None = None  # None: the language the export names
    uploads: str | None = None
    host: str | None = None  # None: any host for the single-file import, else the export's
    time_zone: str | None = None


def parse_site(spec):
    """``fa=fa.xml,uploads=DIR,host=old-fa.example.org,tz=Asia/Tehran``."""
    language, _sep, rest = spec.partition("=")
    parts = rest.split(",")
    if language not in dict(settings.LANGUAGES) or not parts[0]:
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise SiteError(
            f"{spec}: write it as LANGUAGE=EXPORT.xml[,uploads=…], LANGUAGE one of {codes}."
        )
    options = {}
    for part in parts[1:]:
        key, _sep, value = part.partition("=")
        if key not in SITE_KEYS or not value:
            raise SiteError(f"{spec}: unknown option “{part}” (uploads=, host= or tz=).")
        options[key] = value
    zone = options.get("tz")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise SiteError(f"{spec}: unknown time zone {zone}.") from error
    host = options.get("host")
    if host:
        host = (urlsplit(host).hostname if "//" in host else host).lower().rstrip(".")
    return SiteOptions(parts[0], language, options.get("uploads"), host, zone)


class Links:
    """Items of several sites that are one item of ours: rows of {language: id}."""

    def __init__(self):
        self.rows = {}

    def add(self, kind, row, where=""):
        """One item of ours; an item of one site in two rows is refused, named."""
        row = {language: number for language, number in row.items() if number}
        for language, number in row.items():
            if (kind, language, number) in self.rows:
                raise SiteError(f"{where}the {language} {kind} {number} is in two rows.")
            self.rows[(kind, language, number)] = row

    def partners(self, kind, language, number):
        """(language, id) of the items linked to this one, on the other sites."""
        row = self.rows.get((kind, language, number), {})
        return [(code, other) for code, other in row.items() if code != language]

    @classmethod
    def of_stories(cls, path, survey, site_of_language):
        """A CSV with a column per language; a cell is a WordPress id or the post's old
        address. An address no post of that site has stops the import, named."""
        links = cls()
        for number, row in enumerate(read_csv(path), start=2):
            ids = {}
            for language, cell in row.items():
                cell = (cell or "").strip()
                if not cell:
                    continue
                if language not in site_of_language:
                    raise SiteError(f"{path}: column “{language}” is not a site of this import.")
                post_id = (
                    int(cell)
                    if cell.isdigit()
                    else survey.post_at(site_of_language[language], old_path(cell))
                )
                if post_id is None:
                    raise SiteError(f"{path}, line {number}: no {language} post at {cell}.")
                ids[language] = post_id
            links.add("post", ids, where=f"{path}, line {number}: ")
        return links

    def add_terms(self, path):
        """A CSV of ``taxonomy`` (category or post_tag) and a column per language of
        term ids."""
        for number, row in enumerate(read_csv(path), start=2):
            taxonomy = row.pop("taxonomy", "").strip()
            ids = {code: int(cell) for code, cell in row.items() if (cell or "").strip().isdigit()}
            self.add(taxonomy, ids, where=f"{path}, line {number}: ")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as opened:
        return list(csv.DictReader(opened))


def propose_links(survey, site_of_language, seconds=MATCH_SECONDS):
    """Rows {language: post id} of posts that are likely one story: published within
    ``seconds`` of one another, with the same featured image file name where both have
    one. The first site given leads; each post is in one row at most."""
    languages = list(site_of_language)
    lead, others = languages[0], languages[1:]
    # Oldest first (as the survey gives them), so the close ones are found by bisection.
    posts = {
        code: [post for post in survey.posts(site_of_language[code]) if post.date]
        for code in languages
    }
    dates = {code: [post.date for post in posts[code]] for code in languages}
    window = timedelta(seconds=seconds)
    taken = {code: set() for code in languages}
    rows = []
    for lead_post in posts[lead]:
        row = {lead: lead_post.id}
        for code in others:
            low = bisect_left(dates[code], lead_post.date - window)
            high = bisect_right(dates[code], lead_post.date + window)
            match = best_match(lead_post, posts[code][low:high], taken[code])
            if match is not None:
                row[code] = match.id
                taken[code].add(match.id)
        if len(row) > 1:
            rows.append(row)
    return rows


def best_match(post, close_in_time, taken):
    """The closest in time of the same kind, not yet taken, with the same featured image
    file name where both have one."""
    candidates = [
        other
        for other in close_in_time
        if other.id not in taken
        and other.kind == post.kind
        and (not post.image or not other.image or post.image == other.image)
    ]
    return min(candidates, key=lambda other: abs(other.date - post.date), default=None)


def write_links(path, rows, languages):
    with open(path, "w", newline="", encoding="utf-8") as opened:
        writer = csv.DictWriter(opened, fieldnames=languages)
        writer.writeheader()
        writer.writerows(rows)
