from django import forms
from django.utils.translation import gettext_lazy as _

from nejat.site.antispam import ProtectedForm


class ContactForm(ProtectedForm):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail address"))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)

    field_order = ["name", "email", "subject", "message"]
