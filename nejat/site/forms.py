from django import forms
from django.utils.translation import gettext_lazy as _

from nejat.site.antispam import OneLineField, ProtectedForm


class ContactForm(ProtectedForm):
    name = OneLineField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail address"))
    subject = OneLineField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)

    field_order = ["name", "email", "subject", "message"]
