"""Importing the four sites safely (all of a site or none of it, a dry run that says
everything it would do) and the old hosts' addresses nobody kept (the fixtures in
fixtures/sites/)."""

import csv
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.management import CommandError
from django.test import Client

from articles.models import Article, Author, Category
from nejat.media.models import LibraryImage
from nejat.publishing.languages import filled_in
from nejat.site.models import Redirect
from nejat.wordpress.importer import WordPressImport
from nejat.wordpress.models import ImportRecord
from tests.wordpress.conftest import run_import
from tests.wordpress.test_four_sites import HOSTS, SITES, import_sites, in_every_language

pytestmark = pytest.mark.django_db
LINKS = {"links": str(SITES / "mapping.csv"), "term_links": str(SITES / "terms-mapping.csv")}


class Interrupted(Exception):
    pass


def interrupt_the_persian_site_after(items, monkeypatch):
    import_item, imported = WordPressImport.import_item, []

    def interrupted(importer, item):
        if importer.file_lang == "fa" and item.post_type in ("post", "page"):
            if len(imported) == items:
                raise Interrupted  # a Ctrl-C, a lost connection, a full disk
            imported.append(item.post_id)
        return import_item(importer, item)

    monkeypatch.setattr(WordPressImport, "import_item", interrupted)


def test_an_interrupted_site_leaves_nothing_and_the_next_run_completes(monkeypatch):
    interrupt_the_persian_site_after(3, monkeypatch)
    with pytest.raises(Interrupted):
        import_sites(**LINKS)
    # The English site is in whole; nothing of the Persian one, not even its stories'
    # Persian halves or its old addresses.
    assert Article.objects.filter(filled_in("en", "title")).count() > 0
    assert not Article.objects.filter(filled_in("fa", "title")).exists()
    assert not ImportRecord.objects.filter(source_site="https://old-fa.example.org").exists()
    assert not Redirect.objects.filter(old_host=HOSTS["fa"]).exists()

    monkeypatch.undo()
    import_sites(**LINKS)
    assert in_every_language().count() == 4


def test_a_dry_run_says_what_it_would_copy_and_which_addresses_conflict(tmp_path):
    # Both sites said to have lived on one host: their /contact/ pages cannot both be there.
    shared = {
        code: f"{code}={SITES / code}.xml,uploads={SITES / 'uploads' / code},host=old.example.org"
        for code in ("en", "fa")
    }
    output = run_import(site=list(shared.values()), dry_run=True)

    assert re.search(r"featured images: \d+ to copy", output), output
    assert re.search(r"files: \d+ to copy", output), output
    conflicts = re.search(r"(\d+) redirects: old address claimed twice; first kept: (.*)", output)
    assert int(conflicts[1]) > 10 and "old.example.org/contact/" in conflicts[2]
    assert "Dry run: nothing was written." in output
    assert not Article.objects.exists() and not Redirect.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "wordpress").exists()


def test_a_post_in_two_rows_of_the_mapping_is_refused(tmp_path):
    mapping = tmp_path / "stories.csv"
    mapping.write_text("en,fa\n1482,2310\n1455,2310\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 3: the fa post 2310 is in two rows"):
        import_sites(links=str(mapping))
    assert not Article.objects.exists()


@pytest.mark.parametrize("code", list(HOSTS))
def test_an_old_hosts_unknown_addresses_go_to_its_own_edition(settings, code):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", *HOSTS.values()]
    import_sites()
    # A reader whose browser prefers another language still lands in the old site's edition.
    reader = Client(HTTP_HOST=HOSTS[code], HTTP_ACCEPT_LANGUAGE="sq" if code != "sq" else "en")
    home = reader.get("/")
    assert home.status_code == 301 and home["Location"] == f"/{code}/"
    gone = reader.get("/a-story-nobody-kept/", {"utm_source": "telegram"})
    assert gone.status_code == 301
    assert gone["Location"] == f"/{code}/a-story-nobody-kept/?utm_source=telegram"
    not_found = reader.get(gone["Location"])
    assert not_found.status_code == 404
    assert f'lang="{code}"' in not_found.content.decode()
    # Any other host: the browser's language, as before.
    assert Client(HTTP_ACCEPT_LANGUAGE="sq").get("/")["Location"] == "/sq/"


