"""Editorial roles, kept as Django groups, and what each may do.

- Administrator: every permission (users, groups, site settings, recovering deleted items).
- Editor: all content of the site's apps (comments and contact messages included), and
  publishing; not users or site settings.
- Author: writes content and edits their own items until they are published; cannot
  publish, nor change or delete anyone else's work.
- Translator: changes only the translated fields of their languages, of content and of
  the terms it is filed under (the names of categories and tags). The languages are
  groups named "Translator (fa)" and so on; each carries the Translator permissions, so
  one such group is enough.

Which models are content follows from the code: every concrete ``Publishable`` model,
the models edited inline with it in the admin, and (to read only) the models content
points to, of which translators name the terms: those with a page in each edition that
names them. ``sync_roles`` sets every group's permissions to exactly these; it runs in
a migration and as ``manage.py sync_roles`` after a new content type arrives.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.management import create_permissions

from nejat.publishing.models import publishable_models
from nejat.publishing.slugs import AddressInEachEdition

ADMINISTRATOR = "Administrator"
EDITOR = "Editor"
AUTHOR = "Author"
TRANSLATOR = "Translator"

# Only Administrators change these.
ADMINISTRATOR_ONLY = {"nejat.sitesettings"}
# Never content, nor referred to as content: accounts and Django's own tables.
OUTSIDE_CONTENT = {"auth", "contenttypes", "admin", "sessions", "reversion"}

EVERY_ACTION = ("add", "change", "delete", "view")
# The image library: Editors manage it; Authors add to it; everyone may choose from it.
LIBRARY = "nejat_media"


def translator_group_name(language_code):
    return f"{TRANSLATOR} ({language_code})"


def translator_languages(user):
    """Codes of the languages this user translates, from their groups (cached on the user)."""
    if not hasattr(user, "_translator_languages"):
        names = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else ()
        user._translator_languages = tuple(
            code for code, _name in settings.LANGUAGES if translator_group_name(code) in names
        )
    return user._translator_languages


def publish_codename(model):
    return f"publish_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.{publish_codename(model)}")


def can_recover_deleted(user):
    """Deleted items come back from their stored versions, which only Administrators see."""
    return user.has_perm("reversion.view_version")


def part_models(models):
    """Models edited inline in these models' admin forms (an album's photos)."""
    parts = []
    for model in models:
        if admin.site.is_registered(model):
            for inline in admin.site.get_model_admin(model).inlines:
                if inline.model not in parts:
                    parts.append(inline.model)
    return parts


def referenced_models(models):
    """Models these models point to (categories, tags, periodicals): chosen while writing."""
    referenced = []
    for model in models:
        for field in model._meta.get_fields():
            target = field.related_model
            if (
                (field.many_to_one or field.many_to_many)
                and not field.auto_created
                and target is not None
                and target._meta.app_label not in OUTSIDE_CONTENT
                and target not in models
                and target not in referenced
            ):
                referenced.append(target)
    return referenced


def _permissions(models, actions):
    return {
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in models
        for action in actions
    }


def role_permissions():
    """Each group's permissions as (app label, codename) pairs; None means all of them."""
    content = publishable_models()
    writing = content + part_models(content)
    referenced = referenced_models(writing)
    site_apps = {model._meta.app_label for model in content} | {"nejat", LIBRARY}
    library = [model for model in global_apps.get_models() if model._meta.app_label == LIBRARY]
    site_models = [
        model
        for model in global_apps.get_models()
        if model._meta.app_label in site_apps and model._meta.label_lower not in ADMINISTRATOR_ONLY
    ]
    publishing = {(model._meta.app_label, publish_codename(model)) for model in content}
    terms = [model for model in referenced if issubclass(model, AddressInEachEdition)]
    translating = (
        _permissions(writing, ("change", "view"))
        | _permissions(referenced, ("view",))
        | _permissions(terms, ("change",))
    )
    roles = {
        ADMINISTRATOR: None,
        EDITOR: _permissions(site_models, EVERY_ACTION) | publishing,
        AUTHOR: _permissions(writing, EVERY_ACTION)
        | _permissions(referenced, ("view",))
        | _permissions(library, ("add", "view")),
        TRANSLATOR: translating | _permissions(library, ("view",)),
    }
    for code, _name in settings.LANGUAGES:
        roles[translator_group_name(code)] = roles[TRANSLATOR]
    return roles


def sync_roles(apps=global_apps, using="default"):
    """Create the groups and set each one's permissions to exactly its role's.

    ``apps`` is the migration's app registry when run from a migration. Returns the
    names of the groups, each with its number of permissions.
    """
    for app_config in apps.get_app_configs():
        # Content types and permissions are otherwise made after migrations end; the
        # groups need them now. A migration's app registry holds stubs without models.
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        if stub:
            app_config.models_module = None

    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    for model in publishable_models():
        content_type, _created = content_type_model.objects.using(using).get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        permission_model.objects.using(using).get_or_create(
            content_type=content_type,
            codename=publish_codename(model),
            defaults={"name": f"Can publish {model._meta.verbose_name_raw}"},
        )

    every_permission = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in permission_model.objects.using(using).select_related("content_type")
    }
    summary = []
    for name, wanted in role_permissions().items():
        group, _created = group_model.objects.using(using).get_or_create(name=name)
        if wanted is None:
            permissions = list(every_permission.values())
        else:
            permissions = [
                every_permission[key] for key in sorted(wanted) if key in every_permission
            ]
        group.permissions.set(permissions)
        summary.append((name, len(permissions)))
    return summary
