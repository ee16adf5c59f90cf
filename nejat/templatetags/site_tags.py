from django import template

from nejat.menu import build_menu

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    pages = [page for page in context["site_pages"] if page.placement == "menu"]
    return {
        "items": build_menu(context["request"].path, pages),
        "alternates": context["alternates"],
        "LANGUAGE_CODE": context["LANGUAGE_CODE"],
    }
