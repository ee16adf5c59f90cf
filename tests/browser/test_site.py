import pytest

from nejat.site.models import ContactMessage, SiteSettings

pytestmark = pytest.mark.django_db(transaction=True)


def test_media_dropdown_works_with_the_keyboard(live_server, page):
    page.goto(f"{live_server.url}/en/")
    media = page.locator(".main-menu details", has_text="Media")
    summary = media.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert media.evaluate("d => d.open")
    page.keyboard.press("ArrowDown")
    links = media.locator(".submenu__list a")
    assert links.nth(0).evaluate("a => a === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("a => a === document.activeElement")
    page.keyboard.press("Escape")
    assert not media.evaluate("d => d.open")
    assert summary.evaluate("s => s === document.activeElement")


def test_dropdown_opens_with_a_click_and_closes_on_a_click_elsewhere(live_server, page):
    page.goto(f"{live_server.url}/fa/")
    editions = page.locator(".main-menu__editions details")
    editions.locator("summary").click()
    assert editions.locator("a[hreflang='en']").is_visible()
    page.locator("main").click()
    assert not editions.evaluate("d => d.open")


def test_phone_menu_opens_and_closes(live_server, phone):
    phone.goto(f"{live_server.url}/ar/")
    toggle = phone.locator(".main-menu__toggle")
    menu_list = phone.locator(".main-menu__list")
    assert toggle.is_visible() and not menu_list.is_visible()
    toggle.tap()
    assert menu_list.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    toggle.tap()
    assert not menu_list.is_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_contact_message_is_sent_end_to_end(live_server, page, settings):
    settings.NEJAT_FORM_MIN_SECONDS = 0
    SiteSettings.objects.create(notification_emails="desk@example.org")
    page.goto(f"{live_server.url}/sq/contact/")
    page.fill("#id_name", "Drita")
    page.fill("#id_email", "drita@example.org")
    page.fill("#id_subject", "Vullnetarizëm")
    page.fill("#id_message", "Dua të ndihmoj në bibliotekë.")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/sq/contact/thanks/")
    assert page.locator("h1").inner_text() != "Thank you"
    assert ContactMessage.objects.get().language == "sq"
