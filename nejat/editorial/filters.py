"""List filters of every content admin, by workflow state and by missing language, and
of the terms' admins (categories, tags), by missing name."""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nejat.publishing.models import Publishable


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, missing_in(name)) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            complete = self.complete_in(queryset.model, self.value()).values("pk")
            return queryset.exclude(pk__in=complete)
        return queryset

    def complete_in(self, model, code):
        return model.objects.written_in(code)


class MissingNameFilter(MissingLanguageFilter):
    """Terms without a name, and so without a page, in the chosen language."""

    def complete_in(self, model, code):
        return model.named_in(code)


def missing_in(language_name):
    return _("Missing in %(language)s") % {"language": language_name}


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
