"""What Akismet is told about a comment."""


def spam_arguments(comment, *, user_agent="", referrer=""):
    """What Akismet is told about a comment (``user_ip`` and the Akismet arguments)."""
    target = comment.content_object
    return {
        "user_ip": comment.ip_address or "",
        "comment_type": "reply"
        if comment.parent_id and comment.parent_id != comment.pk
        else "comment",
        "comment_content": comment.comment,
        "comment_author": comment.user_name,
        "comment_author_email": comment.user_email,
        "user_agent": user_agent,
        "referrer": referrer,
        "permalink": target.full_url if target is not None else "",
        "user_role": "administrator" if comment.user and comment.user.is_staff else "",
    }
