"""The "Responders" group (the hospital's patient-experience staff), who write the
official response to a published story, and the moderators' right to review it.

Responders get the admin and the right to write responses, nothing else: not
Wagtail's built-in "Editors" or "Moderators", whose page rights cover the whole
tree. Story moderators get the review of responses. The lists are frozen here as
``moderation.permissions`` has them today.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RESPONDERS_GROUP = "Responders"
MODERATORS_GROUP = "Story moderators"
RESPONDER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("stories", "write_official_responses"),
]
MODERATOR_PERMISSIONS = [("stories", "review_official_responses")]


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forward(apps, schema_editor):
    # Django makes permissions after all migrations; these are needed now.
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=RESPONDERS_GROUP)
    group.permissions.add(*(permission(apps, *p) for p in RESPONDER_PERMISSIONS))
    moderators = Group.objects.filter(name=MODERATORS_GROUP).first()
    if moderators is not None:
        moderators.permissions.add(*(permission(apps, *p) for p in MODERATOR_PERMISSIONS))


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=RESPONDERS_GROUP).delete()
    moderators = Group.objects.filter(name=MODERATORS_GROUP).first()
    if moderators is not None:
        moderators.permissions.remove(*(permission(apps, *p) for p in MODERATOR_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_story_moderators_group"),
        ("stories", "0013_official_response"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forward, backward)]
