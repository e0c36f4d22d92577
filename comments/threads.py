"""Threads of comments: where a reply goes, which page of threads holds a comment,
and comments nested for display."""

from django.conf import settings
from django.core.paginator import Paginator
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

# How each order sorts comments: threads oldest or newest first, each thread in
# its own order (a parent before its replies).
ORDERS = {"oldest": ("thread_id", "order"), "newest": ("-thread_id", "order")}


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


def shown_comments(content_type, object_pk):
    """The comments readers see on an object: published and not removed."""
    return XtdComment.norel_objects.filter(
        content_type=content_type, object_pk=str(object_pk), is_public=True, is_removed=False
    )


def paginate_threads(content_type, object_pk, order, number):
    """Page ``number`` of an object's threads, ``COMMENT_THREADS_PER_PAGE`` a page in
    ``order``, and the number of comments shown on the object: one query.

    A thread counts when a comment in it is shown (a hidden comment with a shown
    reply stands as a placeholder, as ``nest`` keeps it). A page number that is
    not one gives the first page, one past the end the last (``Paginator.get_page``).
    """
    thread_ids = list(
        shown_comments(content_type, object_pk)
        .order_by(ORDERS[order][0])
        .values_list("thread_id", flat=True)
    )
    paginator = Paginator(list(dict.fromkeys(thread_ids)), settings.COMMENT_THREADS_PER_PAGE)
    return paginator.get_page(number), len(thread_ids)


def thread_page_number(comment):
    """The page (oldest first, the default order) holding ``comment``'s thread, or
    None when nothing of its thread is shown."""
    shown = shown_comments(comment.content_type_id, comment.object_pk)
    if not shown.filter(thread_id=comment.thread_id).exists():
        return None
    earlier = shown.filter(thread_id__lt=comment.thread_id).values("thread_id").distinct().count()
    return earlier // settings.COMMENT_THREADS_PER_PAGE + 1


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
