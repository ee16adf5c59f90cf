"""Four WordPress sites, one per language, imported into one multilingual site
(the fixtures in fixtures/sites/, described in its README)."""

import csv
import re
from urllib.parse import quote, unquote

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article, Category
from nejat.caching import generation
from nejat.publishing.languages import filled_in
from nejat.site.models import Page, Redirect
from tests.wordpress.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db

SITES = FIXTURES / "sites"
ZONES = {"en": "Europe/London", "fa": "Asia/Tehran", "ar": "Asia/Baghdad", "sq": "Europe/Tirane"}
HOSTS = {code: f"old-{code}.example.org" for code in ZONES}
# Story 1 on each site, and other ids the README lists.
STORY_1 = {"en": 1482, "fa": 2310, "ar": 873, "sq": 415}
STORY_2 = {"en": 1455, "fa": 2287, "ar": 861, "sq": 402}
CONTACT_PAGES = {"en": 1104, "fa": 1842, "ar": 415, "sq": 31}


def site_options(**overrides):
    return [
        overrides.get(
            code, f"{code}={SITES / code}.xml,uploads={SITES / 'uploads' / code},tz={zone}"
        )
        for code, zone in ZONES.items()
    ]


def story_rows(path):
    with path.open(encoding="utf-8") as opened:
        return [tuple(sorted(row.items())) for row in csv.DictReader(opened)]


def import_sites(**options):
    return run_import(site=site_options(), **options)


@pytest.fixture
def old_hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", *HOSTS.values()]


def in_every_language():
    return Article.objects.filter(*(filled_in(code, "title") for code in ZONES))


def story(ids):
    from nejat.wordpress.models import ImportRecord

    record = ImportRecord.objects.get(
        source_site="https://old-en.example.org", kind="post", wordpress_id=ids["en"]
    )
    return record.content_object


def test_linked_stories_become_one_article_in_four_languages(old_hosts):
    import_sites(links=str(SITES / "mapping.csv"), term_links=str(SITES / "terms-mapping.csv"))
    assert in_every_language().count() == 4
    clinic = story(STORY_1)
    assert clinic.written_languages == ["en", "ar", "fa", "sq"]
    page = Client().get(clinic.url_in("en")).content.decode()
    for code in ("ar", "fa", "sq"):
        assert f'hreflang="{code}" href="http://testserver{clinic.url_in(code)}"' in page or (
            f'hreflang="{code}"' in page and clinic.url_in(code) in page
        )
    # Each site's own posts stay on their own.
    for code, title in {
        "en": "Charity shop opens in Bristol",
        "fa": "گزارش سالانه‌ی بنیاد نجات",
        "ar": "توزيع حقائب مدرسية على 600 طفل",
        "sq": "Punëtori për vullnetarët e rinj në Shkodër",
    }.items():
        found = Article.objects.get(**{f"title_{code}__startswith": title})
        assert found.written_languages == [code]


def test_old_addresses_as_urls_link_the_same_stories():
    import_sites(links=str(SITES / "mapping-urls.csv"))
    assert in_every_language().count() == 4


def test_the_proposal_finds_the_four_stories_and_applies_only_when_asked(tmp_path):
    proposal = tmp_path / "stories.csv"
    output = import_sites(propose_links=str(proposal))
    assert "written to" in output
    assert not Article.objects.exists(), "a proposal imports nothing"
    proposed, mapped = set(story_rows(proposal)), set(story_rows(SITES / "mapping.csv"))
    # The four stories, and the open day each site scheduled for the same moment.
    assert mapped <= proposed
    assert proposed - mapped == {(("ar", "957"), ("en", "1694"), ("fa", "2470"), ("sq", "476"))}
    import_sites(links=str(proposal))
    assert in_every_language().count() == 5


def test_without_links_each_site_keeps_its_own_articles():
    import_sites()
    assert in_every_language().count() == 0
    # The same slug on two sites is a coincidence, not one category.
    events = {Category.objects.get(**{f"slug_{code}": "events"}) for code in ("en", "ar", "sq")}
    assert len(events) == 3


@pytest.mark.parametrize("code", list(HOSTS))
def test_each_old_host_redirects_its_own_addresses(old_hosts, code):
    import_sites(links=str(SITES / "mapping.csv"))
    reader = Client(HTTP_HOST=HOSTS[code])
    clinic = story(STORY_1)
    response = reader.get("/", {"p": STORY_1[code]})
    assert response.status_code == 301 and response["Location"] == clinic.url_in(code)
    # The same number on another site is another item: ar 415 is the Contact page.
    contact = reader.get("/", {"page_id": CONTACT_PAGES[code]})
    assert contact.status_code == 301
    assert contact["Location"].startswith(f"/{code}/")


