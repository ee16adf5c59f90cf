"""List filters of every content admin: by workflow state, and by missing language."""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nejat.publishing.models import Publishable


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, _("Missing in %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            complete = queryset.model.objects.written_in(self.value()).values("pk")
            return queryset.exclude(pk__in=complete)
        return queryset


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        Status = Publishable.Status
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            (Status.PUBLISHED, Status.PUBLISHED.label),
            (Status.UNPUBLISHED, Status.UNPUBLISHED.label),
        ]

    def queryset(self, request, queryset):
        Status = Publishable.Status
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())
        if self.value() == Status.PUBLISHED:
            return queryset.published()
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset
