"""What a translator may not change in a form: the other languages' fields (shown in
their tabs, disabled) and the fields every language shares (read-only)."""

from django.contrib.admin.utils import flatten_fieldsets
from modeltranslation.translator import translator

from nejat.publishing.languages import localized_fields


def lock_other_languages(form_class, model, languages):
    """The form with every translated field outside ``languages`` disabled: still shown
    in its tab, its posted value ignored."""
    locked = {name for name, code in localized_fields(model).items() if code not in languages}

    class LanguageLockedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in locked & set(self.fields):
                self.fields[name].disabled = True
                # Its value stays what it is; an empty one is not the translator's to fill.
                self.fields[name].required = False

    LanguageLockedForm.__name__ = form_class.__name__
    return LanguageLockedForm


def untranslated_fields(model_admin):
    """The fields of an admin's (or inline's) form that belong to no language."""
    model = model_admin.model
    localized = set(localized_fields(model))
    originals = set(translator.get_options_for_model(model).all_fields) if localized else set()
    if model_admin.fieldsets:
        names = flatten_fieldsets(model_admin.fieldsets)
    else:
        names = model_admin.fields or [
            field.name
            for field in model._meta.get_fields()
            if field.editable and not field.auto_created and (field.concrete or field.many_to_many)
        ]
    form_only = form_only_fields(model_admin)
    return [
        name
        for name in names
        if name not in originals and name not in localized and name not in form_only
    ]


def form_only_fields(model_admin):
    """Fields an admin's form declares beyond the model's (an album's upload of new photos)."""
    model_fields = {field.name for field in model_admin.model._meta.get_fields()}
    return set(model_admin.form.declared_fields) - model_fields


def without_fields(fieldsets, names):
    """Fieldsets less these fields, and less any fieldset left empty."""
    kept = []
    for title, options in fieldsets:
        fields = []
        for entry in options["fields"]:
            if isinstance(entry, (list, tuple)):
                entry = tuple(name for name in entry if name not in names)
                if entry:
                    fields.append(entry)
            elif entry not in names:
                fields.append(entry)
        if fields:
            kept.append((title, {**options, "fields": fields}))
    return kept
