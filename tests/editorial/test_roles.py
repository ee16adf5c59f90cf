import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from nejat.editorial import roles

pytestmark = pytest.mark.django_db

GROUPS = [
    "Administrator",
    "Author",
    "Editor",
    "Translator",
    "Translator (ar)",
    "Translator (en)",
    "Translator (fa)",
    "Translator (sq)",
]


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


class TestRoles:
    def test_the_migration_creates_every_group(self):
        Group.objects.all().delete()
        migration = importlib.import_module("nejat.migrations.0005_roles")
        migration.create_roles(apps, SimpleNamespace(connection=connection))
        assert sorted(Group.objects.values_list("name", flat=True)) == GROUPS

    def test_sync_roles_sets_each_group_to_exactly_its_permissions(self, groups):
        editor = Group.objects.get(name=roles.EDITOR)
        editor.permissions.clear()
        author = Group.objects.get(name=roles.AUTHOR)
        author.permissions.add(*Group.objects.get(name=roles.EDITOR).permissions.all())
        output = io.StringIO()
        call_command("sync_roles", stdout=output)
        assert "Editor: " in output.getvalue()
        assert "articles.publish_article" in codenames(roles.EDITOR)
        assert "articles.publish_article" not in codenames(roles.AUTHOR)
        assert Group.objects.count() == len(GROUPS)

    def test_editors_publish_and_moderate_but_do_not_manage_users_or_settings(self, groups):
        editor = codenames(roles.EDITOR)
        for permission in (
            "articles.publish_article",
            "nejat.publish_page",
            "media_library.publish_album",
            "publications.publish_issue",
            "articles.change_comment",
            "nejat.change_contactmessage",
        ):
            assert permission in editor
        for permission in ("auth.change_user", "nejat.change_sitesettings"):
            assert permission not in editor

    def test_authors_write_but_cannot_publish(self, groups):
        author = codenames(roles.AUTHOR)
        assert {"articles.add_article", "articles.change_article", "articles.view_category"} <= (
            author
        )
        assert not {code for code in author if ".publish_" in code}
        assert "articles.change_category" not in author
        assert "articles.change_comment" not in author

    def test_translators_change_content_and_the_photos_of_albums_but_add_nothing(self, groups):
        for name in (roles.TRANSLATOR, roles.translator_group_name("fa")):
            translator = codenames(name)
            assert {"articles.change_article", "media_library.change_photo"} <= translator
            assert not {code for code in translator if ".add_" in code or ".delete_" in code}

    def test_administrators_have_every_permission(self, groups):
        assert {"auth.change_user", "nejat.change_sitesettings", "reversion.view_version"} <= (
            codenames(roles.ADMINISTRATOR)
        )

    def test_a_users_translation_languages_come_from_their_groups(self, make_member):
        translator = make_member(
            "both", roles.translator_group_name("fa"), roles.translator_group_name("ar")
        )
        assert roles.translator_languages(translator) == ("ar", "fa")
        assert roles.translator_languages(make_member("nobody")) == ()
