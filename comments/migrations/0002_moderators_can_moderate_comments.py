"""Give the Moderators group the comment queue.

Wagtail's own initial data makes the group (home.services.set_up_site() then
finds it by name), so this runs after it; a site without the group is left alone.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS_GROUP = "Moderators"


def grant(apps, schema_editor):
    # Permissions are made after all migrations; this one is needed now.
    app_config = apps.get_app_config("comment_moderation")
    app_config.models_module = True
    create_permissions(
        app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is None:
        return
    permission = Permission.objects.get(
        content_type__app_label="comment_moderation", codename="moderate_comments"
    )
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    permission = Permission.objects.filter(
        content_type__app_label="comment_moderation", codename="moderate_comments"
    ).first()
    if group is not None and permission is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("comment_moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