def test_body_images_come_into_the_library_and_show_in_their_renditions():
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = Article.objects.get(title_fa__startswith="درمانگاه سیار")
    # The original WordPress kept, not the 1024-pixel copy the old page showed.
    image = LibraryImage.objects.get(file__endswith="/2024/03/نوبتدهی-بیماران-روز-اول.jpg")
    assert (image.width, image.renditions_ready) == (1040, True)

    html = Client().get(clinic.url_in("fa")).content.decode()
    body = html.split('class="article__body', 1)[1]
    picture = re.search(r"<picture>.*?</picture>", body, re.S).group(0)
    assert re.search(r'srcset="[^"]+-400\.webp 400w, [^"]+-800\.webp 800w', picture)
    assert 'alt="بیماران در انتظار نوبت کنار خودروی درمانگاه"' in picture
    # Imported again: the same library images, no second copies.
    images = sorted(LibraryImage.objects.values_list("pk", "file"))
    import_sites(links=str(SITES / "mapping.csv"), refresh=True)
    assert sorted(LibraryImage.objects.values_list("pk", "file")) == images


def test_the_proposal_also_finds_the_same_categories_and_tags(tmp_path):
    stories = tmp_path / "stories.csv"
    output = import_sites(propose_links=str(stories))
    terms = tmp_path / "stories.terms.csv"
    assert f"written to {terms}" in output
    with (
        terms.open(encoding="utf-8") as proposed,
        (SITES / "terms-mapping.csv").open(encoding="utf-8") as mapped,
    ):
        assert list(csv.DictReader(proposed)) == list(csv.DictReader(mapped))

    import_sites(links=str(stories), term_links=str(terms))
    health = Category.objects.get(name_en="Health")
    assert all((health.name_fa, health.name_ar, health.name_sq))


def test_authors_get_pages_and_their_old_archives_lead_there(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", *HOSTS.values()]
    import_sites(links=str(SITES / "mapping.csv"))
    clinic = Article.objects.get(title_fa__startswith="درمانگاه سیار")
    # The English site's writer is the story's author; the Persian site's, its translator.
    assert [author.name_en for author in clinic.authors.all()] == ["Sarah Mitchell"]
    assert clinic.translator_fa == "مریم کاظمی" and not clinic.byline_en

    maryam = Author.objects.get(name_fa="مریم کاظمی")
    page = Client().get(maryam.get_absolute_url().replace("/en/", "/fa/"))
    assert page.status_code == 200
    assert "گزارش سالانه" in page.content.decode(), "her own Persian posts are listed"

    reader = Client(HTTP_HOST=HOSTS["fa"])
    for old in ("/author/maryam/", "/author/maryam/feed/", "/?author=1"):
        response = reader.get(old)
        assert response.status_code == 301, old
        assert unquote(response["Location"]) == f"/fa/articles/author/{maryam.slug}/"
    # reza.h: WordPress made his archive's address from the login.
    assert reader.get("/author/reza-h/").status_code == 301
    english = Client().get(clinic.url_in("en")).content.decode()
    sarah = Author.objects.get(name_en="Sarah Mitchell")
    assert f'href="{sarah.get_absolute_url()}"' in english


def test_an_imported_author_does_not_take_the_address_of_one_already_here():
    ours = Author.objects.create(name_en="Sarah Mitchell", slug="sarah-mitchell")
    import_sites(links=str(SITES / "mapping.csv"))
    imported = Author.objects.exclude(pk=ours.pk).get(name_en="Sarah Mitchell")
    assert imported.slug == "sarah-mitchell-2"
    assert Author.objects.get(pk=ours.pk).slug == "sarah-mitchell"
