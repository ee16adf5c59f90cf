"""The staff audit list: what each account did in the admin, when.

Django records every addition, change and deletion made through the admin (the
workflow's publish and unpublish actions and restores included, and changes to
accounts and their groups); this shows those records to Administrators, read-only.
Sign-ins, failed sign-ins and lockouts are django-axes' lists beside it.
"""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from nejat.editorial.history import describe


@admin.register(LogEntry)
class StaffActionAdmin(admin.ModelAdmin):
    list_display = ("action_time", "user", "action", "item", "change")
    list_filter = ("action_flag", "content_type", "user")
    list_select_related = ("user", "content_type")
    search_fields = ("object_repr", "user__username", "change_message")
    date_hierarchy = "action_time"
    ordering = ("-action_time",)
    fields = list_display
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        return entry.get_action_flag_display()

    @admin.display(description=_("item"))
    def item(self, entry):
        kind = entry.content_type.name if entry.content_type else ""
        try:
            url = entry.get_admin_url() if not entry.is_deletion() else ""
        except NoReverseMatch:
            url = ""
        if url:
            return format_html('{}: <a href="{}">{}</a>', kind, url, entry.object_repr)
        return f"{kind}: {entry.object_repr}"

    @admin.display(description=_("change"))
    def change(self, entry):
        return describe(entry.change_message)
