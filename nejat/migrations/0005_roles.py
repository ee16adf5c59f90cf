from django.db import migrations


def create_roles(apps, schema_editor):
    from nejat.editorial.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """The editorial groups (Administrator, Editor, Author, Translator and one translator
    group per language) with their permissions; ``manage.py sync_roles`` keeps them right."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("nejat", "0004_workflow_states"),
        ("articles", "0003_workflow_states"),
        ("media_library", "0002_workflow_states"),
        ("publications", "0002_workflow_states"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
