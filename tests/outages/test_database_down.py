"""PostgreSQL going away and coming back, under gunicorn with the production settings:
readers get a translated 503 with Retry-After (or the page cache's copy), never a 500;
a post is either stored and thanked or refused, never thanked and lost; the same
workers serve again within seconds of the database's return."""

import sys
import time
from urllib.parse import urlencode

import pytest

from tests.deploy.stack import FormFields, Stack, Visitor, wait_until
from tests.outages.postgres import PrivatePostgres

CONTENT = """
from tests.factories import make_article, make_category
from nejat.site.models import SiteSettings
SiteSettings.objects.create(notification_emails="desk@example.org")
category = make_category()
for number in range(3):
    make_article(category, title_en=f"Story {number}", title_fa=f"خبر {number}")
"""

COUNT_MESSAGES = (
    "from nejat.site.models import ContactMessage; print(ContactMessage.objects.count())"
)

PROXY = {"X-Forwarded-Proto": "https"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = PrivatePostgres()
    # One worker, so its memory is the page cache.
    single_worker = {"CACHE_URL": "locmemcache://", "GUNICORN_WORKERS": "1"}
    stack = Stack(
        tmp_path_factory.mktemp("outage"),
        database_url=database.url,
        extra_environment=single_worker,
    )
    try:
        database.create()
        manage = (sys.executable, "manage.py")
        stack.run(*manage, "migrate", "--noinput", "-v", "0")
        stack.run(*manage, "collectstatic", "--noinput", "-v", "0")
        stack.run(*manage, "shell", "-v", "0", "-c", CONTENT)
        log = stack.start_app_server(0)
        wait_until(lambda: get(stack, "/healthz").status == 200, "gunicorn", log)
        yield stack, database
    finally:
        stack.stop()
        database.destroy()


def get(stack, path):
    return Visitor(stack.app_port, tls=False).get(path, PROXY)


def post(stack, path, fields):
    visitor = Visitor(stack.app_port, tls=False)
    headers = {
        **PROXY,
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"https://localhost:{stack.app_port}",
    }
    return visitor.request("POST", path, headers, urlencode(fields))


def contact_fields(stack):
    page = get(stack, "/en/contact/")
    assert page.status == 200
    parser = FormFields("contact-form")
    parser.feed(page.text)
    fields = dict(parser.fields)
    fields.update(name="Dana", email="dana@example.org", subject="Visit", message="Hello there.")
    return fields


def test_an_outage_answers_503_and_the_site_recovers_by_itself(site):
    stack, database = site
    assert get(stack, "/fa/").status == 200  # now in the page cache
    form = contact_fields(stack)
    time.sleep(3.1)  # NEJAT_FORM_MIN_SECONDS

    database.stop()
    try:
        kept = get(stack, "/fa/")
        assert kept.status == 200 and "خبر" in kept.text

        headings = {"en": "Back in a moment", "ar": "نعود بعد لحظات", "sq": "Kthehemi pas pak"}
        for path in ("/en/", "/en/articles/", "/ar/search/?q=story", "/sq/contact/", "/en/x/"):
            response = get(stack, path)
            assert response.status == 503, (path, response.status, response.text[:500])
            assert response.headers["Retry-After"].isdigit()
            assert headings[path[1:3]] in response.text
        persian = get(stack, "/fa/articles/")
        assert persian.status == 503 and "به‌زودی برمی‌گردیم" in persian.text
        assert 'dir="rtl"' in persian.text
        assert get(stack, "/healthz").status == 503

        refused = post(stack, "/en/contact/", form)
        assert refused.status == 503 and "try again" in refused.text
    finally:
        database.start()

    back = time.monotonic()
    wait_until(lambda: get(stack, "/en/articles/").status == 200, "the site after the outage")
    assert time.monotonic() - back < 5
    assert get(stack, "/healthz").status == 200
    assert (
        stack.run(sys.executable, "manage.py", "shell", "-v", "0", "-c", COUNT_MESSAGES).strip()
        == "0"
    )

    thanked = post(stack, "/en/contact/", form)
    assert thanked.status == 302 and thanked.headers["Location"] == "/en/contact/thanks/"
    assert (
        stack.run(sys.executable, "manage.py", "shell", "-v", "0", "-c", COUNT_MESSAGES).strip()
        == "1"
    )
