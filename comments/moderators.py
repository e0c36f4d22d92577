"""The comments-xtd moderator for stories: registered in ``AppConfig.ready()``."""

from django_comments_xtd.moderation import XtdCommentModerator

from .services import review_new_comment


class StoryCommentModerator(XtdCommentModerator):
    """Comments only on published stories; every comment screened and spam-checked.

    ``moderate()`` runs when a comment is posted, before comments-xtd asks its
    author to confirm it: a held comment is saved non-public.
    """

    enable_field = "live"
    email_notification = False
    removal_suggestion_notification = False

    def moderate(self, comment, content_object, request):
        review = review_new_comment(comment, request)
        return review.is_pending or super().moderate(comment, content_object, request)
