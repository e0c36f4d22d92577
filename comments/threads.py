"""Threads of comments: where a reply goes, and comments nested for display."""

from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type


def fit_reply(parent_id, content_type, object_pk):
    """The id of the comment a reply to ``parent_id`` will hang under.

    The parent itself while it is above the deepest level; for a comment at the
    deepest level, its nearest ancestor above it, so that the reply joins the
    conversation at the deepest level instead of going past it (which
    comments-xtd answers with an exception, after saving the row). 0, a new
    thread, when the parent is gone or replies are off.
    """
    max_level = max_thread_level_for_content_type(content_type)
    parent = (
        XtdComment.norel_objects.filter(
            pk=parent_id, content_type=content_type, object_pk=str(object_pk)
        )
        .only("pk", "parent_id", "level")
        .first()
    )
    if parent is None or max_level == 0:
        return 0
    while parent.level >= max_level and parent.parent_id != parent.pk:
        parent = XtdComment.norel_objects.only("pk", "parent_id", "level").get(pk=parent.parent_id)
    return parent.pk if parent.level < max_level else 0


def nest(comments):
    """Comments ordered thread by thread (``thread_id``, ``order``) as a tree:
    ``[{"comment": comment, "hidden": False, "children": [...]}, ...]``.

    A comment that is not shown (held, reported, removed) stands in the tree as
    a placeholder, ``{"comment": None, "hidden": True, "pk": ..., ...}``, when a
    reply under it is shown, and is left out otherwise: its replies are not
    hidden with it. A reply whose parent is not among ``comments`` is left out.
    """
    nodes = {}
    roots = []
    for comment in comments:
        shown = comment.is_public and not comment.is_removed
        node = {
            "comment": comment if shown else None,
            "pk": comment.pk,
            "hidden": not shown,
            "children": [],
        }
        nodes[comment.pk] = node
        if not comment.parent_id or comment.parent_id == comment.pk:
            roots.append(node)
        elif comment.parent_id in nodes:
            nodes[comment.parent_id]["children"].append(node)
    return _prune(roots)


def _prune(nodes):
    kept = []
    for node in nodes:
        node["children"] = _prune(node["children"])
        if not node["hidden"] or node["children"]:
            kept.append(node)
    return kept
