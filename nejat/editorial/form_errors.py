"""A form that comes back with errors: its language tabs open where the work is, and
the files chosen for it are named, to be chosen again.

A browser cannot fill a file input back in. Keeping the upload on the server between
two posts would mean temporary files to clean up and signed references to check, for
every file field and inline row; instead the editor is told, next to each field and
above the form, which file to choose again.
"""

from django import forms
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin


def lost_uploads_message(names):
    return ngettext(
        "The file you chose (%(names)s) was not saved because the form had errors: "
        "choose it again.",
        "The files you chose (%(names)s) were not saved because the form had errors: "
        "choose them again.",
        len(names),
    ) % {"names": ", ".join(names)}


def name_lost_uploads(form):
    """Mark each file field of a failed form that had files chosen; return their names."""
    lost = []
    for name, field in form.fields.items():
        if not isinstance(field, forms.FileField) or field.disabled or form.errors.get(name):
            continue
        names = [upload.name for upload in form.files.getlist(form.add_prefix(name)) if upload]
        if names:
            form.add_error(name, lost_uploads_message(names))
            # The form's script tells this notice from the errors that need fixing.
            form.errors[name].error_class += " upload-lost"
            lost += names
    return lost


class TabbedAdmin(TabbedTranslationAdmin):
    """modeltranslation's tabs, opening on the language with an error or, failing that,
    the one written in (form-errors.js), and a failed post's uploads named."""

    class Media:
        # Named again so that the merged media keep this script after the tabs' own.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "editorial/form-errors.js")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if request.method == "POST" and request.FILES and context.get("errors"):
            form = context["adminform"].form
            lost = name_lost_uploads(form)
            for inline in context.get("inline_admin_formsets", ()):
                for inline_form in inline.formset.forms:
                    lost += name_lost_uploads(inline_form)
            if lost:
                form.add_error(None, lost_uploads_message(lost))
        return super().render_change_form(request, context, add, change, form_url, obj)
