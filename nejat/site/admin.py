from urllib.parse import quote, urlencode

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from nejat.editorial.admin import PublishableAdmin
from nejat.publishing.languages import in_every_language
from nejat.site.models import ContactMessage, Page, Redirect, SiteSettings, StaffNotice
from nejat.site.tasks import deliver_staff_notice


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    fieldsets = (
        (None, {"fields": ("name", "tagline", "copyright_start_year", "copyright_holder")}),
        (
            _("Social links"),
            {
                "fields": (
                    "facebook_url",
                    "twitter_url",
                    "instagram_url",
                    "youtube_url",
                    "telegram_url",
                )
            },
        ),
        (_("E-mail"), {"fields": ("notification_emails",)}),
        (_("Sharing"), {"fields": ("share_image",)}),
    )
    formfield_overrides = PublishableAdmin.formfield_overrides

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one record: open it (or the form to create it) directly."""
        settings_record = SiteSettings.objects.first()
        if settings_record:
            return redirect("admin:nejat_sitesettings_change", settings_record.pk)
        return redirect("admin:nejat_sitesettings_add")


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ("__str__", "placement", "order", "status", "editions")
    list_editable = ("order",)
    list_filter = PublishableAdmin.list_filter + ("placement",)
    search_fields = in_every_language("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = None
    fieldsets = (
        (None, {"fields": ("title", "slug", "body")}),
        (_("Place on the site"), {"fields": ("placement", "order")}),
        PublishableAdmin.publishing_fieldset,
        PublishableAdmin.history_fieldset,
    )


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """An inbox: messages are read, answered by e-mail and sorted, never edited."""

    list_display = ("subject", "name", "language", "sent_at", "is_read", "is_spam", "notified")
    list_display_links = ("subject",)
    list_filter = ("is_read", "is_spam", "language")
    search_fields = ("subject", "name", "email", "message")
    date_hierarchy = "sent_at"
    readonly_fields = ("name", "email", "reply_link", "subject", "message", "language", "sent_at")
    fields = readonly_fields + ("is_read", "is_spam")
    actions = ("mark_read", "mark_unread", "mark_spam")

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        unsent = StaffNotice.objects.unsent().filter(
            content_type__app_label="nejat",
            content_type__model="contactmessage",
            object_id=OuterRef("pk"),
        )
        return super().get_queryset(request).annotate(notice_unsent=Exists(unsent))

    @admin.display(description=_("staff notified"), boolean=True)
    def notified(self, message):
        return not message.notice_unsent

    @admin.display(description=_("reply"))
    def reply_link(self, message):
        query = urlencode({"subject": f"Re: {message.subject}"}, quote_via=quote)
        return format_html(
            '<a href="mailto:{}?{}">{}</a>', message.email, query, _("Reply by e-mail")
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ContactMessage.objects.filter(pk=object_id, is_read=False).update(is_read=True)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request, queryset):
        queryset.update(is_read=True)

    @admin.action(description=_("Mark as unread"))
    def mark_unread(self, request, queryset):
        queryset.update(is_read=False)

    @admin.action(description=_("Mark as spam"))
    def mark_spam(self, request, queryset):
        queryset.update(is_spam=True, is_read=True)


@admin.register(StaffNotice)
class StaffNoticeAdmin(admin.ModelAdmin):
    """The e-mails staff were sent about visitors' posts, and those that could not go."""

    list_display = ("subject", "created_at", "sent", "attempts", "last_error")
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    readonly_fields = ("subject", "body", "recipients", "created_at", "sent_at", "attempts")
    fields = readonly_fields + ("last_error",)
    actions = ("send_again",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("sent"), boolean=True)
    def sent(self, notice):
        return notice.is_sent

    @admin.action(description=_("Send again"), permissions=["view"])
    def send_again(self, request, queryset):
        unsent = list(queryset.unsent().values_list("pk", flat=True))
        for notice_id in unsent:
            deliver_staff_notice.enqueue(notice_id)
        self.message_user(
            request,
            ngettext(
                "%(count)d notice queued to be sent again.",
                "%(count)d notices queued to be sent again.",
                len(unsent),
            )
            % {"count": len(unsent)},
            messages.SUCCESS,
        )


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses (filled by the WordPress import) and where they now lead."""

    list_display = ("old_path", "old_host", "new_path")
    list_filter = ("old_host",)
    search_fields = ("old_path", "new_path")
