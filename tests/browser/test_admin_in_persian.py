"""The admin in Persian (and Arabic), chosen in the admin's own header: no English
left on the page where articles are written, the rich-text editor's toolbar included."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

# What looks like English: a run of three Latin letters or more.
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Latin that is not untranslated English: the other languages' names as their own
# readers write them, in the language switch.
ALLOWED = {"English", "Shqip"}
URL = re.compile(r"^(https?://|/)\S*$")

# Every text node of the page, whether shown now or once a tab, a collapsed section or
# a calendar is opened, and every label a browser shows or reads out; the editor's
# icons are written as ligatures ("format_bold") that the icon font draws.
COLLECT = """() => {
  const found = [["<title>", document.title]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (element.closest("script, style, template, noscript, .material-icons")) continue;
    found.push([element.tagName.toLowerCase(), walker.currentNode.textContent]);
  }
  const labelled = "[title], [aria-label], [placeholder], [alt], input[type=submit], "
    + "input[type=button], input[type=reset]";
  for (const element of document.querySelectorAll(labelled)) {
    const tag = element.tagName.toLowerCase();
    for (const name of ["title", "aria-label", "placeholder", "alt"]) {
      if (element.hasAttribute(name)) found.push([`${tag} @${name}`, element.getAttribute(name)]);
    }
    if (element.matches("input[type=submit], input[type=button], input[type=reset]")) {
      found.push([`${tag} @value`, element.value]);
    }
  }
  return found;
}"""


def english_on(page):
    """Each piece of English on the page, once, with where it was found."""
    english = {}
    for where, text in page.evaluate(COLLECT):
        text = " ".join(text.split())
        if text in ALLOWED or URL.match(text) or not LATIN_WORD.search(text):
            continue
        english.setdefault(text, where)
    return english


@pytest.fixture
def signed_in(live_server, page, django_user_model):
    # A name in Persian script: the header greets the user by it.
    django_user_model.objects.create_superuser("دبیر", "editor@example.org", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "دبیر")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_article_add_page_has_no_english(live_server, signed_in, language):
    page = signed_in
    page.click(f".admin-language button[lang={language}]")
    page.wait_for_selector(f"html[lang={language}][dir=rtl]")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # Every body editor has built its toolbar.
    editors = page.locator("textarea[data-django-prose-editor-configurable]").count()
    page.wait_for_function(
        f"document.querySelectorAll('.prose-menubar').length >= {editors}", timeout=10_000
    )
    english = english_on(page)
    listed = "\n".join(f"  {text!r}  ({where})" for text, where in sorted(english.items()))
    print(f"English on the article add page in {language} ({len(english)}):\n{listed}")
    assert not english, f"{len(english)} strings are still English:\n{listed}"
