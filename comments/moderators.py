"""The comments-xtd moderator for pages: each page type that takes comments is
registered from its app's ``AppConfig.ready()``."""

from django_comments_xtd.moderation import XtdCommentModerator, moderator

from .services import review_new_comment


class PageCommentModerator(XtdCommentModerator):
    """Comments only on live pages; every comment screened and spam-checked.

    ``moderate()`` runs when a comment is posted, before comments-xtd asks its
    author to confirm it: a held comment is saved non-public. The review is left
    on the request, for the page the author is shown next (``views.post_comment``).
    """

    enable_field = "live"
    email_notification = False
    removal_suggestion_notification = False

    def moderate(self, comment, content_object, request):
        review = review_new_comment(comment, request)
        request.comment_review = review
        # The address served the spam check; it is kept nowhere (stories keep only
        # a keyed hash of theirs), neither in the row nor in the confirmation link.
        comment.ip_address = None
        return review.is_pending or super().moderate(comment, content_object, request)


def register(model):
    """Take comments on ``model`` (a live page type), screened and moderated."""
    if model not in moderator._registry:
        moderator.register(model, PageCommentModerator)
