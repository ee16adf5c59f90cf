from django.db import migrations


def sync_roles(apps, schema_editor):
    from nejat.editorial.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """Editors manage the image library; Authors add to it; Translators see it."""

    dependencies = [
        ("nejat", "0011_redirects_per_old_host"),
        ("nejat_media", "0001_library_images"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
