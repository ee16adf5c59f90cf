"""A WordPress site's addresses that belong to no one post: its attachments' pages,
feeds, date archives and sitemap, each sent to the same thing in the site's edition."""

from datetime import date
from urllib.parse import unquote, urlsplit

from django.urls import reverse
from django.utils import translation

from nejat.publishing.calendars import calendar_of
from nejat.wordpress.models import ImportRecord


def attachment_redirects(redirects, survey, site_url):
    """An attachment's page now leads to the article (or page) it belonged to."""
    base = urlsplit(site_url).path.rstrip("/")
    for attachment_id, link, parent in survey.attachment_pages(site_url):
        record = ImportRecord.objects.filter(
            source_site=site_url, kind__in=("post", "page"), wordpress_id=parent
        ).first()
        obj = record.content_object if record else None
        if obj is None or not obj.has_language(record.language):
            continue
        new = unquote(obj.url_in(record.language))
        redirects.add([link, f"{base}/?attachment_id={attachment_id}"], new)


def edition_redirects(redirects, site_url, language, posts, zone):
    """``posts`` are the site's (from the survey); their dates make the date archives,
    as WordPress made them: by the day in the site's time zone."""
    base = urlsplit(site_url).path.rstrip("/")
    with translation.override(language):
        # The old site's front page; on its own host, also the edition of any address
        # the table does not know (see nejat/site/redirects.py).
        redirects.add([f"{base}/"], reverse("home"))
        feed, atom = reverse("feed"), reverse("feed_atom")
        redirects.add(
            [f"{base}/feed/", f"{base}/feed/rss2/", f"{base}/?feed=rss2", f"{base}/comments/feed/"],
            feed,
        )
        redirects.add([f"{base}/feed/atom/", f"{base}/?feed=atom"], atom)
        redirects.add([f"{base}/wp-sitemap.xml"], "/sitemap.xml")
        months = {}
        for post in posts:
            if post.kind == "post" and post.date:
                day = post.date.astimezone(zone).date()
                months.setdefault((day.year, day.month), set()).add(day.day)
        # A day leads to the archive month it falls in (Solar Hijri on fa), a month to
        # that of its first post's day, as the Persian edition's Gregorian addresses do.
        calendar = calendar_of(language)
        for (year, month), days in sorted(months.items()):
            archives = {}
            for day in sorted(days):
                shown = calendar.month_of(date(year, month, day))
                archives.setdefault(shown, []).append(f"{base}/{year}/{month:02d}/{day:02d}/")
            first = next(iter(archives))
            archives[first][:0] = [f"{base}/{year}/{month:02d}/", f"{base}/?m={year}{month:02d}"]
            for shown, olds in archives.items():
                kwargs = {"year": shown.year, "month": shown.month}
                redirects.add(olds, reverse("articles:month", kwargs=kwargs))
        for year in sorted({year for year, _month in months}):
            redirects.add([f"{base}/{year}/", f"{base}/?m={year}"], reverse("articles:list"))
