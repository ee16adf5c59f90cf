"""Where the admin lives. Middleware that treats admin pages apart asks on every
request; the address is worked out once per process, not by the URL resolver each time."""

from functools import cache

from django.urls import reverse


@cache
def admin_root():
    return reverse("admin:index")


def is_admin_path(path_info):
    return path_info.startswith(admin_root())
