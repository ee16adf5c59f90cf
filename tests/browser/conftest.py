import os

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# made by the tests themselves are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def watched(context):
    """A page that records every Content-Security-Policy violation the browser reports:
    the site's pages and the admin must work under the policy, not around it."""
    page = context.new_page()
    page.csp_violations = []

    def keep_violation(message):
        if "Content Security Policy" in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", keep_violation)
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = watched(context)
    yield page
    context.close()
    assert page.csp_violations == []


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = watched(context)
    yield page
    context.close()
    assert page.csp_violations == []


@pytest.fixture
def requests_elsewhere(live_server, page):
    """The addresses off this site the page asked for (each refused, not loaded)."""
    outside = []

    def keep_local(route):
        if route.request.url.startswith(live_server.url):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", keep_local)
    return outside


@pytest.fixture
def signed_in(live_server, page, django_user_model):
    """The page of an editor (a superuser) signed in to the admin."""
    django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "a-long-test-password"
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page
