"""Staff notices: the e-mail staff get about what a visitor sent (a contact message,
a comment awaiting approval).

A notice is written in the same transaction as the visitor's post and sent by the
task worker after commit, so a mail server that is down never shows a visitor an
error and never loses a notice: the worker retries with growing pauses
(``NEJAT_NOTICE_RETRY_SECONDS``), and a notice that still could not go out stays
"not sent" in the admin, which can send it again.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StaffNoticeQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class StaffNotice(models.Model):
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    recipients = models.JSONField(_("recipients"), default=list)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    about = GenericForeignKey("content_type", "object_id")

    objects = StaffNoticeQuerySet.as_manager()

    class Meta:
        app_label = "nejat"
        verbose_name = _("staff notice")
        verbose_name_plural = _("staff notices")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.subject

    @property
    def is_sent(self):
        return self.sent_at is not None

    def send(self):
        """One attempt; True once the mail server took it. Failures are recorded."""
        if self.is_sent:
            return True
        self.attempts += 1
        try:
            send_mail(self.subject, self.body, None, self.recipients)
        except OSError as error:  # SMTP errors, refused and timed-out connections
            self.last_error = f"{type(error).__name__}: {error}"[:500]
            self.save(update_fields=["attempts", "last_error"])
            return False
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["attempts", "last_error", "sent_at"])
        return True

    def retry_delay(self):
        """Seconds before the next attempt, or None when the attempts are spent."""
        delays = settings.NEJAT_NOTICE_RETRY_SECONDS
        return delays[self.attempts - 1] if 0 < self.attempts <= len(delays) else None


def notify_staff(template, context, about=None):
    """Write a notice from ``site/emails/<template>_{subject,body}.txt`` in the active
    language and queue it. Call it inside the transaction that stores ``about``."""
    from nejat.site.models import SiteSettings  # here: models.py imports this module
    from nejat.site.tasks import deliver_staff_notice

    recipients = SiteSettings.current().recipients
    if not recipients:
        return None
    notice = StaffNotice.objects.create(
        subject=" ".join(render_to_string(f"site/emails/{template}_subject.txt", context).split()),
        body=render_to_string(f"site/emails/{template}_body.txt", context),
        recipients=recipients,
        about=about,
    )
    deliver_staff_notice.enqueue(notice.pk)
    return notice
