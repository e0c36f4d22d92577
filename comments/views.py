import logging
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django.views.defaults import bad_request
from django_comments.views.comments import CommentPostBadRequest
from django_comments.views.comments import post_comment as comments_post_comment
from django_comments_xtd import get_form, signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.signals import confirmation_received
from wagtail.models import Page

from sharing.rate_limits import form_usage

from . import services
from .forms import EditCommentForm
from .models import CommentReview, ReportReason, ReviewState
from .threads import fit_reply, thread_page_number

logger = logging.getLogger(__name__)

POST_RATE_GROUP = "comments.post"
REPORT_RATE_GROUP = "comments.report"
UNSUBSCRIBE_SALT = "comment_moderation.unsubscribe"
CONFIRMED_COOKIE = "comment_confirmed"
CONFIRMED_SALT = "comment_moderation.confirmed"
CONFIRMED_MAX_AGE = 60 * 60 * 24 * 365
CRISIS_HELP_SALT = "comment_moderation.crisis_help"
CRISIS_HELP_MAX_AGE = 60 * 60 * 24
POSTED_SESSION_KEY = "comment_moderation.posted"
POSTED_KEEP = 20
MAX_ID = 2**63 - 1  # a larger id in a URL overflows the database's integer: not found


def not_found(request):
    raise Http404


def _usage(request, group, rate, increment):
    """The client's use of a comment form's rate limit (``sharing.rate_limits``)."""
    return form_usage(request, group=group, rate=rate, what="comments", increment=increment)


def _target(data):
    """The object a posted comment is for, or None if the post does not name one."""
    try:
        model = apps.get_model(*data.get("content_type", "").split(".", 1))
        return model._default_manager.get(pk=data.get("object_pk"))
    except (
        LookupError,
        TypeError,
        ValueError,
        AttributeError,
        ObjectDoesNotExist,
        ValidationError,
    ):
        return None


@csrf_protect
@require_POST
def post_comment(request):
    """comments-xtd's post view, rate-limited per client and with clear pages for bad posts."""
    usage = _usage(request, POST_RATE_GROUP, settings.COMMENT_RATE, increment=True)
    if usage and usage["should_limit"]:
        target = _target(request.POST)
        # Unbound, with what they typed: the wait is the only thing to fix.
        typed = {
            field: request.POST.get(field, "")
            for field in ("name", "email", "url", "comment", "reply_to", "followup")
        }
        form = get_form()(target, initial=typed) if target is not None else None
        return render(
            request,
            "comments/preview.html",
            {
                "form": form,
                "target": target,
                "rate_limited": True,
                "comment": request.POST.get("comment", ""),
            },
            status=429,
        )
    if services.is_staff_member(request.user):
        # Staff sign with their first name (and their role, shown beside it), never
        # their full name, which django-comments would fill in.
        request.POST = request.POST.copy()
        request.POST["name"] = services.staff_name(request.user)
    target = _target(request.POST)
    if isinstance(target, Page) and target.live and "preview" not in request.POST:
        data = request.POST.copy()
        if request.user.is_authenticated:  # as django-comments' own post view fills them
            data["name"] = (
                data.get("name") or request.user.get_full_name() or request.user.get_username()
            )
            data["email"] = data.get("email") or request.user.email
        form = get_form()(target, data=data)
        if not form.security_errors() and not form.is_valid():
            # The errors on the story page itself, at the form, with the text kept.
            request.comment_form = form
            response = target.specific.serve(request)
            response.status_code = 400
            return response
    response = comments_post_comment(request)
    review = getattr(request, "comment_review", None)
    if isinstance(response, HttpResponseRedirect) and review is not None and review.has_crisis:
        # Help at once, on the very next page, whether or not the comment needs confirming.
        token = signing.dumps(review.pk, salt=CRISIS_HELP_SALT)
        response["Location"] = _with_query(response["Location"], help=token)
    if isinstance(response, CommentPostBadRequest):
        return render(
            request,
            "comment_moderation/post_failed.html",
            {"target": _target(request.POST), "comment": request.POST.get("comment", "")},
            status=400,
        )
    return response


def _with_query(url, **params):
    scheme, netloc, path, query, fragment = urlsplit(url)
    query = "&".join(part for part in (query, urlencode(params)) if part)
    return urlunsplit((scheme, netloc, path, query, fragment))


