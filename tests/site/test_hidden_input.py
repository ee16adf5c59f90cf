"""The forms' hidden inputs are written without Django's widget template, with the
same markup."""

import pytest
from django import forms

from nejat.site.antispam import HiddenInput


@pytest.mark.parametrize(
    "value, attrs",
    [
        (None, {"id": "id_parent"}),
        ("", {"id": "id_parent"}),
        (12, {"id": "id_parent"}),
        ("a\"<b>&'", {"id": "id_shown_at"}),
        ("token:1x:abc", {"id": "id_shown_at", "data-on": True, "data-off": False}),
        ("token", None),
    ],
)
def test_a_hidden_input_is_written_as_django_writes_it(value, attrs):
    ours = HiddenInput().render("shown_at", value, attrs)
    assert ours == forms.HiddenInput().render("shown_at", value, attrs)
