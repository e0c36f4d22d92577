"""Comments no longer keep their authors' IP addresses: forget those stored before."""

from django.db import migrations


def forget_ip_addresses(apps, schema_editor):
    comment = apps.get_model("django_comments", "Comment")
    comment.objects.exclude(ip_address=None).update(ip_address=None)


class Migration(migrations.Migration):
    dependencies = [
        ("comment_moderation", "0006_decision_override_reason_and_redaction"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
    ]

    operations = [migrations.RunPython(forget_ip_addresses, migrations.RunPython.noop)]
