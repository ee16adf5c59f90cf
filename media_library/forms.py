from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nejat.media.images import ImageFormField


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several pictures chosen at once, each checked like any uploaded image.

    Cleaning never fails for a bad picture: it returns ``(accepted, rejected)``,
    the files that passed and ``(file name, reason)`` for the others, so the good
    ones can be kept and the bad ones named.
    """

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"})

    def clean(self, data, initial=None):
        uploads = [
            upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload
        ]
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        checker = ImageFormField()
        accepted, rejected = [], []
        for upload in uploads:
            try:
                accepted.append(checker.clean(upload))
            except ValidationError as error:
                rejected.append((upload.name, " ".join(error.messages)))
        return accepted, rejected


class AlbumAdminForm(forms.ModelForm):
    new_photos = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_(
            "Select several pictures at once; they are added after the album's photos, "
            "in the order chosen."
        ),
    )
