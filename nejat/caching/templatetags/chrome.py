"""``{% chrome "name" [value …] %}…{% endchrome %}``: a part of a page that every
reader of the edition sees alike (a sidebar, a footer, an article's card, told apart
by the values given), rendered once per generation and edition."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nejat.caching.chrome import cached

register = template.Library()


class ChromeNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        def render():
            return self.nodelist.render(context)

        parts = [str(value.resolve(context)) for value in self.values]
        # Absolute addresses in a fragment (share links) name the host it was made for.
        host = origin(context.get("request"))
        fragment = cached(f"fragment:{self.name}", render, get_language(), host, *parts)
        # Safe: a rendered template.
        return mark_safe(fragment)  # nosec B308 B703


def origin(request):
    """The scheme and host of the request, worked out once for all its fragments."""
    if request is None:
        return ""
    if not hasattr(request, "chrome_origin"):
        request.chrome_origin = f"{request.scheme}://{request.get_host()}"
    return request.chrome_origin


@register.tag
def chrome(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% chrome "name" [value …] %}…{% endchrome %}')
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(bits[1][1:-1], values, nodelist)
