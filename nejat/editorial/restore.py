"""Restoring an older version, under the same rules as editing.

django-reversion's own revision view reverted the whole stored version — every
language and the workflow state — for anyone who could open the item, and found the
version by its id alone. Here every way back goes through ``restore_view``: the
version is looked up within its object; a translator restores only their languages'
fields; the workflow (``kept_on_restore``) stays as it is; the editor confirms after
seeing, language by language, what changes, and confirms again when a live edition
would lose its text. Every restore is a revision and an entry in the admin's log.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language_info, gettext_noop
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

RESTORED = gettext_noop("Restored the version saved on %(date)s.")


def translated_fields_in(model, languages):
    """The model's translated columns of these languages (``title_fa``, ``body_fa``…)."""
    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return set()
    return {build_localized_fieldname(f, code) for f in fields for code in languages}


def editions_in(model, values):
    """The languages whose edition fields are all filled in these stored values."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if all(values.get(build_localized_fieldname(f, code)) for f in model.edition_fields)
    ]


class RestoreMixin:
    kept_on_restore = ()

    def may_restore(self, request, obj):
        return self.has_change_permission(request, obj)

    def restorable_fields(self, request, obj):
        """Field names this user may bring back, or None for the whole version."""
        return None

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """The library's address of a version: our comparison, or our restore."""
        object_id = unquote(object_id)
        get_object_or_404(self.versions_of(object_id), pk=version_id)
        if request.method == "POST":
            return self.restore_view(request, quote(object_id), version_id)
        compare = reverse(self.url_name("compare"), args=[quote(object_id)])
        return HttpResponseRedirect(f"{compare}?from={version_id}")

    def recover_view(self, request, version_id, extra_context=None):
        get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        return super().recover_view(request, version_id, extra_context)

    def restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseRedirect(reverse(self.url_name("history"), args=[object_id]))
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.may_restore(request, obj):
            raise PermissionDenied
        version = get_object_or_404(self.versions_of(obj.pk), pk=version_id)
        allowed = self.restorable_fields(request, obj)
        values = {
            name: value
            for name, value in version.field_dict.items()
            if name not in self.kept_on_restore and (allowed is None or name in allowed)
        }
        losing = self.editions_lost(obj, values)
        confirmed = request.POST.get("confirm") == "yes"
        if not confirmed or (losing and request.POST.get("take_offline") != "yes"):
            return self.confirm_restore(request, obj, version, values, losing)
        self.restore(request, obj, version, values, whole=allowed is None)
        return HttpResponseRedirect(reverse(self.url_name("change"), args=[quote(obj.pk)]))

    def editions_lost(self, obj, values):
        if not hasattr(obj, "languages"):
            return []
        after = editions_in(type(obj), {**obj.__dict__, **values})
        return [code for code in obj.written_languages if code not in after]

    def confirm_restore(self, request, obj, version, values, losing):
        changed = sorted(
            {name for name, value in values.items() if getattr(obj, name, value) != value}
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Restore this version?"),
            "version": version,
            "changed": [str(self.opts.get_field(name).verbose_name) for name in changed],
            "losing": [get_language_info(code)["name_translated"] for code in losing],
            "restore_url": request.path,
        }
        return TemplateResponse(request, "editorial/confirm_restore.html", context)

    def restore(self, request, obj, version, values, whole):
        moment = formats.localize(timezone.localtime(version.revision.date_created))
        message = _(RESTORED) % {"date": moment.rstrip(".")}
        kept = {name: getattr(obj, name) for name in self.kept_on_restore}
        with transaction.atomic(), self.create_revision(request):
            if whole:
                version.revision.revert(delete=True)
                obj = self.model._default_manager.get(pk=obj.pk)
                for name, value in kept.items():
                    setattr(obj, name, value)
            else:
                for name, value in values.items():
                    setattr(obj, name, value)
            self.before_restore_save(request, obj)
            obj.save()
            self.log_change(request, obj, self.logged(RESTORED, date=version.revision.date_created))
        messages.success(request, message)

    def before_restore_save(self, request, obj):
        pass
