from django.core.mail import send_mail
from django.template.loader import render_to_string

from nejat.site.models import SiteSettings


def notify_staff(template, context):
    """E-mail the staff addresses of the site settings, in the active language."""
    recipients = SiteSettings.current().recipients
    if not recipients:
        return 0
    subject = render_to_string(f"site/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"site/emails/{template}_body.txt", context)
    return send_mail(subject, body, None, recipients)
