"""Autosave: a draft copy of a change form, kept while its editor writes.

While a change form has changes that were not saved, autosave.js sends its fields
every ``NEJAT_AUTOSAVE_SECONDS`` to ``autosave_view``, which keeps them as that user's
``Autosave`` of the item: one per user and item, replaced each time. The item, its
revisions, its history and what readers see stay as they are; saving the item ends
the autosave. When the user opens the item again and their autosave is newer than its
last save, the form offers to put the text back in the fields (it is saved only when
they press Save) or to discard it.

An autosave keeps only the item's own fields the user may change: its translated and
plain fields (a translator's in their languages only), never its publishing fields,
relations, files or inlines. A value the form would refuse is left out. Add forms are
not autosaved: there is no item yet, and saving it as a draft is what makes one.

Autosaves are a table of their own, not django-reversion revisions: a revision is a
whole saved state that the history lists, compares, restores and recovers from; an
autosave is part of one user's form, and stays out of all of that.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from nejat.editorial.models import Autosave
from nejat.media.limits import FORM_ALLOWANCE

# The posted field that names the save the form was opened on.
VERSION_FIELD = "autosave_version"


def version_of(obj):
    return obj.updated_at.isoformat()


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def kept_value(field, model_field, raw):
    """A posted value as the form shows it, or None if the form would refuse it."""
    if isinstance(raw, bool):
        return raw
    if raw in field.empty_values:
        return ""  # emptied: a draft need not be complete
    try:
        cleaned = field.clean(raw)
    except ValidationError:
        return None
    sanitize = getattr(model_field, "sanitize", None)
    return sanitize(cleaned) if sanitize else raw


class AutosaveAdmin:
    """Autosaves on a ModelAdmin whose model has ``updated_at`` (``PublishableAdmin``)."""

    kept_on_restore = ()

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_autosave"
        # Exempt here, checked in autosave_view once the size is known to be acceptable:
        # the CSRF check reads the whole body.
        view = csrf_exempt(never_cache(self.autosave_view))
        return [path("<path:object_id>/autosave/", view, name=name), *super().get_urls()]

    def autosave_url(self, obj):
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_autosave"
        return reverse(name, args=[quote(obj.pk)])

    def autosave_view(self, request, object_id):
        """POST keeps the posted fields as the user's autosave of the item; DELETE
        discards it."""
        if not self.admin_site.has_permission(request):
            raise PermissionDenied
        if request.method not in ("POST", "DELETE"):
            return HttpResponseNotAllowed(["POST", "DELETE"])
        if declared_length(request) > FORM_ALLOWANCE:
            message = _("This form is too long to keep a draft copy of.")
            return JsonResponse({"message": message}, status=413)
        return csrf_protect(self.keep_autosave)(request, object_id)

    def keep_autosave(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "DELETE":
            Autosave.objects.of(obj).filter(user=request.user).delete()
            return HttpResponse(status=204)
        if request.POST.get(VERSION_FIELD) != version_of(obj):
            # Saved since this form was opened: its text is no longer a draft of the item.
            message = _("No more draft copies: this item was saved elsewhere since you opened it.")
            return JsonResponse({"message": message}, status=409)
        saved_at = timezone.now()
        Autosave.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            user=request.user,
            defaults={
                "data": self.autosaved_values(request, obj),
                "saved_at": saved_at,
                "item_saved_at": obj.updated_at,
            },
        )
        time = formats.time_format(timezone.localtime(saved_at))
        return JsonResponse(
            {
                "saved_at": saved_at.isoformat(),
                "message": _("Saved a draft copy at %(time)s") % {"time": time},
            }
        )

    def autosaved_fields(self, request, obj):
        """{name: (form field, model field)} of the fields an autosave keeps for this user."""
        form = self.get_form(request, obj, change=True)(instance=obj)
        fields = {}
        for name, field in form.fields.items():
            try:
                model_field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue  # a field of the form only
            if (
                field.disabled
                or name in self.kept_on_restore
                or model_field.is_relation
                or isinstance(model_field, models.FileField)
                or isinstance(field.widget, forms.MultiWidget)
            ):
                continue
            fields[name] = (field, model_field)
        return fields

    def autosaved_values(self, request, obj):
        values = {}
        for name, (field, model_field) in self.autosaved_fields(request, obj).items():
            raw = field.widget.value_from_datadict(request.POST, {}, name)
            if raw is None:
                continue  # not sent
            value = kept_value(field, model_field, raw)
            if value is not None:
                values[name] = value
        return values

    def newer_autosave(self, request, obj):
        """The user's autosave of the item if it is newer than the item's last save:
        when it was kept, and the fields they may still change."""
        # Made on the form of the item as it is now: an autosave still on its way when
        # the item was saved is older than that save, whatever its time.
        autosave = (
            Autosave.objects.of(obj).filter(user=request.user, item_saved_at=obj.updated_at).first()
        )
        if autosave is None:
            return None
        fields = self.autosaved_fields(request, obj)
        data = {name: value for name, value in autosave.data.items() if name in fields}
        return {"saved_at": autosave.saved_at, "data": data} if data else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and self.has_change_permission(request, obj):
            context["autosave"] = {
                "url": self.autosave_url(obj),
                "version": version_of(obj),
                "seconds": settings.NEJAT_AUTOSAVE_SECONDS,
                # A form sent back with errors already holds the newest text.
                "draft": self.newer_autosave(request, obj) if request.method == "GET" else None,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            Autosave.objects.of(obj).filter(user=request.user).delete()

    def delete_model(self, request, obj):
        Autosave.objects.of(obj).delete()
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        Autosave.objects.of(*queryset).delete()
        super().delete_queryset(request, queryset)
