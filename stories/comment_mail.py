"""What the mail to authors about comments on their story shares with its task:
the unsubscribe link and the comments it counts."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing

from comments.models import public_comments

from .models import StoryPage, Submission

COMMENT_MAIL_INTERVAL = timedelta(days=1)  # at most one mail a day
STOP_SALT = "stories.comment_mail.stop"


def stop_token(submission):
    """What the mail's unsubscribe link carries: the submission, signed."""
    return signing.dumps(submission.pk, salt=STOP_SALT)


def submission_for_stop_token(token):
    """The submission an unsubscribe link names, or None if the link is not ours."""
    try:
        pk = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    return Submission.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def comments_on(story_id, *, since, until):
    """The public comments on a story submitted after ``since`` (None: any) up to ``until``."""
    comments = public_comments().filter(
        content_type=ContentType.objects.get_for_model(StoryPage),
        object_pk=str(story_id),
        submit_date__lte=until,
    )
    return comments.filter(submit_date__gt=since) if since is not None else comments
