from django.db import migrations


def sync_roles(apps, schema_editor):
    from nejat.editorial.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """Translators name categories and tags in their languages."""

    dependencies = [
        ("nejat", "0014_import_records_of_authors"),
        ("articles", "0010_category_slugs_per_language"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
