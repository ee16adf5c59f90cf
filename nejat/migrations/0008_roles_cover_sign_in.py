from django.db import migrations


def sync_roles(apps, schema_editor):
    from nejat.editorial.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """Administrators get the sign-in tables' permissions: lifting a lockout (access
    attempts) and removing a lost authenticator (TOTP and recovery-code devices)."""

    dependencies = [
        ("nejat", "0007_staff_notices"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
