from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Author, Category, Comment, Source
from nejat.publishing.tags import Tag
from nejat.site.models import Page, SiteSettings

pytestmark = pytest.mark.django_db


def seed():
    output = StringIO()
    call_command("seed_demo", admin=True, stdout=output)
    return output.getvalue()


def test_fills_an_empty_site_in_all_four_languages_once(client, django_user_model):
    output = seed()
    assert "Articles: 44/44" in output
    assert "password:" in output
    assert django_user_model.objects.get(username="admin").is_superuser

    assert Article.objects.count() >= 40
    assert Category.objects.count() >= 6
    assert Tag.objects.count() >= 20
    published = Article.objects.published()
    for language in ("en", "ar", "fa", "sq"):
        assert published.in_language(language).count() >= 10, language
        assert client.get(f"/{language}/").status_code == 200
    assert any(a.languages == ["en", "ar", "fa", "sq"] for a in published)
    assert any(len(a.languages) == 1 for a in published)
    assert all(article.image for article in Article.objects.all())
    assert Article.objects.filter(status="draft").exists()
    assert published.count() < Article.objects.count()

    assert Comment.objects.approved().exists() and Comment.objects.filter(status="pending").exists()
    credited = published.filter(authors__isnull=False).distinct()
    assert credited.count() >= 2 and Source.objects.count() >= 5
    for language in credited.first().languages:
        page = client.get(credited.first().url_in(language)).content.decode()
        assert 'rel="author"' in page and "/articles/source/" in page, language
    about = Page.objects.published().get(placement="menu")
    assert about.languages == ["en", "ar", "fa", "sq"]
    assert SiteSettings.current().recipients == ["editors@example.org"]
    assert client.get(about.url_in("fa")).status_code == 200

    counts = (
        Article.objects.count(),
        Category.objects.count(),
        Tag.objects.count(),
        Comment.objects.count(),
        Page.objects.count(),
        Author.objects.count(),
        Source.objects.count(),
    )
    again = seed()
    assert (
        Article.objects.count(),
        Category.objects.count(),
        Tag.objects.count(),
        Comment.objects.count(),
        Page.objects.count(),
        Author.objects.count(),
        Source.objects.count(),
    ) == counts
    assert "0 new items" in again
    assert "password:" not in again


@pytest.mark.parametrize(
    "month",
    # The longest month names in the dates of the Persian and of the Arabic edition.
    [datetime(2026, 5, 10, 12, tzinfo=UTC), datetime(2026, 9, 25, 12, tzinfo=UTC)],
    ids=["ordibehesht", "september"],
)
def test_every_editions_demo_home_page_is_at_most_25_kb(client, month):
    seed()
    latest_first = Article.objects.published().order_by("-publish_at", "-pk")
    for minutes, article in enumerate(latest_first):
        article.publish_at = month - timedelta(minutes=minutes)
        article.save(update_fields=["publish_at"])
    for language in ("en", "ar", "fa", "sq"):
        home = client.get(f"/{language}/")
        assert home.content.count(b"srcset=") >= 10, "cards show their renditions"
        # 25 KB counted as 25,000 bytes, the stricter reading.
        assert len(home.content) <= 25_000, language