def _crisis_help_wanted(token):
    """Whether ``token`` (from ``post_comment``) is for a comment with crisis language."""
    try:
        review_pk = signing.loads(token, salt=CRISIS_HELP_SALT, max_age=CRISIS_HELP_MAX_AGE)
    except signing.BadSignature:
        return False
    review = CommentReview.objects.filter(pk=review_pk).only("findings").first()
    return review is not None and review.has_crisis


def remember_posted(request, comment):
    """Note in the poster's session that it posted ``comment`` (the last few only),
    so that the page after posting shows its state to the poster and nobody else."""
    session = getattr(request, "session", None)
    if session is None:
        return
    posted = [pk for pk in session.get(POSTED_SESSION_KEY, []) if pk != comment.pk]
    session[POSTED_SESSION_KEY] = [*posted, comment.pk][-POSTED_KEEP:]


def posted_here(request, comment_pk):
    return comment_pk in request.session.get(POSTED_SESSION_KEY, [])


def posted_by_this_browser(request):
    """The ids of the comments this browser posted (its session's: the session
    cookie is HttpOnly), without making or touching a session for a reader who
    has none (their page stays the one every anonymous reader is served)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return set()
    return set(request.session.get(POSTED_SESSION_KEY, []))


def _own_comment(request, comment_id):
    """The comment ``comment_id`` and its review, if this browser posted it and may
    still change it; else (the comment, None, a page that says why not)."""
    if comment_id > MAX_ID:
        raise Http404
    comment = get_object_or_404(XtdComment.norel_objects, pk=comment_id, is_removed=False)
    review = CommentReview.objects.filter(comment=comment).first()
    if review is None or review.state == ReviewState.DELETED:
        raise Http404
    minutes = settings.COMMENT_EDIT_MINUTES
    context = {"comment": comment, "target": comment.content_object, "minutes": minutes}
    if comment.pk not in posted_by_this_browser(request):
        context["refusal"] = "not_author"
    elif not services.author_may_change(review):
        context["refusal"] = "too_late"
    if "refusal" in context:
        return (
            comment,
            None,
            render(request, "comment_moderation/own_comment.html", context, status=403),
        )
    return comment, review, None


def _story_url(request, comment, anchor):
    target = comment.content_object
    url = target.get_url(request) if target is not None else None
    return f"{url}{anchor}" if url else "/"


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def edit_own(request, comment_id):
    """The author edits their comment, from the browser they posted it from, in the
    ``COMMENT_EDIT_MINUTES`` after posting; it is screened again as a new one is."""
    comment, review, refusal = _own_comment(request, comment_id)
    if refusal is not None:
        return refusal
    until = services.editable_until(review)
    if request.method == "POST":
        form = EditCommentForm(request.POST)
        if form.is_valid():
            review = services.edit_own_comment(comment, form.cleaned_data["comment"], request)
            if review.state in (ReviewState.PUBLISHED, ReviewState.APPROVED, ReviewState.FLAGGED):
                messages.success(request, _("Your comment is changed."))
                return redirect(_story_url(request, comment, f"#c{comment.pk}"))
            messages.info(
                request,
                _(
                    "Your comment is changed. A moderator reads it before it is shown: "
                    "it may contain details that could identify someone."
                ),
            )
            return redirect(_story_url(request, comment, "#comments"))
        status = 400
    else:
        form = EditCommentForm(initial={"comment": comment.comment})
        status = 200
    context = {"comment": comment, "target": comment.content_object, "form": form, "until": until}
    return render(
        request, "comment_moderation/own_comment.html", {**context, "editing": True}, status=status
    )


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def delete_own(request, comment_id):
    """The author deletes their comment (asked first): it disappears, and its words,
    their name and address are erased."""
    comment, review, refusal = _own_comment(request, comment_id)
    if refusal is not None:
        return refusal
    if request.method == "POST":
        url = _story_url(request, comment, "#comments")
        services.delete_own_comment(comment)
        messages.success(request, _("Your comment is deleted."))
        return redirect(url)
    context = {
        "comment": comment,
        "target": comment.content_object,
        "until": services.editable_until(review),
        "deleting": True,
    }
    return render(request, "comment_moderation/own_comment.html", context)


@never_cache
def sent(request):
    """comments-xtd's page after posting, for the poster only, with crisis resources
    on the "please confirm your comment" page for an author whose comment the screen
    found in crisis (the held page shows them from the comment's review).

    A saved comment's page (``?c=<id>``) says whether it is held, for crisis language
    too, and on which story: it is shown to the session that posted it; anyone else
    gets a plain thank-you that says nothing about any comment.
    """
    value = request.GET.get("c", "")
    if value.isdigit():
        if not posted_here(request, int(value)):
            return render(request, "comment_moderation/comment_sent.html")
        return xtd_views.sent(request)
    if not _crisis_help_wanted(request.GET.get("help", "")):
        return xtd_views.sent(request)
    try:
        content_type, object_pk = signing.loads(value).split(":", 1)
    except (signing.BadSignature, ValueError):
        return xtd_views.sent(request)
    target = _target({"content_type": content_type, "object_pk": object_pk})
    if target is None:
        return xtd_views.sent(request)
    return render(
        request, "django_comments_xtd/posted.html", {"target": target, "crisis_help": True}
    )


def reply(request, cid):
    """The reply form for one comment. A comment at the deepest level is answered
    in its conversation, one level up, and the page says so."""
    if cid > MAX_ID:
        raise Http404
    comment = get_object_or_404(XtdComment, pk=cid, is_public=True, is_removed=False)
    target = comment.content_object
    if target is None or not getattr(target, "live", False):
        raise Http404("Comments are closed on this page.")
    parent_id = fit_reply(comment.pk, comment.content_type, comment.object_pk)
    parent = comment if parent_id == comment.pk else XtdComment.objects.filter(pk=parent_id).first()
    form = get_form()(target, comment=parent) if parent else get_form()(target)
    return render(
        request,
        "django_comments_xtd/reply.html",
        {
            "comment": comment,
            "parent": parent,
            "reply_moved": parent_id != comment.pk,
            "form": form,
            "target": target,
            "next": reverse("comments-xtd-sent"),
        },
    )


def comment_redirect(request, content_type_id, object_pk):
    """Where a comment's permalink leads: the page it is on (Wagtail pages have no
    ``get_absolute_url``, which the stock redirect needs) and, for the comment named
    by ``?c=``, the page of comments holding its thread, at the comment."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not issubclass(model, Page):
        raise Http404
    if not str(object_pk).isdigit():
        raise Http404
    page = get_object_or_404(model, pk=object_pk)
    url = page.get_url(request)
    if not url or not page.live:
        raise Http404
    comment_id = request.GET.get("c", "")
    comment = None
    if comment_id.isascii() and comment_id.isdigit() and len(comment_id) < 19:
        comment = (
            XtdComment.norel_objects.filter(
                pk=comment_id, content_type=content_type, object_pk=str(page.pk)
            )
            .only("pk", "thread_id", "content_type_id", "object_pk")
            .first()
        )
    number = thread_page_number(comment) if comment is not None else None
    if number is None:
        return HttpResponseRedirect(url)
    query = f"?comments={number}" if number > 1 else ""
    return HttpResponseRedirect(f"{url}{query}#c{comment.pk}")


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, comment_id):
    """A reader reports a published comment: it joins the moderators' queue, a danger
    report alerts them at once, and enough reports hide it until one has looked."""
    if comment_id > MAX_ID:
        raise Http404
    comment = get_object_or_404(XtdComment, pk=comment_id, is_public=True, is_removed=False)
    target = comment.content_object
    if request.method == "POST":
        usage = _usage(request, REPORT_RATE_GROUP, settings.COMMENT_REPORT_RATE, increment=True)
        if usage and usage["should_limit"]:
            return render(
                request,
                "comment_moderation/report.html",
                {"comment": comment, "target": target, "rate_limited": True},
                status=429,
            )
        reason = request.POST.get("reason", "")
        if reason not in ReportReason.values:
            reason = ""
        services.report_comment(comment, reporter=services.reporter_key(request), reason=reason)
        if reason == ReportReason.UNSAFE:
            message = _(
                "Thank you for telling us. We have told our moderators at once. If someone "
                "is in immediate danger, call 911 or your local emergency number now."
            )
        else:
            message = _("Thank you for telling us. A moderator will look at this comment.")
        messages.success(request, message)
        url = target.get_url(request) if target is not None else "/"
        return redirect(f"{url}#comments")
    return render(
        request,
        "comment_moderation/report.html",
        {"comment": comment, "target": target, "reasons": ReportReason.choices},
    )


