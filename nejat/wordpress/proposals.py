"""What ``--propose-links`` writes for a person to check: the posts of separate sites
that look like one story (``sites.propose_links``), and the categories and tags that
look like one term, beside them (as ``--links`` and ``--term-links`` read them).

A term is matched with the term the same stories carry on the other site (where
several do, the one whose stories overlap most with its own, then the one in the
closest place); terms no proposed story uses are matched by their place: the same
parent (already matched) and the same rank among its children, by WordPress id,
when both sites have as many such terms left.
"""

from collections import Counter, defaultdict
from pathlib import Path

from nejat.wordpress.sites import propose_links, write_links

TAXONOMIES = ("category", "post_tag")


def write_proposals(survey, sites, path, report):
    """The stories (``path``) and the terms (``<path>.terms.csv``) that look the same
    on several sites; ``sites`` maps each language to its ``wxr.Site``."""
    site_of_language = {code: site.url for code, site in sites.items()}
    rows = propose_links(survey, site_of_language)
    write_links(path, rows, list(sites))
    report.note(
        f"stories proposed as one (same publication time and featured image): {len(rows)}, "
        f"written to {path}; check them, then import with --links"
    )
    term_rows = propose_term_links(survey, sites, rows)
    terms_path = Path(path).with_suffix(".terms.csv")
    write_links(terms_path, term_rows, ["taxonomy", *sites])
    report.note(
        f"categories and tags proposed as one (carried by the same stories, or in the "
        f"same place): {len(term_rows)}, written to {terms_path}; check them, then import "
        "with --term-links"
    )


def site_terms(site):
    """{(taxonomy, slug): (id, parent slug)} of a site's categories and tags (each is
    exported twice, as ``wp:category``/``wp:tag`` and as ``wp:term``)."""
    return {
        (term.taxonomy, term.slug): (term.term_id, term.parent)
        for term in site.terms
        if term.taxonomy in TAXONOMIES and term.term_id
    }


def propose_term_links(survey, sites, story_rows):
    """Rows {"taxonomy": …, language: term id}; ``sites`` maps each language to its
    ``wxr.Site``, the first one leading."""
    languages = list(sites)
    lead = languages[0]
    terms = {code: site_terms(site) for code, site in sites.items()}
    matched = defaultdict(dict)  # (taxonomy, lead slug) → {language: slug}
    for code in languages[1:]:
        for taxonomy in TAXONOMIES:
            ranks = {language: _ranks(terms[language], taxonomy) for language in (lead, code)}
            pairs = _by_stories(survey, sites, story_rows, (lead, code), taxonomy, ranks)
            pairs.update(_by_place(terms[lead], terms[code], taxonomy, pairs))
            for lead_slug, slug in pairs.items():
                matched[(taxonomy, lead_slug)][code] = slug
    rows = []
    for (taxonomy, lead_slug), others in sorted(
        matched.items(), key=lambda entry: (entry[0][0], terms[lead][entry[0]][0])
    ):
        row = {"taxonomy": taxonomy, lead: terms[lead][(taxonomy, lead_slug)][0]}
        row.update({code: terms[code][(taxonomy, slug)][0] for code, slug in others.items()})
        rows.append(row)
    return rows


def _ranks(terms, taxonomy):
    """{slug: its place among the site's terms of this taxonomy, by id}."""
    ids = sorted(
        (term_id, slug) for (kind, slug), (term_id, _p) in terms.items() if kind == taxonomy
    )
    return {slug: rank for rank, (_id, slug) in enumerate(ids)}


def _by_stories(survey, sites, story_rows, languages, taxonomy, ranks):
    """{lead slug: slug} of the terms carried by the same stories: the pair whose
    stories overlap most (shared over carried by either) first, and of pairs alike,
    the one closest in place (sites made their terms in much the same order)."""
    lead, code = languages
    both, uses_a, uses_b = Counter(), Counter(), Counter()
    for row in story_rows:
        if lead in row and code in row:
            mine = survey.terms_of_post(sites[lead].url, row[lead], taxonomy)
            theirs = survey.terms_of_post(sites[code].url, row[code], taxonomy)
            uses_a.update(mine)
            uses_b.update(theirs)
            both.update((a, b) for a in mine for b in theirs)
    overlap = {(a, b): n / (uses_a[a] + uses_b[b] - n) for (a, b), n in both.items()}
    pairs, taken = {}, set()

    def likeness(pair):
        a, b = pair
        return -overlap[pair], abs(ranks[lead][a] - ranks[code][b])

    for a, b in sorted(overlap, key=likeness):
        if a not in pairs and b not in taken:
            pairs[a] = b
            taken.add(b)
    return pairs


def _by_place(lead_terms, other_terms, taxonomy, pairs):
    """{lead slug: slug} of unmatched terms with matched (or no) parents, paired in
    order of id when both sides have as many under the same parent."""
    found = dict(pairs)
    while True:
        added = {}
        taken = set(found.values())
        for lead_parent, other_parent in [("", ""), *found.items()]:
            mine = _children(lead_terms, taxonomy, lead_parent, found.keys())
            theirs = _children(other_terms, taxonomy, other_parent, taken)
            if mine and len(mine) == len(theirs):
                added.update(zip(mine, theirs, strict=True))
        if not added:
            return {a: b for a, b in found.items() if a not in pairs}
        found.update(added)


def _children(terms, taxonomy, parent, excluded):
    """Slugs of the terms under ``parent`` not yet matched, in order of id."""
    return [
        slug
        for (kind, slug), (_id, term_parent) in sorted(terms.items(), key=lambda t: t[1][0])
        if kind == taxonomy and term_parent == parent and slug not in excluded
    ]
