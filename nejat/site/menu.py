"""The main menu of PRODUCT.md, built once per page: Home, what each content app
offers (its ``AppConfig.menu_entries()``, in the order of ``INSTALLED_APPS``), the
pages placed in the menu, and Contact us."""

from dataclasses import dataclass, field, replace

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass
class MenuItem:
    label: str
    url: str = ""
    children: list = field(default_factory=list)
    current: bool = False

    def as_text(self):
        """The item with its label (and its children's) in the active language, as text."""
        return replace(
            self, label=str(self.label), children=[child.as_text() for child in self.children]
        )


def url_or_none(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def section_entries():
    return [
        entry
        for config in apps.get_app_configs()
        if hasattr(config, "menu_entries")
        for entry in config.menu_entries()
    ]


def build_menu(path, pages, sections):
    """The menu for the page at ``path``: ``pages`` are links to the pages placed in it,
    ``sections`` the content apps' entries (``section_entries()``, which may be kept
    across requests: they are copied)."""
    items = [
        MenuItem(_("Home"), reverse("home")),
        *(replace(item, children=[replace(child) for child in item.children]) for item in sections),
        *(MenuItem(page.title, page.url) for page in pages),
        MenuItem(_("Contact us"), reverse("contact")),
    ]
    home = items[0].url
    for item in items:
        item.children = [child for child in item.children if child.url]
        for entry in [item, *item.children]:
            entry.current = bool(entry.url) and (
                path == entry.url or (entry.url != home and path.startswith(entry.url))
            )
        item.current = item.current or any(child.current for child in item.children)
    return [item for item in items if item.url or item.children]
