"""Words the admin shows that their own catalogue (Django's, a library's) leaves in
English in one of our languages, named here so that makemessages puts them in ours:
Django reads locale/ before any other catalogue. Nothing imports this module; the
admin's scripts have the same list in static/editorial/catalogue-gaps.js."""

from django.utils.translation import gettext_noop, ngettext_lazy

WORDS = (
    # django.contrib.admin, in Persian and Albanian.
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Select this object for an action - {}"),
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    gettext_noop("Error:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    # django-taggit, in Albanian.
    gettext_noop("A comma-separated list of tags."),
    # django-axes, in Albanian.
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    # django-tasks-db, in every language.
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
)
