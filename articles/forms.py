from django import forms
from django.utils.translation import gettext_lazy as _

from nejat.site.antispam import HiddenInput, OneLineField, ProtectedForm


class CommentForm(ProtectedForm):
    name = OneLineField(label=_("Name"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("Never published; only our editors see it.")
    )
    text = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea)
    parent = forms.IntegerField(widget=HiddenInput, required=False)

    field_order = ["name", "email", "text"]