def test_the_same_path_on_two_sites_leads_to_each_sites_own_page(old_hosts):
    import_sites()
    english = Client(HTTP_HOST=HOSTS["en"]).get("/contact/")
    persian = Client(HTTP_HOST=HOSTS["fa"]).get("/contact/")
    assert english.status_code == persian.status_code == 301
    assert english["Location"].startswith("/en/") and persian["Location"].startswith("/fa/")
    page = Page.objects.get(slug_fa=persian["Location"].rstrip("/").rsplit("/", 1)[1])
    assert page.title_fa


def test_a_second_import_changes_nothing(old_hosts):
    options = {"links": str(SITES / "mapping.csv"), "term_links": str(SITES / "terms-mapping.csv")}
    import_sites(**options)
    before = sorted(Redirect.objects.values_list("old_host", "old_path", "new_path"))
    readers_saw = generation.current()
    output = import_sites(**options)
    assert sorted(Redirect.objects.values_list("old_host", "old_path", "new_path")) == before
    assert not re.search(r"\b(created|updated)\b", output), output
    # Nothing was saved, so readers' cached pages stay.
    assert cache.get(generation.KEY) == readers_saw


def test_a_file_in_another_language_is_refused_unless_forced():
    with pytest.raises(CommandError, match="says it is in en-US, not fa"):
        run_import(site=[f"fa={SITES / 'en.xml'}"])
    assert not Article.objects.exists()
    run_import(site=[f"fa={SITES / 'en.xml'}"], force_language=True)
    assert Article.objects.filter(filled_in("fa", "title")).exists()


def test_a_wrong_site_option_is_explained():
    with pytest.raises(CommandError, match="unknown option"):
        call_command("import_wordpress", site=[f"en={SITES / 'en.xml'},colour=blue"])
    with pytest.raises(CommandError, match="unknown time zone"):
        call_command("import_wordpress", site=[f"en={SITES / 'en.xml'},tz=Mars/Olympus"])


def test_each_edition_shows_dates_in_its_own_time_zone(settings):
    settings.NEJAT_TIME_ZONES = {"fa": "Asia/Tehran", "ar": "Asia/Baghdad"}
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = story(STORY_1)
    persian = Client().get(clinic.url_in("fa")).content.decode()
    arabic = Client().get(clinic.url_in("ar")).content.decode()
    english = Client().get(clinic.url_in("en")).content.decode()
    assert ">۲ فروردین ۱۴۰۳</time>" in persian
    assert ">21 مارس، 2024</time>" in arabic
    assert ">March 20, 2024</time>" in english


def test_links_between_stories_point_at_their_new_addresses():
    import_sites(links=str(SITES / "mapping.csv"))
    clinic, appeal = story(STORY_1), story(STORY_2)
    for code in ZONES:
        body = getattr(clinic, f"body_{code}")
        target = unquote(appeal.url_in(code))
        assert body.count(f'href="{target}"') == 2, (code, re.findall(r'href="[^"]+"', body))
        assert f"old-{code}.example.org/?p=" not in body


def test_a_plugins_shortcode_is_removed_and_reported_with_its_items():
    output = import_sites(links=str(SITES / "mapping.csv"))
    clinic = story(STORY_1)
    for code in ZONES:
        assert "[contact-form-7" not in getattr(clinic, f"body_{code}")
    line = next(line for line in output.splitlines() if "[contact-form-7]" in line)
    assert "#1482 Mobile clinic" in line, line


@pytest.mark.parametrize(
    ("code", "old", "new"),
    [
        ("en", "/feed/", "/en/feed/"),
        ("fa", "/comments/feed/", "/fa/feed/"),
        ("ar", "/feed/atom/", "/ar/feed/atom/"),
        ("sq", "/wp-sitemap.xml", "/sitemap.xml"),
        # The Persian archive's months are Solar Hijri: March 2024's first posts came
        # in Esfand 1402, those from the 20th on in Farvardin 1403.
        ("fa", "/2024/03/", "/fa/articles/1402/12/"),
        ("fa", "/2024/03/21/", "/fa/articles/1403/1/"),
        ("ar", "/2024/03/21/", "/ar/articles/2024/3/"),
        ("sq", "/2024/07/", "/sq/articles/2024/7/"),
        ("en", "/category/news/reports/", "/en/articles/category/reports/"),
        ("en", "/category/news/reports/feed/", "/en/feed/category/reports/"),
        ("en", "/tag/villages/feed/", "/en/articles/tag/villages/"),
        ("en", "/?cat=4", "/en/articles/category/reports/"),
    ],
)
def test_feeds_archives_and_terms_of_each_old_host_redirect(old_hosts, code, old, new):
    import_sites(links=str(SITES / "mapping.csv"), term_links=str(SITES / "terms-mapping.csv"))
    response = Client(HTTP_HOST=HOSTS[code]).get(old)
    assert response.status_code == 301, (code, old)
    assert unquote(response["Location"]) == new


