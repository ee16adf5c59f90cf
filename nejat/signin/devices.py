"""Recovery codes belong to the authenticator they were made with: when an
Administrator removes a staff member's lost authenticator, its codes go too, and the
next sign-in starts a fresh enrolment."""

from django.db.models.signals import post_delete
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def remove_recovery_codes(sender, instance, **kwargs):
    if instance.confirmed:
        StaticDevice.objects.filter(user_id=instance.user_id).delete()


def connect():
    post_delete.connect(remove_recovery_codes, sender=TOTPDevice, dispatch_uid="nejat.signin")
