"""Story moderators get their own group, with only what the review needs.

Until now they were members of Wagtail's built-in "Moderators" group, which
Wagtail gives add, change and publish rights over the whole page tree. This
makes "Story moderators" (its permissions as ``moderation.permissions`` has
them today, frozen here), hands it the review task, and moves the members
across: in this project that group's members were put there to review
stories (``set_up_site`` gave it the review, the demo admin was added to it),
and leaving them in it would keep the site-wide publishing that let an edit
go live unscreened. The built-in group stays, with Wagtail's own rights and
without ours (the review and the comment queue).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OLD_GROUP = "Moderators"
NEW_GROUP = "Story moderators"
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("moderation", "review_stories"),
    ("comment_moderation", "moderate_comments"),
]
STORY_INDEX_PAGE_PERMISSIONS = ["change"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
OURS_ON_THE_OLD_GROUP = [
    ("moderation", "review_stories"),
    ("comment_moderation", "moderate_comments"),
]


def make_permissions(apps, schema_editor):
    # Django makes permissions after all migrations; these are needed now.
    # (wagtailadmin's access_admin is made by its own first migration.)
    for label in ("moderation", "comment_moderation", "wagtailimages"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forward(apps, schema_editor):
    make_permissions(apps, schema_editor)
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    StoryIndexPage = apps.get_model("stories", "StoryIndexPage")
    StoryReviewTask = apps.get_model("moderation", "StoryReviewTask")

    group, _ = Group.objects.get_or_create(name=NEW_GROUP)
    group.permissions.add(*(permission(apps, *p) for p in GROUP_PERMISSIONS))
    indexes = list(StoryIndexPage.objects.all())
    for index in indexes:
        for permission_type in STORY_INDEX_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=index.pk,
                permission=permission(apps, "wagtailcore", f"{permission_type}_page"),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for codename in IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, "wagtailimages", codename),
            )

    old = Group.objects.filter(name=OLD_GROUP).first()
    if old is None:
        return
    for user in old.user_set.all():
        user.groups.add(group)
    old.user_set.clear()
    for task in StoryReviewTask.objects.filter(groups=old):
        task.groups.add(group)
        task.groups.remove(old)
    old.permissions.remove(*(permission(apps, *p) for p in OURS_ON_THE_OLD_GROUP))
    # set_up_site put add/change/publish/lock/unlock on the story index for it.
    GroupPagePermission.objects.filter(
        group=old, page_id__in=[index.pk for index in indexes]
    ).delete()


def backward(apps, schema_editor):
    """Back to the shared group: members and the review return to it (its index
    rights are not put back; ``set_up_site`` of that version would)."""
    Group = apps.get_model("auth", "Group")
    StoryReviewTask = apps.get_model("moderation", "StoryReviewTask")
    group = Group.objects.filter(name=NEW_GROUP).first()
    if group is None:
        return
    old, _ = Group.objects.get_or_create(name=OLD_GROUP)
    for user in group.user_set.all():
        user.groups.add(old)
    for task in StoryReviewTask.objects.filter(groups=group):
        task.groups.add(old)
    old.permissions.add(*(permission(apps, *p) for p in OURS_ON_THE_OLD_GROUP))
    group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("comment_moderation", "0002_moderators_can_moderate_comments"),
        ("stories", "0004_submission_erased_at"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        # After Wagtail gives every admin group the document chooser (0011).
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
