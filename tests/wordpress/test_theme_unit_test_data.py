"""Importing the WordPress project's own theme test export, counted from the file."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from articles.models import Article, Category, Comment
from nejat.publishing.tags import Tag
from nejat.site.models import Page, Redirect
from nejat.wordpress.models import ImportRecord
from tests.wordpress.conftest import BLOCK_DATA, THEME_DATA, run_import

pytestmark = pytest.mark.django_db


def local(tag):
    return tag.rsplit("}", 1)[-1]


def field(element, name):
    return next(((child.text or "").strip() for child in element if local(child.tag) == name), "")


def body(item):
    return next((c.text or "" for c in item if c.tag.endswith("/content/}encoded")), "")


def children(element, name):
    return [child for child in element if local(child.tag) == name]


class ExportFacts:
    """What the export holds, read with the standard library's own parser."""

    def __init__(self, path):
        channel = ET.parse(path).getroot().find("channel")
        self.items = channel.findall("item")
        self.posts = [i for i in self.items if field(i, "post_type") == "post"]
        self.pages = [i for i in self.items if field(i, "post_type") == "page"]
        self.category_slugs = {field(c, "category_nicename") for c in children(channel, "category")}
        self.tag_slugs = {field(t, "tag_slug") for t in children(channel, "tag")}
        for item in self.posts:
            for ref in item.findall("category"):
                if ref.get("domain") == "category":
                    self.category_slugs.add(ref.get("nicename"))
                if ref.get("domain") == "post_tag":
                    self.tag_slugs.add(ref.get("nicename"))

    @staticmethod
    def readable(item):
        """Published or scheduled for every reader: no password, a title and a body."""
        return not field(item, "post_password") and field(item, "title") and body(item).strip()

    def posts_with(self, status):
        return [p for p in self.posts if field(p, "status") == status and self.readable(p)]

    def comments(self, approved):
        return [
            comment
            for post in self.posts
            for comment in children(post, "comment")
            if field(comment, "comment_approved") == approved
            and field(comment, "comment_type") in ("", "comment")
        ]


@pytest.fixture(scope="module")
def facts():
    return ExportFacts(THEME_DATA)


def test_theme_test_data_becomes_articles_categories_tags_and_comments(facts, client):
    output = run_import(THEME_DATA, categories_as_tags=True)

    published = Article.objects.filter(status="published")
    scheduled = facts.posts_with("future")
    assert published.filter(publish_at__lte=timezone.now()).count() == len(
        facts.posts_with("publish")
    )
    assert published.filter(publish_at__gt=timezone.now()).count() == len(scheduled) == 1
    assert Article.objects.count() == len(facts.posts)
    assert Article.objects.filter(status="draft").count() == (
        len(facts.posts) - len(facts.posts_with("publish")) - len(scheduled)
    )
    assert Page.objects.count() == len(facts.pages)
    assert set(Category.objects.values_list("slug", flat=True)) == facts.category_slugs
    assert facts.tag_slugs <= set(Tag.objects.values_list("slug", flat=True))
    # The rest are the posts' second categories, kept as tags.
    extra = set(Tag.objects.values_list("slug", flat=True)) - facts.tag_slugs
    assert extra and extra <= facts.category_slugs
    assert Comment.objects.approved().count() == len(facts.comments("1"))
    assert Comment.objects.filter(status="pending").count() == len(facts.comments("0"))

    for article in Article.objects.all():
        assert "[caption" not in article.body_en and "[gallery" not in article.body_en
        assert "<!-- wp:" not in article.body_en

    # A scheduled post stays hidden until its time, in WordPress's UTC date.
    scheduled_article = published.get(publish_at__gt=timezone.now())
    assert scheduled_article.publish_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)

    assert Article.objects.get(slug_en="template-sticky").featured
    assert Article.objects.filter(featured=True).count() == 1
    assert "2008/06/canola2.jpg" in output  # no uploads folder: every file is missing
    assert "nav_menu_item items: not content this site imports" in output

    assert_reply_threads_keep_their_depth(facts)
    assert_old_permalinks_answer_301_with_the_new_address(client)


def assert_reply_threads_keep_their_depth(facts):
    wordpress_parent = {}
    for post in facts.posts:
        for comment in children(post, "comment"):
            wordpress_parent[int(field(comment, "comment_id"))] = int(
                field(comment, "comment_parent")
            )
    ours = {
        record.wordpress_id: record.object_id
        for record in ImportRecord.objects.filter(kind="comment")
    }
    replies = 0
    for wordpress_id, pk in ours.items():
        comment = Comment.objects.get(pk=pk)
        parent = wordpress_parent[wordpress_id]
        if not parent:
            assert comment.parent is None
        else:
            replies += 1
            assert comment.parent_id == ours[parent]
    assert replies >= 9
    # The theme test data's "Comment Depth" thread goes ten levels down.
    deepest = max(Comment.objects.all(), key=lambda comment: depth_of(comment))
    assert depth_of(deepest) >= 5


def depth_of(comment):
    level = 0
    while comment.parent_id:
        comment, level = comment.parent, level + 1
    return level


def test_second_run_creates_nothing_and_reports_nothing_changed():
    run_import(THEME_DATA)
    counts = [model.objects.count() for model in (Article, Page, Category, Tag, Comment, Redirect)]
    changed_at = list(Article.objects.order_by("pk").values_list("updated_at", flat=True))

    output = run_import(THEME_DATA)

    assert "Nothing new or changed." in output
    assert not re.search(r"\d+ (created|updated|translations added)", output)
    assert counts == [
        model.objects.count() for model in (Article, Page, Category, Tag, Comment, Redirect)
    ]
    assert changed_at == list(Article.objects.order_by("pk").values_list("updated_at", flat=True))


def assert_old_permalinks_answer_301_with_the_new_address(client):
    article = Article.objects.get(slug_en="template-sticky")

    for old in ("/2012/01/07/template-sticky/", "/?p=1241", "/2012/01/07/template-sticky"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/en/articles/template-sticky/"
    assert client.get(response["Location"]).context["article"] == article

    category = client.get("/category/parent/child-1/")
    assert category.status_code == 301
    assert category["Location"] == "/en/articles/category/child-1/"
    assert client.get("/2008/06/canola2-no-such-page/").status_code == 404


def test_block_editor_export_keeps_the_blocks_html_and_reports_dynamic_ones():
    channel = ET.parse(BLOCK_DATA).getroot().find("channel")
    posts = [i for i in channel.findall("item") if field(i, "post_type") == "post"]

    output = run_import(BLOCK_DATA)

    assert Article.objects.count() == len(posts)
    bodies = " ".join(Article.objects.values_list("body_en", flat=True))
    assert "<!-- wp:" not in bodies and "wp-block" not in bodies
    assert "<h2>H1 Heading</h2>" in bodies  # the editor offers h2 to h4
    assert "Block-editor blocks with no content of their own" in output
    assert "latest-posts in" in output
