import re

import pytest
from django.db import DatabaseError

from nejat.site.models import Page, SiteSettings

pytestmark = pytest.mark.django_db

ABOUT = {
    "en": ("About us", "about-us"),
    "ar": ("من نحن", "من-نحن"),
    "fa": ("درباره‌ی ما", "درباره-ما"),
    "sq": ("Rreth nesh", "rreth-nesh"),
}


def make_page(placement="menu", languages=tuple(ABOUT), **fields):
    page = Page(status="published", placement=placement, **fields)
    for language in languages:
        title, slug = ABOUT[language]
        setattr(page, f"title_{language}", title)
        setattr(page, f"slug_{language}", slug)
        setattr(page, f"body_{language}", f"<p>{title}</p>")
    page.save()
    return page


class TestPages:
    def test_page_answers_in_each_of_its_languages(self, client):
        page = make_page()
        for language in ABOUT:
            response = client.get(page.url_in(language))
            assert response.status_code == 200
            assert ABOUT[language][0] in response.content.decode()

    def test_page_in_one_language_is_404_in_the_others(self, client):
        make_page(languages=["fa"])
        assert client.get("/en/درباره-ما/").status_code == 404

    def test_menu_and_footer_show_pages_placed_there(self, client):
        make_page(placement="menu")
        footer_page = Page(
            status="published",
            placement="footer",
            title_en="Privacy",
            slug_en="privacy",
            body_en="<p>x</p>",
        )
        footer_page.save()
        html = client.get("/en/").content.decode()
        menu = html[
            html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))
        ]
        footer = html[html.index('class="site-footer"') :]
        assert "About us" in menu and "Privacy" not in menu
        assert "Privacy" in footer

    def test_address_taken_by_a_section_is_refused(self, editor_client):
        response = editor_client.post(
            "/admin/nejat/page/add/",
            {
                "title_en": "Contact",
                "slug_en": "contact",
                "body_en": "<p>x</p>",
                "status": "published",
                "publish_at_0": "2026-01-01",
                "publish_at_1": "10:00:00",
                "placement": "",
                "order": 0,
            },
        )
        assert response.status_code == 200
        assert "slug_en" in response.context["adminform"].form.errors
        assert Page.objects.count() == 0


class TestSiteSettings:
    def test_footer_shows_social_links_and_copyright_years(self, client):
        from django.utils import timezone

        SiteSettings.objects.create(
            name_en="Nejat",
            copyright_start_year=2008,
            copyright_holder_en="Nejat Association",
            facebook_url="https://facebook.example/nejat",
            telegram_url="https://t.example/nejat",
        )
        html = client.get("/en/").content.decode()
        assert (
            'href="https://facebook.example/nejat"' in html
            and 'href="https://t.example/nejat"' in html
        )
        assert f"© 2008–{timezone.now().year} Nejat Association" in html
        persian = client.get("/fa/").content.decode()
        assert "۲۰۰۸" in persian

    def test_admin_opens_the_single_record(self, editor_client):
        response = editor_client.get("/admin/nejat/sitesettings/")
        assert response.status_code == 302 and response["Location"].endswith("/add/")
        SiteSettings.objects.create()
        response = editor_client.get("/admin/nejat/sitesettings/")
        assert response["Location"].endswith("/1/change/")

    def test_site_name_and_tagline_follow_the_edition(self, client):
        SiteSettings.objects.create(name_en="Nejat", name_fa="نجات", tagline_fa="خبر و حمایت")
        html = client.get("/fa/").content.decode()
        assert 'class="site-name"' in html and "خبر و حمایت" in html


class TestErrorPages:
    def test_persian_404_is_persian_and_right_to_left(self, client):
        response = client.get("/fa/no-such-thing/at/all/")
        assert response.status_code == 404
        html = response.content.decode()
        assert '<html lang="fa" dir="rtl">' in html
        assert "Page not found" not in html and len(re.findall(r"<h1[\s>]", html)) == 1

    def test_a_database_outage_answers_503_rendered_without_the_database(self, monkeypatch):
        from django.db import connection
        from django.test import Client

        def unreachable(*args, **kwargs):
            raise DatabaseError("could not connect to server")

        monkeypatch.setattr(connection, "cursor", unreachable)
        response = Client(raise_request_exception=False).get("/ar/")
        assert response.status_code == 503 and response["Retry-After"] == "30"
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        assert "Back in a moment" not in html and "نعود بعد لحظات" in html

    def test_500_page_is_translated(self, monkeypatch):
        from django.test import Client

        from nejat.site.views import ContactView

        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(ContactView, "get", broken)
        response = Client(raise_request_exception=False).get("/ar/contact/")
        assert response.status_code == 500 and "Retry-After" not in response
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        assert "Something went wrong" not in html
