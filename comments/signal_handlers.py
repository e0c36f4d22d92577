"""Receivers, connected in ``CommentModerationConfig.ready()``."""

from django.db.models.signals import post_save
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged, comment_was_posted
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.signals import confirmation_received

from . import services
from .threads import fit_reply
from .views import has_confirmed, remember_posted


def attach_review_on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.attach_review(instance)


def hide_flagged_comment(sender, comment, flag, created, request, **kwargs):
    """comments-xtd's own flagging (signed-in readers) counts towards the threshold."""
    if created and flag.flag == CommentFlag.SUGGEST_REMOVAL:
        services.hide_if_reported(comment)


def fit_confirmed_reply(sender, comment, request, **kwargs):
    """Check a reply again when its author confirms it, before comments-xtd saves it:
    its parent may have been answered down to the deepest level, or removed, since."""
    if comment.xtd_comment is not None or not comment.parent_id:
        return None
    comment.parent_id = fit_reply(comment.parent_id, comment.content_type, comment.object_pk)
    return None


def post_or_ask_for_confirmation(sender, comment, request, **kwargs):
    """comments-xtd's own receiver (``on_comment_was_posted``), with its mail sent
    from background tasks rather than in the request: a reader who must confirm the
    comment is asked by a queued mail, and the followers of a comment saved at once
    are told by another. A reader whose browser has already confirmed this email
    address is not asked again (see ``views.confirm``)."""
    email = (comment.user_email or "").lower()
    signed_in = comment.user is not None and comment.user.is_authenticated
    trusted = signed_in or not xtd_settings.COMMENTS_XTD_CONFIRM_EMAIL
    if not trusted and not has_confirmed(request, email):
        if not services.ask_for_confirmation(comment, request):
            return xtd_views.on_comment_was_posted(sender, comment, request, **kwargs)
        return None
    # What comments-xtd does for a signed-in reader.
    if xtd_views._get_comment_if_exists(comment) is None:
        new_comment = xtd_views._create_comment(comment)
        comment.xtd_comment = new_comment
        remember_posted(request, new_comment)
        confirmation_received.send(sender=TmpXtdComment, comment=comment, request=request)
        if comment.is_public:
            services.notify_followers(new_comment)
    return None


def connect():
    comment_was_posted.disconnect(xtd_views.on_comment_was_posted, sender=TmpXtdComment)
    comment_was_posted.connect(
        post_or_ask_for_confirmation,
        sender=TmpXtdComment,
        dispatch_uid="comment_moderation.post_or_ask_for_confirmation",
    )
    post_save.connect(
        attach_review_on_create,
        sender=XtdComment,
        dispatch_uid="comment_moderation.attach_review_on_create",
    )
    comment_was_flagged.connect(
        hide_flagged_comment,
        sender=XtdComment,
        dispatch_uid="comment_moderation.hide_flagged_comment",
    )
    confirmation_received.connect(
        fit_confirmed_reply,
        sender=TmpXtdComment,
        dispatch_uid="comment_moderation.fit_confirmed_reply",
    )