def test_a_posts_feed_leads_to_the_post(old_hosts):
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = story(STORY_1)
    old = "/2024/03/20/mobile-clinic-reaches-three-mountain-villages/feed/"
    response = Client(HTTP_HOST=HOSTS["en"]).get(old)
    assert response.status_code == 301 and response["Location"] == unquote(clinic.url_in("en"))


def test_a_posts_main_category_is_its_deepest_and_others_become_tags_only_if_asked():
    literacy = {"en": 1617}
    import_sites(links=str(SITES / "mapping.csv"), term_links=str(SITES / "terms-mapping.csv"))
    article = story(literacy)
    assert article.category.slug == "reports"  # News' child, listed after it
    assert sorted(article.tags.values_list("slug", flat=True)) == [
        "children-youth",
        "education",
        "volunteers",
    ]
    import_sites(
        links=str(SITES / "mapping.csv"),
        term_links=str(SITES / "terms-mapping.csv"),
        categories_as_tags=True,
        refresh=True,
    )
    assert "news" in article.tags.values_list("slug", flat=True)


def test_an_unknown_edition_time_zone_is_refused_at_start(settings):
    from django.core.exceptions import ImproperlyConfigured

    from nejat.publishing.editions import EditionTimeZoneMiddleware

    settings.NEJAT_TIME_ZONES = {"fa": "Asia/Nowhere"}
    with pytest.raises(ImproperlyConfigured, match="NEJAT_TIME_ZONES"):
        EditionTimeZoneMiddleware(lambda request: None)


@pytest.mark.parametrize("code", list(HOSTS))
def test_a_password_protected_posts_old_address_says_it_is_not_public(old_hosts, code):
    minutes = {"en": 1501, "fa": 2334, "ar": 880, "sq": 421}
    import_sites(links=str(SITES / "mapping.csv"))
    assert story(minutes).status == "draft"
    response = Client(HTTP_HOST=HOSTS[code]).get("/", {"p": minutes[code]})
    assert response.status_code == 410
    assert "not public on this site" in response.content.decode()


def test_embedded_videos_become_players_that_load_nothing_before_play():
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = story(STORY_1)
    for code in ZONES:
        page = Client().get(clinic.url_in(code)).content.decode()
        assert 'data-player="https://www.youtube-nocookie.com/embed/Qm7fT2xLk9A' in page, code
        assert "<iframe" not in page
    for code in ("en", "sq"):  # the second video: a bare address alone on its line
        page = Client().get(clinic.url_in(code)).content.decode()
        assert 'data-player="https://www.youtube-nocookie.com/embed/bR4wZp8nC1s' in page, code


@pytest.mark.parametrize("code", list(HOSTS))
def test_a_featured_images_old_addresses_lead_to_its_copy_and_renditions(old_hosts, code):
    import_sites(links=str(SITES / "mapping.csv"))
    image = story(STORY_1).image.file
    reader = Client(HTTP_HOST=HOSTS[code])
    folder = "/wp-content/uploads/2024/03/"
    original = reader.get(f"{folder}mobile-clinic.jpg")
    assert original.status_code == 301 and original["Location"] == image.url
    stem = image.url.rsplit(".", 1)[0].replace("/media/", "/media/renditions/", 1)
    for size, width in {"300x200": 400, "150x150": 400, "768x512": 800, "1024x683": 1040}.items():
        variant = reader.get(f"{folder}mobile-clinic-{size}.jpg")
        assert variant.status_code == 301, size
        assert variant["Location"] == f"{stem}-{width}.jpg"


def test_a_body_images_original_and_sizes_lead_to_the_copy_it_shows(old_hosts):
    import_sites(links=str(SITES / "mapping.csv"))
    body = story(STORY_1).body_fa
    # The original, which the page offers in its renditions.
    copy = re.search(r'<img src="([^"]+)"', body).group(1)
    assert unquote(copy).endswith("/2024/03/نوبتدهی-بیماران-روز-اول.jpg")
    reader = Client(HTTP_HOST=HOSTS["fa"])
    for size in ("", "-300x200", "-768x512", "-1024x683"):
        old = f"/wp-content/uploads/2024/03/نوبت‌دهی-بیماران-روز-اول{size}.jpg"
        for address in (old, quote(old)):
            response = reader.get(address)
            assert response.status_code == 301, address
            assert response["Location"] == copy


