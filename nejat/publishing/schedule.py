"""When the next scheduled item, or language of an item, goes live: the page cache
keeps nothing past it (nejat.caching.generation)."""

from django.db.models import Min, Q
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from nejat.publishing.languages import language_codes
from nejat.publishing.models import Publishable, publishable_models


def next_scheduled_publication():
    """When the next scheduled item, or language of an item, of any content type goes
    live, or None."""
    now = timezone.now()
    own_times = [build_localized_fieldname("language_publish_at", c) for c in language_codes()]
    times = []
    for model in publishable_models():
        published = model.objects.filter(status=Publishable.Status.PUBLISHED)
        times.append(
            published.filter(publish_at__gt=now)
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        firsts = published.aggregate(
            **{name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in own_times}
        )
        times.extend(firsts.values())
    return min(filter(None, times), default=None)
