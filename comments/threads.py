"""Threads of comments: where a reply goes, which page of threads holds a comment,
comments nested for display, and a page of threads rendered (and kept)."""

import functools
import hashlib
import os
import zlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.defaultfilters import date as date_filter
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
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


# The template of a page of threads, and the one it includes for each comment.
COMMENT_LIST_TEMPLATE = "comment_moderation/includes/comment_list.html"
COMMENT_TEMPLATE = "comment_moderation/includes/comment.html"
COMMENT_LIST_KEY_PREFIX = "comments:list:"


def render_comment_list(comments, tree, *, order, max_level, editable):
    """The HTML of a page of threads (``tree``, nested from ``comments`` by ``nest``),
    from the cache when the same page was made before.

    The key is a digest of everything the HTML is made from: each comment's fields
    that are shown or decide what is shown (text, name, date, place in the thread,
    published or removed, the staff badge), in the order they were read; the order,
    the deepest level replies may reach, the comments this browser may still change,
    the language, time zone and date format, and the templates and translations
    (``_code_version``). Any change to a comment, however it is made (a moderator's
    decision, an edit, a withdrawal, an erasure, an ``update()``), makes another key:
    nothing has to be purged, and a stale page of threads cannot be served. Keys no
    longer asked for expire after ``COMMENT_LIST_CACHE_SECONDS`` (0: no cache).

    The HTML is kept compressed (zlib, level 1): a page of 25 threads is about 50 KB
    of markup, much of it repeated, and 6-8 KB compressed, so the cache holds about
    seven times as many pages in the same memory for well under a millisecond."""
    seconds = settings.COMMENT_LIST_CACHE_SECONDS
    if not seconds:
        return _render(tree, max_level=max_level, editable=editable)
    key = comment_list_key(comments, order=order, max_level=max_level, editable=editable)
    kept = cache.get(key)
    if isinstance(kept, bytes):
        # Only _render's output, escaped as it was rendered, is kept under this prefix.
        return mark_safe(zlib.decompress(kept).decode())  # noqa: S308
    html = _render(tree, max_level=max_level, editable=editable)
    cache.set(key, zlib.compress(html.encode(), 1), seconds)
    return html


# The links of a shown comment, by the name of their URL.
_LINKS = {
    "reply_url": "comments-xtd-reply",
    "edit_url": "comment_edit_own",
    "delete_url": "comment_delete_own",
    "report_url": "comment_report",
}
_SOME_ID = 1234567890


def _render(tree, *, max_level, editable):
    """``tree`` as HTML. What the template would otherwise work out per comment with
    a tag or filter (four ``{% url %}``, two ``date``, the review's staff badge) is
    added to each node here, once a comment and with each link reversed once a page."""
    links = {}
    for key, name in _LINKS.items():
        before, after = reverse(name, args=[_SOME_ID]).rsplit(str(_SOME_ID), 1)
        links[key] = (before, after)
    nodes = list(tree)
    while nodes:
        node = nodes.pop()
        nodes.extend(node["children"])
        comment = node["comment"]
        if comment is None:
            continue
        pk = str(comment.pk)
        own = comment.pk in editable
        shown = {
            "reply_url": comment.level < max_level,
            "edit_url": own,
            "delete_url": own,
            "report_url": True,
        }
        values = {
            key: f"{before}{pk}{after}" if shown[key] else ""
            for key, (before, after) in links.items()
        }
        shown_at = template_localtime(comment.submit_date)
        review = getattr(comment, "review", None)
        node.update(
            values,
            datetime=date_filter(shown_at, "c"),
            date=date_filter(shown_at, "DATETIME_FORMAT"),
            by_staff=bool(review and review.by_staff),
            staff_role=review.staff_role if review else "",
        )
    return render_to_string(COMMENT_LIST_TEMPLATE, {"tree": tree})


def comment_list_key(comments, *, order, max_level, editable):
    """The cache key of a page of threads made from ``comments`` (see ``render_comment_list``)."""
    language = translation.get_language()
    rows = [
        (
            language,
            timezone.get_current_timezone_name(),
            formats.get_format("DATETIME_FORMAT"),
            order,
            max_level,
            sorted(editable),
            _code_version(),
        )
    ]
    for comment in comments:
        review = getattr(comment, "review", None)
        rows.append(
            (
                comment.pk,
                comment.parent_id,
                comment.thread_id,
                comment.level,
                comment.order,
                comment.is_public,
                comment.is_removed,
                comment.user_name,
                comment.comment,
                comment.submit_date.isoformat() if comment.submit_date else None,
                review.by_staff if review else None,
                review.staff_role if review else None,
            )
        )
    digest = hashlib.blake2b(repr(rows).encode(), digest_size=20).hexdigest()
    return f"{COMMENT_LIST_KEY_PREFIX}{digest}"


def _code_version():
    """The templates as loaded and the project's compiled translations as they are on
    disk (size and time): a release, or a template or catalogue changed under a
    running development server, makes other keys."""
    templates = tuple(
        get_template(name).template for name in (COMMENT_LIST_TEMPLATE, COMMENT_TEMPLATE)
    )
    return _version(templates, tuple(_stat(path) for path in _catalogues()))


def _stat(path):
    try:
        stat = os.stat(path)
    except OSError:  # being compiled again
        return None
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=8)
def _version(templates, catalogues):
    # The template loader keeps each template once loaded: the same objects, the
    # same sources, until it is reset.
    parts = [template.source for template in templates] + [repr(catalogues)]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()


@functools.cache
def _catalogues():
    """The project's compiled translations (its apps' and ``LOCALE_PATHS``), not its
    packages'."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for folder in settings.LOCALE_PATHS]
    folders += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    ]
    return tuple(
        mo
        for folder in folders
        if folder.is_dir()
        for mo in sorted(folder.glob("*/LC_MESSAGES/*.mo"))
    )
