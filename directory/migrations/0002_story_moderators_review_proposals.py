"""The story moderators review the directory's proposals too: the same group, one
more permission (``directory.permissions``)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Story moderators"
CODENAME = "review_proposals"


def forward(apps, schema_editor):
    # Django makes permissions after all migrations; this one is needed now.
    app_config = apps.get_app_config("directory")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="directory", codename=CODENAME)
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(permission)


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="directory", codename=CODENAME
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name=GROUP):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("moderation", "0002_story_moderators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
