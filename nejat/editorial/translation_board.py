"""The translation board: every item against the four languages, each cell missing,
draft, live or outdated, and a link to the form open on that language's tab. This is
where a translator starts the day."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nejat.editorial.bidi import title_language
from nejat.editorial.roles import translator_languages
from nejat.publishing.languages import outdated_languages
from nejat.publishing.models import Publishable, publishable_models

STATES = {
    "missing": _("missing"),
    "draft": _("draft"),
    "live": _("live"),
    "scheduled": _("scheduled"),
    "held": _("kept from readers"),
    "outdated": _("outdated"),
}
PAGE_SIZE = 50


def board_models(request):
    """The content types this user may see in the admin, by name."""
    models = [
        model
        for model in publishable_models()
        if admin.site.is_registered(model)
        and admin.site.get_model_admin(model).has_view_or_change_permission(request)
    ]
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


class BoardFilters(forms.Form):
    type = forms.ChoiceField(label=_("Content type"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any state")), *STATES.items()]
    )

    def __init__(self, data, models):
        super().__init__(data)
        self.models = {model._meta.label_lower: model for model in models}
        self.fields["type"].choices = [("", _("All types"))] + [
            (label, capfirst(model._meta.verbose_name_plural))
            for label, model in self.models.items()
        ]

    def choices(self):
        """The chosen models, language codes and state; what is not valid is not applied."""
        chosen = self.cleaned_data if self.is_valid() else {}
        label, language = chosen.get("type"), chosen.get("language")
        return (
            [self.models[label]] if label else list(self.models.values()),
            [language] if language else [code for code, _name in settings.LANGUAGES],
            chosen.get("state") or None,
        )


def rows_of(model, languages):
    """One query: every item of a type with its titles and, per language, whether the
    item exists in it."""
    codes = [code for code, _name in settings.LANGUAGES]
    exists = {
        f"in_{code}": Exists(model.objects.written_in(code).filter(pk=OuterRef("pk")))
        for code in languages
    }
    titles = [build_localized_fieldname("title", code) for code in codes]
    own_times = [build_localized_fieldname("language_publish_at", code) for code in codes]
    items = model.objects.annotate(**exists).values(
        "pk",
        "status",
        "publish_at",
        "updated_at",
        "source_language",
        "translated_at",
        "held_languages",
        *titles,
        *own_times,
        *exists,
    )
    now = timezone.now()
    change_url = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
    for item in items:
        published = item["status"] == Publishable.Status.PUBLISHED
        outdated = outdated_languages(item["translated_at"], item["source_language"])
        url = reverse(change_url, args=[item["pk"]])
        cells = []
        for code in languages:
            if not item[f"in_{code}"]:
                state = "missing"
            elif code in outdated:
                state = "outdated"
            elif published and code in item["held_languages"].split():
                state = "held"
            elif published:
                own_time = item[build_localized_fieldname("language_publish_at", code)]
                starts = max(filter(None, (item["publish_at"], own_time)))
                state = "live" if starts <= now else "scheduled"
            else:
                state = "draft"
            cells.append(
                {
                    "language": code,
                    "state": state,
                    "label": STATES[state],
                    "url": f"{url}#language-{code}",
                }
            )
        names = {code: item[build_localized_fieldname("title", code)] for code in codes}
        title_code = title_language(names)
        yield {
            "type": capfirst(model._meta.verbose_name),
            "title": names[title_code] if title_code else f"#{item['pk']}",
            "title_language": title_code,
            "url": url,
            "updated_at": item["updated_at"],
            "cells": cells,
        }


def translation_board(request):
    models = board_models(request)
    filters = BoardFilters(request.GET or initial_filters(request), models)
    chosen_models, languages, state = filters.choices()
    rows = [row for model in chosen_models for row in rows_of(model, languages)]
    if state:
        rows = [row for row in rows if any(cell["state"] == state for cell in row["cells"])]
    rows.sort(key=lambda row: row["updated_at"], reverse=True)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation board"),
        "filters": filters,
        "languages": [(code, name) for code, name in settings.LANGUAGES if code in languages],
        "page": page,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "editorial/translation_board.html", context)


def initial_filters(request):
    """A translator first sees what waits in their first language."""
    languages = translator_languages(request.user)
    return {"language": languages[0]} if languages else None


view = admin.site.admin_view(translation_board)