def test_a_sticky_story_is_featured_on_every_editions_home_page():
    import_sites(links=str(SITES / "mapping.csv"))
    appeal = story(STORY_2)
    assert appeal.featured and not story(STORY_1).featured
    for code in ZONES:
        home = Client().get(f"/{code}/").content.decode()
        featured = home.split('class="featured"', 1)[1].split("</section>", 1)[0]
        assert getattr(appeal, f"title_{code}") in featured, code


def test_comment_threads_keep_their_depth_and_the_teams_reply_is_marked():
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = story(STORY_1)
    from nejat.wordpress.models import ImportRecord

    def ours(code, wordpress_id):
        site = f"https://old-{code}.example.org"
        record = ImportRecord.objects.get(
            source_site=site, kind="comment", wordpress_id=wordpress_id
        )
        return record.content_object

    top, reply, answer = ours("en", 301), ours("en", 302), ours("en", 303)
    assert reply.parent == top and answer.parent == reply  # not flattened
    assert reply.from_team and not top.from_team and not answer.from_team
    page = Client().get(clinic.url_in("en")).content.decode()
    thread = page.split(f'id="comment-{top.pk}"', 1)[1]
    assert f'id="comment-{reply.pk}"' in thread and f'id="comment-{answer.pk}"' in thread
    assert page.count('class="comment__team"') == 1


PERSIAN_CATEGORIES = {"اخبار", "بدون-دستهبندی", "رویدادها", "سلامت", "فراخوانها", "گزارشها"}


def test_each_sites_categories_keep_their_wordpress_slugs_in_its_language():
    import_sites()
    persian = Category.objects.filter(filled_in("fa", "name"))
    assert set(persian.values_list("slug_fa", flat=True)) == PERSIAN_CATEGORIES
    assert all(category.languages == ["fa"] for category in persian)
    for code in ZONES:
        for slug in Category.objects.values_list(f"slug_{code}", flat=True):
            assert not (slug or "").startswith("category-"), (code, slug)
    reader = Client()
    for slug in PERSIAN_CATEGORIES:
        assert reader.get(f"/fa/articles/category/{slug}/").status_code == 200, slug
        assert reader.get(f"/fa/articles/category/{quote(slug)}/").status_code == 200, slug
    # The numbered addresses Persian categories had before are gone (fa 4 is News).
    assert reader.get("/fa/articles/category/category-4/").status_code == 404


def test_linked_categories_and_tags_have_an_address_in_each_language():
    import_sites(links=str(SITES / "mapping.csv"), term_links=str(SITES / "terms-mapping.csv"))
    news = Category.objects.get(slug_en="news")
    assert (news.slug_fa, news.slug_ar, news.slug_sq) == ("اخبار", "أخبار", "lajme")
    assert news.languages == ["en", "ar", "fa", "sq"]
    from nejat.publishing.tags import Tag

    villages = Tag.objects.get(label_slug_en="villages")
    assert (villages.label_slug_fa, villages.label_slug_ar) == ("روستاها", "القرى")
    assert villages.slug == "villages"  # taggit's key: one, whatever the languages
    reader = Client()
    for code in ZONES:
        assert reader.get(news.url_in(code)).status_code == 200, code
        assert reader.get(villages.url_in(code)).status_code == 200, code
    # An address from another edition leads to this edition's.
    response = reader.get("/fa/articles/category/news/")
    assert response.status_code == 301 and unquote(response["Location"]) == (
        "/fa/articles/category/اخبار/"
    )


@pytest.mark.parametrize(
    ("code", "old", "new"),
    [
        ("fa", "/category/اخبار/", "/fa/articles/category/اخبار/"),
        ("fa", "/category/اخبار/گزارشها/", "/fa/articles/category/گزارشها/"),
        ("fa", "/category/اخبار/feed/", "/fa/feed/category/اخبار/"),
        ("fa", "/?cat=7", "/fa/articles/category/فراخوانها/"),
        ("fa", "/tag/روستاها/", "/fa/articles/tag/روستاها/"),
        ("ar", "/category/أخبار/تقارير/", "/ar/articles/category/تقارير/"),
        ("ar", "/category/events/", "/ar/articles/category/events/"),
    ],
)
def test_old_persian_and_arabic_category_addresses_lead_to_their_new_ones(
    old_hosts, code, old, new
):
    import_sites(links=str(SITES / "mapping.csv"), term_links=str(SITES / "terms-mapping.csv"))
    reader = Client(HTTP_HOST=HOSTS[code])
    for address in (old, quote(old, safe="/?=")):
        response = reader.get(address)
        assert response.status_code == 301, address
        assert unquote(response["Location"]) == new
    assert Client().get(new).status_code == 200