def unsubscribe_token(email):
    return signing.dumps(email.lower(), salt=UNSUBSCRIBE_SALT)


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stop every follow-up email to an address (the per-story link is comments-xtd's mute)."""
    try:
        email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "comment_moderation/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        XtdComment.norel_objects.filter(user_email__iexact=email, followup=True).update(
            followup=False
        )
        done = True
    return render(request, "comment_moderation/unsubscribe.html", {"done": done})


def _followed(key):
    """The follower's comment a comments-xtd mute key stands for, and its page.

    None for a key that is not valid; Http404 for a follower who does not exist
    or no longer follows (as comments-xtd's own mute view answers).
    """
    try:
        tmp_comment = signed.loads(str(key), extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except (ValueError, signed.BadSignature):
        return None
    if not tmp_comment.followup or xtd_views._get_comment_if_exists(tmp_comment) is None:
        raise Http404
    model = tmp_comment.content_type.model_class()
    target = model._default_manager.filter(pk=tmp_comment.object_pk).first() if model else None
    if target is None:
        raise Http404
    return target


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def mute(request, key):
    """The follow-up mail's "stop emails about this story" link. Opening it only
    asks; the button (a POST) mutes, so that a mail scanner following the link
    does not."""
    target = _followed(key)
    if target is None:
        return render(request, "comment_moderation/mute.html", {"invalid": True}, status=400)
    if request.method == "POST":
        return xtd_views.mute(request, key)
    return render(request, "comment_moderation/mute.html", {"content_object": target})


def confirmed_email_key(email):
    """What the confirmation cookie holds for an address: a keyed hash of it (with
    the SECRET_KEY), never the address, which a signed cookie would show in clear."""
    return salted_hmac(CONFIRMED_SALT, email.strip().lower()).hexdigest()


def has_confirmed(request, email):
    """Whether this browser has confirmed a comment from ``email``."""
    try:
        value = request.get_signed_cookie(
            CONFIRMED_COOKIE, salt=CONFIRMED_SALT, max_age=CONFIRMED_MAX_AGE
        )
    except (KeyError, signing.BadSignature):
        return False
    return bool(email) and constant_time_compare(value, confirmed_email_key(email))


def _confirm(request, key):
    """comments-xtd's ``confirm`` view, except that the followers of the story are
    told from a background task (``services.notify_followers``), not in the request,
    and the session is noted as the comment's poster."""
    try:
        tmp_comment = signed.loads(str(key), extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except (ValueError, signed.BadSignature) as error:
        return bad_request(request, error)
    comment = xtd_views._get_comment_if_exists(tmp_comment)
    if comment is not None:  # confirmed already: as if just now (comments-xtd's #80)
        return redirect(comment)
    responses = confirmation_received.send(
        sender=TmpXtdComment, comment=tmp_comment, request=request
    )
    if any(response is False for _receiver, response in responses):
        return render(request, "django_comments_xtd/discarded.html", {"comment": tmp_comment})
    comment = xtd_views._create_comment(tmp_comment)
    remember_posted(request, comment)
    if not comment.is_public:
        return render(request, xtd_views.get_moderated_tmpl(comment), {"comment": comment})
    services.notify_followers(comment)
    return redirect(comment)


def confirm(request, key):
    """comments-xtd's confirmation link; the browser then remembers the address (as
    a keyed hash), so that only a reader's first comment from it needs confirming
    by email."""
    response = _confirm(request, key)
    if response.status_code in (200, 302):
        try:
            email = signed.loads(key, extra_key=xtd_settings.COMMENTS_XTD_SALT).user_email
        except (ValueError, signed.BadSignature):
            return response
        response.set_signed_cookie(
            CONFIRMED_COOKIE,
            confirmed_email_key(email),
            salt=CONFIRMED_SALT,
            max_age=CONFIRMED_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
