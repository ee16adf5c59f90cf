"""The main menu of PRODUCT.md, built once per page from the sections that exist."""

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MEDIA = [
    (_("Cartoons"), "media_library:cartoons"),
    (_("NewsPics"), "media_library:newspics"),
    (_("Photo Gallery"), "media_library:albums"),
    (_("Videos"), "media_library:videos"),
]


@dataclass
class MenuItem:
    label: str
    url: str = ""
    children: list = field(default_factory=list)
    current: bool = False


def url_or_none(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def publications():
    items = [(_("Books"), url_or_none("publications:books"))]
    if apps.is_installed("publications"):
        periodical_model = apps.get_model("publications", "Periodical")
        periodicals = periodical_model.objects.in_language(get_language())
        items += [(periodical.name, periodical.get_absolute_url()) for periodical in periodicals]
    return items


def build_menu(path, pages):
    items = [
        MenuItem(_("Home"), reverse("home")),
        MenuItem(_("Articles"), reverse("articles:list")),
        MenuItem(_("Media"), children=[MenuItem(label, url_or_none(n)) for label, n in MEDIA]),
        MenuItem(
            _("Publications"), children=[MenuItem(label, url) for label, url in publications()]
        ),
        *(MenuItem(page.title, page.get_absolute_url()) for page in pages),
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
