import pytest
from django.contrib.auth.models import Group

PASSWORD = "a-long-staff-password-7"


@pytest.fixture
def staff_in(db, groups, django_user_model):
    """``staff_in("Editor")``: a staff account in that group, signing in with PASSWORD."""

    def make(group, username=None):
        user = django_user_model.objects.create_user(
            username or group.lower(), f"{group.lower()}@example.org", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def sign_in(client, username, password=PASSWORD, **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        headers=headers,
    )
