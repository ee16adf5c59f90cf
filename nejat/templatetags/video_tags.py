from django import template
from django.utils.safestring import SafeData, mark_safe

from nejat import video

register = template.Library()


@register.filter
def video_players(html):
    """Players for bare video-file links in sanitised rich text: ``{{ body|safe|video_players }}``.

    Text not marked safe is returned untouched, for autoescaping to handle.
    """
    if not isinstance(html, SafeData):
        return html
    return mark_safe(video.players_in(str(html)))
