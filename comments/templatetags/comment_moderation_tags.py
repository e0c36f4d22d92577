import re

import nh3
from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django_comments_xtd import get_form, signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site

from sharing import mail
from sharing.page_cache import is_cached

from ..services import author_may_change
from ..threads import ORDERS, nest, paginate_threads, render_comment_list
from ..views import posted_by_this_browser, unsubscribe_token

register = template.Library()

# The site's crisis resources, the setting story authors are shown, named rather
# than imported (comments sit below stories); without it, the generic text.
CRISIS_RESOURCES_SETTING = ("stories", "crisisresources")
_PARAGRAPHS = re.compile(r"\n\s*\n")


@register.filter
def comment_text(text):
    """A comment as HTML: escaped, paragraphs kept, links clickable and marked as
    user content (``rel="nofollow ugc noopener"``), then cleaned by nh3."""
    paragraphs = _PARAGRAPHS.split((text or "").strip().replace("\r\n", "\n"))
    html = "".join(
        "<p>" + urlize(paragraph, trim_url_limit=60, autoescape=True).replace("\n", "<br>") + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )
    return mark_safe(  # noqa: S308 - cleaned by nh3 just here
        nh3.clean(
            html,
            tags={"p", "br", "a"},
            attributes={"a": {"href"}},
            url_schemes={"http", "https"},
            link_rel="nofollow ugc noopener",
        )
    )


@register.simple_tag
def absolute_url(path):
    """``path`` on the public site (``SITE_URL``), for links in mail."""
    return mail.absolute_url(path)


@register.inclusion_tag("comment_moderation/includes/thread.html", takes_context=True)
def story_comment_thread(context, page):
    """One page of a story's threads, whole (the replies to a hidden comment under a
    placeholder), and the form to add one: two queries for the comments, however
    many there are.

    ``?comments=`` takes the order (``oldest``, ``newest``) and the page number,
    one value each: ``?comments=newest&comments=2``. Anything else is ignored."""
    request = context["request"]
    values = request.GET.getlist("comments")
    order = next((value for value in values if value in ORDERS), "oldest")
    number = next((value for value in values if value.isdigit()), 1)
    content_type = ContentType.objects.get_for_model(page)
    threads, count = paginate_threads(content_type, page.pk, order, number)
    # Every comment of the page's threads, so that the replies to a hidden one are
    # shown under a placeholder (``nest`` keeps nothing else of a hidden comment).
    comments = (
        XtdComment.norel_objects.filter(
            content_type=content_type,
            object_pk=str(page.pk),
            thread_id__in=list(threads.object_list),
        )
        .only(
            "pk",
            "parent_id",
            "thread_id",
            "level",
            "order",
            "user_name",
            "comment",
            "submit_date",
            "content_type_id",
            "is_public",
            "is_removed",
            "review__by_staff",
            "review__staff_role",
            "review__state",
            "review__saved_at",
        )
        .select_related("review")
        .order_by(*ORDERS[order])
    )
    tree = nest(comments)
    # The comments this browser posted that it may still edit or delete: only for a
    # reader with a session, whose page is never the cached one.
    editable = own_changeable(request, comments)
    max_level = max_thread_level_for_content_type(content_type)
    return {
        "page": page,
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "tree": tree,
        "comment_list": render_comment_list(
            comments, tree, order=order, max_level=max_level, editable=editable
        )
        if tree
        else "",
        "count": count,
        "order": order,
        "threads": threads,
        "previous_page": _page_query(threads, order, -1),
        "next_page": _page_query(threads, order, 1),
        # A post with errors comes back here bound, with what was typed (``views.post_comment``).
        "form": getattr(request, "comment_form", None) or get_form()(page),
        "next": reverse("comments-xtd-sent"),
    }


def own_changeable(request, comments):
    """The ids of ``comments`` this browser posted and may still edit or delete."""
    posted = posted_by_this_browser(request)
    if not posted or is_cached(request):
        return set()
    now = timezone.now()
    return {
        comment.pk
        for comment in comments
        if comment.pk in posted
        and comment.is_public
        and not comment.is_removed
        and author_may_change(getattr(comment, "review", None), now)
    }


def _page_query(threads, order, step):
    """The query string of the page ``step`` pages on from ``threads``, or ""."""
    number = threads.number + step
    if not 1 <= number <= threads.paginator.num_pages:
        return ""
    prefix = "" if order == "oldest" else f"comments={order}&"
    return f"?{prefix}comments={number}"


@register.inclusion_tag("comment_moderation/includes/form.html", takes_context=True)
def comment_form(context, form, next_url, submit_label=""):
    """The comment form. On a page made for the page cache (``sharing.page_cache``)
    its CSRF token is left empty, for ``js/csrf.js`` to fill before it is sent."""
    request = context.get("request")
    return {
        "form": form,
        "next": next_url,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "page_cache": request is not None and is_cached(request),
        "submit_label": submit_label,
    }


@register.simple_tag
def site_name():
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag
def unsubscribe_url(mute_url):
    """The "stop all follow-up emails" link for the follower a comments-xtd mute link is for."""
    try:
        key = resolve(mute_url).kwargs["key"]
        email = signed.loads(key, extra_key=xtd_settings.COMMENTS_XTD_SALT).user_email
    except (Resolver404, KeyError, ValueError, signed.BadSignature):
        return ""
    return absolute_url(reverse("comment_unsubscribe", args=[unsubscribe_token(email)]))


@register.inclusion_tag("comment_moderation/includes/crisis_resources.html", takes_context=True)
def crisis_resources(context):
    """Where to get help now: the site's crisis resources setting, as a story's
    author is shown them, or a generic text naming the same numbers."""
    request = context.get("request")
    model = settings_registry.get_by_natural_key(*CRISIS_RESOURCES_SETTING)
    resources = None
    if model is not None and request is not None and Site.find_for_request(request):
        resources = model.for_request(request)
    return {"resources": resources}
