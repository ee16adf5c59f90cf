"""The staff side every content admin shares: ``PublishableAdmin``."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from taggit.managers import TaggableManager

from nejat.editorial.autosave import AutosaveAdmin
from nejat.editorial.bidi import isolated_title
from nejat.editorial.filters import MissingLanguageFilter, StateFilter
from nejat.editorial.form_errors import TabbedAdmin
from nejat.editorial.holds import PUBLISHING_STATE, HeldLanguagesAdmin
from nejat.editorial.language_locks import (
    form_only_fields,
    lock_other_languages,
    untranslated_fields,
    without_fields,
)
from nejat.editorial.linking import link_translations, split_languages
from nejat.editorial.restore import translated_fields_in
from nejat.editorial.revisions import RevisionAdmin
from nejat.editorial.roles import can_publish, translator_languages
from nejat.editorial.search import SpellingVariantsSearchMixin
from nejat.publishing.editions import direction
from nejat.publishing.languages import localized_fields
from nejat.publishing.models import Publishable
from nejat.publishing.richtext import RichTextField
from nejat.publishing.tags import label_new_tags
from nejat.publishing.translations import record_translations


class PublishableAdmin(
    AutosaveAdmin, HeldLanguagesAdmin, SpellingVariantsSearchMixin, RevisionAdmin, TabbedAdmin
):
    """What every content admin shares: translation tabs, publishing fields, authorship,
    the editions column and filter, preview, revisions, and the editorial roles.

    Who may change what (see nejat.roles): those who may publish change everything; an
    author changes their own items until they are published; a translator changes only
    the translated fields of their languages, everything else is read-only for them.
    """

    publishing_fieldset = (
        _("Publishing"),
        {"fields": ("status", "publish_at", "held_languages", "language_publish_at")},
    )
    history_fieldset = (
        _("History"),
        {
            "classes": ("collapse",),
            "fields": ("created_at", "created_by", "updated_at", "updated_by"),
        },
    )
    list_filter = (StateFilter, MissingLanguageFilter)
    readonly_fields = ("created_at", "created_by", "updated_at", "updated_by")
    date_hierarchy = "publish_at"
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ("publish", "unpublish", "publish_translations", link_translations, split_languages)
    change_form_template = "editorial/change_form.html"
    change_list_template = "editorial/change_list.html"
    kept_on_restore = PUBLISHING_STATE
    # The shared columns, shown aware of the workflow and of text direction.
    column_for = {"__str__": "display_title", "status": "state"}

    class Media:
        css = {"all": ("editorial/admin.css",)}
        js = (
            "editorial/tag-autocomplete.js",
            "editorial/admin-editions.js",
            "editorial/writing-aids.js",
            "editorial/autosave.js",
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, TaggableManager):
            query = urlencode(
                {
                    "app_label": self.model._meta.app_label,
                    "model_name": self.model._meta.model_name,
                    "field_name": db_field.name,
                }
            )
            formfield.widget.attrs["data-autocomplete-url"] = (
                f"{reverse('admin:autocomplete')}?{query}"
            )
        language = localized_fields(self.model).get(db_field.name)
        if formfield is not None and language:
            # modeltranslation requires the default language; an item may exist in
            # Persian only, and Publishable.clean() says what publishing needs.
            formfield.required = False
            # Each language's fields, the rich-text editor included, write in its direction.
            formfield.widget.attrs.update(lang=language, dir=direction(language))
        if isinstance(db_field, RichTextField):
            formfield.widget.attrs["data-word-count"] = _("Words: %(count)s")
        return formfield

    # Who may do what.

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def is_own_unpublished(self, request, obj):
        """The user wrote it, and it is neither published nor scheduled."""
        return obj.created_by_id == request.user.pk and obj.status != Publishable.Status.PUBLISHED

    def may_change_everything(self, request, obj):
        return (
            obj is None
            or self.has_publish_permission(request)
            or self.is_own_unpublished(request, obj)
        )

    def editable_languages(self, request, obj):
        if self.may_change_everything(request, obj):
            return tuple(code for code, _name in settings.LANGUAGES)
        return translator_languages(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or bool(self.editable_languages(request, obj))

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return (
            obj is None
            or self.has_publish_permission(request)
            or self.is_own_unpublished(request, obj)
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_publish_permission(request):
            # A list cannot tell whose items are chosen: authors delete their own
            # drafts one at a time, from the item's page.
            actions.pop("delete_selected", None)
        return actions

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_change_everything(request, obj):
            readonly += [name for name in untranslated_fields(self) if name not in readonly]
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.may_change_everything(request, obj):
            return fieldsets
        # What only the form knows cannot be shown read-only: it is not shown at all.
        return without_fields(fieldsets, form_only_fields(self))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        status = form.base_fields.get("status")
        if status is not None and not self.has_publish_permission(request):
            allowed = (Publishable.Status.DRAFT, Publishable.Status.REVIEW)
            status.choices = [choice for choice in status.choices if choice[0] in allowed]
            status.help_text = _("Choose “In review” when it is ready: an editor publishes it.")
        if not self.may_change_everything(request, obj):
            form = lock_other_languages(form, self.model, self.editable_languages(request, obj))
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if not self.may_change_everything(request, obj) and self.has_change_permission(
            request, obj
        ):
            context["editable_languages"] = [
                str(get_language_info(code)["name_translated"])
                for code in self.editable_languages(request, obj)
            ]
        # The rich-text editor's import map is an inline script: the page's
        # Content-Security-Policy lets it run by this request's nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if not self.may_change_everything(request, obj):
            languages = self.editable_languages(request, obj)
            for inline in inlines:
                # Each request gets fresh inline instances: these settings stay with it.
                inline.readonly_fields = [*inline.readonly_fields, *untranslated_fields(inline)]
                inline.form = lock_other_languages(inline.form, inline.model, languages)
        return inlines

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.has_publish_permission(request):
            changelist.list_editable = ()
        return changelist

    # The list.

    def get_list_display(self, request):
        return [self.column_for.get(name, name) for name in super().get_list_display(request)]

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        return links and [self.column_for.get(name, name) for name in links]

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return isolated_title(obj)

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            moment = formats.localize(timezone.localtime(obj.publish_at))
            label = _("Scheduled for %(time)s") % {"time": moment}
            return format_html('<span class="state state--scheduled">{}</span>', label)
        return format_html(
            '<span class="state state--{}">{}</span>', obj.status, obj.get_status_display()
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    # Saving.

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        record_translations(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if hasattr(form.instance, "tags"):
            label_new_tags(form.instance, self.editable_languages(request, form.instance))

    def before_restore_save(self, request, obj):
        obj.updated_by = request.user

    def restorable_fields(self, request, obj):
        if self.may_change_everything(request, obj):
            return None
        return translated_fields_in(self.model, self.editable_languages(request, obj))

    @admin.action(description=_("Publish selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        published, refused = 0, []
        for item in queryset.exclude(status=Publishable.Status.PUBLISHED):
            if item.written_languages:
                self.change_status(request, item, Publishable.Status.PUBLISHED)
                published += 1
            else:
                refused.append(str(item))
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item was published (a future publish time schedules it).",
                    "%(count)d items were published (a future publish time schedules them).",
                    published,
                )
                % {"count": published},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not published, because no language is complete: %(items)s")
                % {"items": ", ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Unpublish selected items"), permissions=["publish"])
    def unpublish(self, request, queryset):
        unpublished = 0
        for item in queryset.filter(status=Publishable.Status.PUBLISHED):
            self.change_status(request, item, Publishable.Status.UNPUBLISHED)
            unpublished += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d item was unpublished.", "%(count)d items were unpublished.", unpublished
            )
            % {"count": unpublished},
            messages.SUCCESS,
        )

    def change_status(self, request, item, status):
        message = self.logged(_("State changed to “%(state)s”."), state=Publishable.Status(status))
        with self.create_revision(request):
            item.status = status
            item.updated_by = request.user
            item.save()
            self.log_change(request, item, message)
