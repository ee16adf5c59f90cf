"""The editor's desk on the admin's home page: what waits for someone, each with its
number and a link to the list of it.

Items in review, scheduled items and translations kept from readers come from every
content type; an app adds its own waiting work with a ``desk_entries(user)`` method on
its AppConfig (comments awaiting moderation, unread contact messages), so this module
knows no app."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nejat.publishing.models import Publishable, publishable_models


@dataclass
class DeskEntry:
    label: str
    count: int
    url: str


def changelist_url(model, **filters):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return url + "?" + "&".join(f"{name}={value}" for name, value in filters.items())


def can_view(user, model):
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def workflow_entries(user):
    entries = []
    now = timezone.now()
    Status = Publishable.Status
    for model in publishable_models():
        if not can_view(user, model):
            continue
        counts = model.objects.aggregate(
            review=Count("pk", filter=Q(status=Status.REVIEW)),
            scheduled=Count("pk", filter=Q(status=Status.PUBLISHED, publish_at__gt=now)),
            held=Count("pk", filter=Q(status=Status.PUBLISHED) & ~Q(held_languages="")),
        )
        items = model._meta.verbose_name_plural
        if counts["review"]:
            label = _("%(items)s in review") % {"items": items}
            url = changelist_url(model, status="review")
            entries.append(DeskEntry(label, counts["review"], url))
        if counts["scheduled"]:
            label = _("%(items)s scheduled") % {"items": items}
            url = changelist_url(model, status="scheduled")
            entries.append(DeskEntry(label, counts["scheduled"], url))
        if counts["held"]:
            label = _("%(items)s with a translation kept from readers") % {"items": items}
            url = reverse("translation_board") + "?state=held"
            entries.append(DeskEntry(label, counts["held"], url))
    return entries


def desk_entries(user):
    entries = workflow_entries(user)
    for config in apps.get_app_configs():
        if hasattr(config, "desk_entries"):
            entries += [DeskEntry(*entry) for entry in config.desk_entries(user) if entry[1]]
    return entries
