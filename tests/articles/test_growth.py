"""A twenty-year archive costs a page view no more than a young site does: on
PostgreSQL, no query of the public pages, their sidebar and menus included, has to read
the whole articles or comments table. A few test rows would let the planner scan
anyway, so sequential scans are priced out first: a scan still chosen then is one that
no index can replace."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Article
from tests.articles.test_authors_and_sources import make_author, make_source
from tests.factories import make_article, make_tag
from tests.search.conftest import postgresql_only

pytestmark = [pytest.mark.django_db, postgresql_only]

# Tables that grow with the archive; the others (categories, menu, settings) stay small.
GROWING = ("articles_article", "articles_comment", "nejat_searchentry")


@pytest.fixture
def archive(category):
    tag, author, source = make_tag(), make_author(), make_source()
    articles = [
        make_article(category, ("en", "fa"), days_ago=days, source=source) for days in range(1, 30)
    ]
    for article in articles:
        article.tags.add(tag)
        article.authors.add(author)
    make_article(category, ("en", "fa"), featured=True)
    return articles


def scans(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return [table for table in GROWING if f"Seq Scan on {table}" in plan], plan


def pages(articles):
    article = articles[0]
    with translation.override("fa"):
        month = article.publish_at
        return [
            "/fa/",
            f"/fa/?older={articles[9].pk}",
            "/fa/articles/",
            article.category.get_absolute_url(),
            "/fa/articles/tag/rivers/",
            article.authors.get().get_absolute_url(),
            article.source.get_absolute_url(),
            article.get_absolute_url(),
            f"/fa/articles/{month.year}/{month.month}/",
            "/fa/feed/",
            "/sitemap.xml",
            "/sitemap-articles.xml",
        ]


def test_no_public_page_scans_a_growing_table(client, settings, archive):
    settings.NEJAT_PAGE_CACHE = False
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for url in pages(archive):
        # The first request: the sidebar, menu and archive months are made afresh too.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, follow=True)
        assert response.status_code == 200, url
        for query in captured:
            scanned, plan = scans(query["sql"])
            assert not scanned, f"{url}\n{query['sql']}\n{plan}"


def test_the_featured_articles_have_an_index_of_their_own(archive):
    featured = Article.objects.published().in_language("fa").filter(featured=True)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "article_featured_newest" in featured.order_by("-publish_at")[:3].explain()
