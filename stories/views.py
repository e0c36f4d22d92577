import contextlib
import functools
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import (
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    connection,
    transaction,
)
from django.db.models import Value
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.search.query import Fuzzy

from sharing.client_ip import client_ip
from sharing.rate_limits import form_usage

from .comment_mail import submission_for_stop_token
from .edits import BEFORE_A_DECISION, moderator_edits
from .forms import MessageForm, StoryEditForm, StorySubmissionForm
from .models import AuthorApprovalSettings, StoryPage, Submission, story_cards
from .services import (
    ApprovalRefused,
    EditRefused,
    MessageRefused,
    approve_edits,
    can_take_messages,
    post_message,
    resubmit_story,
    send_back_unchanged,
    set_comment_mail,
    submit_story,
    withdraw_submission,
)

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SUBMISSION_RATE_GROUP = "stories.submit"
MESSAGE_RATE_GROUP = "stories.message"
# What the search looks for: the words of the query. The rest (quotes, brackets,
# "<", "*"...) made SQLite's full-text query syntax fail with a server error.
_WORDS = re.compile(r"\w+")


#: A search ranks the newest this many of the stories it matches, and no more:
#: ranking (and counting) every match of a common word ("nurses", in 94% of
#: 100,000 stories) took seconds; the newest matches are found by walking the
#: stories by date, and stop there.
SEARCH_CANDIDATES = 200
#: The search's order among the stories it matches, newest first (``NEWEST_FIRST``
#: in the names of the search backend's filter fields).
SEARCH_NEWEST_FIRST = ("-date", "-first_published_at", "-id")


#: The forgiving try (trigram similarity on PostgreSQL) compares the query with the
#: stories' texts, walking them by date; a word that matches nothing took 18 s at
#: 100,000 stories (every story compared). It gets this long; then the last try
#: (word beginnings) answers.
SEARCH_FUZZY_TIMEOUT_MS = 1500
#: Before the walk, the trigram indexes (migration 0017) are asked for the entries
#: like the query, up to one more than a search ranks, for this long at most: none
#: (a word like nothing) or a few, and the walk is not needed. Many, and the walk
#: finds the newest of them soon; too long (the word's trigrams are in most
#: texts, and each must be compared), and the walk goes ahead as before.
SEARCH_FUZZY_PROBE_MS = 300


@contextlib.contextmanager
def statement_timeout(milliseconds, **settings):
    """PostgreSQL cancels each statement run inside that takes longer than
    ``milliseconds`` (``OperationalError``); ``settings`` (``{name: value}``, e.g.
    ``pg_trgm.word_similarity_threshold``) hold inside too. In a savepoint of its
    own, so that the settings, local to the transaction, are undone on the way out,
    cancelled or not."""
    names = ["statement_timeout", *settings]
    values = [str(milliseconds), *map(str, settings.values())]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting(name, true), set_config(name, value, true) "
                "FROM unnest(%s::text[], %s::text[]) AS setting(name, value)",
                [names, values],
            )
            before = [row[0] for row in cursor.fetchall()]
        yield
        with connection.cursor() as cursor:
            # A setting of an extension not loaded before has no value to go back to.
            cursor.execute(
                "SELECT set_config(name, value, true) "
                "FROM unnest(%s::text[], %s::text[]) AS setting(name, value) "
                "WHERE value IS NOT NULL",
                [names, before],
            )


def fuzzy_candidates(query):
    """The search entries (of any model: a queryset of their content type and
    object ids) with a word like the query's in their title or text: pg_trgm's word
    similarity at ``pg_trgm.word_similarity_threshold`` (the caller sets it to the
    search backend's), written with the operator the trigram indexes serve (``%>``).
    Wagtail's fuzzy search filters on the same similarity as a function of both
    texts, which no index serves."""
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.db.models import F, Q
    from wagtail.search.models import IndexEntry

    words = Value(query)
    return IndexEntry.objects.filter(
        Q(TrigramWordSimilar(F("title_text"), words)) | Q(TrigramWordSimilar(F("body_text"), words))
    ).values_list("content_type_id", "object_id")


def fuzzy_threshold():
    from wagtail.search.backends import get_search_backend

    return get_search_backend().fuzzy_similarity_threshold


def probe_fuzzy_candidates(query):
    """The ids of the stories like the query, by the trigram indexes, when at most
    ``SEARCH_CANDIDATES`` entries are; more than that many items when more are;
    None if asking took over ``SEARCH_FUZZY_PROBE_MS``."""
    from django.contrib.contenttypes.models import ContentType

    stories = ContentType.objects.get_for_model(StoryPage).pk
    try:
        with statement_timeout(SEARCH_FUZZY_PROBE_MS):
            entries = list(fuzzy_candidates(query)[: SEARCH_CANDIDATES + 1])
    except OperationalError:
        return None
    if len(entries) > SEARCH_CANDIDATES:
        return entries  # too many to use: the length says so
    return [int(object_id) for content_type, object_id in entries if content_type == stories]


def fuzzy_search(query):
    """The forgiving try: Wagtail's fuzzy search, among the stories the trigram
    indexes found when they found all (up to ``SEARCH_CANDIDATES``), else among all
    of them, walking by date (``probe_fuzzy_candidates``, asked once)."""
    probed = []

    def search(found, **order):
        if not probed:
            probed.append(probe_fuzzy_candidates(query))
        candidates = probed[0]
        if candidates is not None and len(candidates) <= SEARCH_CANDIDATES:
            found = found.filter(pk__in=candidates)
        return found.search(Fuzzy(query), **order)

    return search


@dataclass
class SearchHits:
    """The ids of the stories a search found, best first; ``more`` when there are
    more matches than were ranked (the ids are the best of the newest ones)."""

    ids: list
    more: bool = False


def search_stories(query):
    """Live, public stories matching ``query``: the newest ``SEARCH_CANDIDATES``
    of them, best first.

    The words as typed first (stemmed on PostgreSQL: "hearts" finds "heart").
    Only when nothing matches, a second try that forgives: trigram similarity on
    PostgreSQL ("rehabilitaton" finds "rehabilitation"), then (and on a database
    without trigrams, or a PostgreSQL without pg_trgm) the last word as the
    beginning of a word ("rehab"). Each try is one query for the newest matches,
    and one more ranks those it found.
    """
    stories = StoryPage.objects.live().public().only("pk")
    tries = [(False, lambda found, **order: found.search(query, **order))]
    if connection.vendor == "postgresql":
        tries.append((True, fuzzy_search(query)))
    tries.append((False, lambda found, **order: found.autocomplete(query, **order)))
    for may_fail, search in tries:
        try:
            # A savepoint and a time limit for the try that may fail: the request's
            # transaction survives, and the reader waits a moment at most.
            with (
                statement_timeout(
                    SEARCH_FUZZY_TIMEOUT_MS,
                    **{"pg_trgm.word_similarity_threshold": fuzzy_threshold()},
                )
                if may_fail
                else contextlib.nullcontext()
            ):
                newest = search(stories.order_by(*SEARCH_NEWEST_FIRST), order_by_relevance=False)
                ids = [story.pk for story in newest[: SEARCH_CANDIDATES + 1]]
                if ids:
                    best = search(stories.filter(pk__in=ids[:SEARCH_CANDIDATES]))
                    return SearchHits([story.pk for story in best], len(ids) > SEARCH_CANDIDATES)
        except (NotSupportedError, ProgrammingError) as error:
            # Without pg_trgm, Wagtail's similarity functions are refused (it raises
            # NotSupportedError) and the probe's operator does not exist.
            if isinstance(error, ProgrammingError) and "does not exist" not in str(error):
                raise
            logger.warning("Fuzzy story search is off: the database has no pg_trgm")
        except OperationalError:
            logger.warning(
                "Fuzzy story search for %r took over %d ms: cancelled",
                query,
                SEARCH_FUZZY_TIMEOUT_MS,
            )
    return SearchHits([])


def search(request):
    """Search published stories (Wagtail search)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = " ".join(_WORDS.findall(query))
    results = hits = None
    if words:
        hits = search_stories(words)
        paginator = Paginator(hits.ids, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        # The cards of this page only, in the order found.
        cards = story_cards(StoryPage.objects.filter(pk__in=results.object_list)).in_bulk()
        results.object_list = [cards[pk] for pk in results.object_list if pk in cards]
    context = {
        "query": query,
        "results": results,
        "more_results": bool(hits and hits.more),
        "ranked": SEARCH_CANDIDATES,
    }
    if query:
        # Result pages are for readers, not for search engines' indexes.
        context["meta_robots"] = "noindex, follow"
    return render(request, "stories/search.html", context)


def submission_usage(request, increment=False):
    """The client's use of the submission rate limit (``sharing.rate_limits``)."""
    return form_usage(
        request,
        group=SUBMISSION_RATE_GROUP,
        rate=settings.SUBMISSION_RATE,
        what="stories",
        increment=increment,
    )


@require_http_methods(["GET", "POST"])
def share_story(request):
    """The "Share your story" form."""
    if request.method == "POST":
        usage = submission_usage(request)
        if usage and usage["count"] >= usage["limit"]:
            # Refused before any photo is decoded; what they typed stays on the page.
            form = StorySubmissionForm(request.POST)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have shared several stories from this connection in the last hour. "
                    "Please wait an hour and send this one again: nothing you typed is lost."
                ),
            )
            return render(request, "stories/share_story.html", {"form": form}, status=429)
        form = StorySubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            submission = submit_story(
                form.cleaned_data,
                ip_address=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                consent=form.consent,
            )
            submission_usage(request, increment=True)
            return redirect("stories:received", token=submission.status_token)
        status = 400
    else:
        form = StorySubmissionForm()
        status = 200
    return render(
        request,
        "stories/share_story.html",
        {"form": form, "consent_version": form.consent.version},
        status=status,
    )


def private_page(view):
    """For pages reached through a submitter's secret link: never cached, never leaked
    to another site in a Referer header.

    ``same-origin``, not ``no-referrer``: with ``no-referrer`` browsers post the
    page's own forms with ``Origin: null``, which Django's CSRF check refuses.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapper)


def get_submission(token):
    submission = (
        Submission.objects.select_related("story").filter(status_token=token).first()
        if token
        else None
    )
    if submission is None:
        raise Http404("No story with this link.")
    return submission


@private_page
def submission_received(request, token):
    submission = get_submission(token)
    return render(request, "stories/submission_received.html", {"submission": submission})


@private_page
def submission_status(request, token):
    return render_status(request, get_submission(token))


def render_status(request, submission, message_form=None, status=200):
    """The author's status page: where the story is, the thread with the moderators
    (in one query, however long) and the forms to answer and to hear of comments."""
    story = submission.story
    can_message = can_take_messages(submission)
    thread = submission.thread_page(request.GET.get("messages"))
    edits = moderator_edits(submission) if submission.state in BEFORE_A_DECISION else None
    context = {
        "submission": submission,
        "story_url": story.url if story is not None and story.live else None,
        "thread": thread.thread,
        "thread_page": thread,
        "can_message": can_message,
        "message_form": (message_form or MessageForm()) if can_message else None,
        "edits": edits,
        "edit_rows": edits.fields() if edits else [],
        "publishing_waits": edits is not None and AuthorApprovalSettings.load().wait_for_author,
    }
    return render(request, "stories/submission_status.html", context, status=status)


def message_usage(request, submission, increment=False):
    """The author's use of the message rate limit on one submission (``MESSAGE_RATE``),
    counted by its status link, staff or not (``sharing.rate_limits``)."""
    return form_usage(
        request,
        group=MESSAGE_RATE_GROUP,
        key=lambda group, request: submission.status_token,
        rate=settings.MESSAGE_RATE,
        what="messages",
        increment=increment,
        staff_exempt=False,
    )


@private_page
@require_POST
def send_message(request, token):
    """The author writes to the moderators from the status page.

    In this order, before the screen reads a word: the rate limit, then the form
    (the size of the message); the text stays on the page whatever is refused.
    Answering a request for changes, the author may send the story back as it is
    with their answer (``send_back``), rather than edit it.
    """
    submission = get_submission(token)
    if not can_take_messages(submission):
        return redirect("stories:status", token=token)
    form = MessageForm(request.POST)
    usage = message_usage(request, submission)
    if usage is not None and usage["count"] >= usage["limit"]:
        form.is_valid()
        form.add_error(
            "body",
            _(
                "You have sent several messages in the last hour. Please wait an hour and "
                "send this one again: your message is still here."
            ),
        )
        return render_status(request, submission, form, status=429)
    if not form.is_valid():
        return render_status(request, submission, form, status=400)
    try:
        post_message(submission, form.cleaned_data["body"])
    except MessageRefused:
        return redirect("stories:status", token=token)
    message_usage(request, submission, increment=True)
    if request.POST.get("send_back") and submission.can_be_edited:
        send_back_unchanged(submission)
        messages.success(
            request,
            _("Your answer was sent, and your story went back to the moderators as it is."),
        )
    else:
        messages.success(request, _("Your message was sent to the moderators."))
    return redirect(f"{submission.get_status_url()}#messages")


@private_page
@require_POST
def approve_story_edits(request, token):
    """The author approves the moderator's edits they were shown (``revision``)."""
    submission = get_submission(token)
    try:
        approve_edits(submission, request.POST.get("revision", ""))
    except ApprovalRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Thank you: you approved the changes. The moderators can now publish your story."),
        )
    return redirect(f"{submission.get_status_url()}#edits")


@private_page
@require_POST
def comment_mail(request, token):
    """The author turns mail about comments on their story on or off."""
    submission = get_submission(token)
    set_comment_mail(submission, request.POST.get("comment_mail") == "on")
    if submission.comment_mail:
        messages.success(
            request,
            _("We will email you, at most once a day, when readers comment on your story."),
        )
    else:
        messages.success(request, _("We will not email you about comments."))
    return redirect(f"{submission.get_status_url()}#comment-mail")


@private_page
@require_http_methods(["GET", "POST"])
def stop_comment_mail(request, token):
    """A mail's unsubscribe link: it asks, and only the button (a POST) unsubscribes, so a
    mail scanner or a link preview opening the page changes nothing."""
    submission = submission_for_stop_token(token)
    if submission is None:
        return render(request, "stories/stop_comment_mail.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        set_comment_mail(submission, False)
        done = True
    return render(
        request,
        "stories/stop_comment_mail.html",
        {"done": done, "subscribed": submission.comment_mail},
    )


@private_page
@require_http_methods(["GET", "POST"])
def withdraw_story(request, token):
    submission = get_submission(token)
    if submission.is_withdrawn or submission.erased_at:
        return redirect("stories:status", token=token)
    if request.method == "POST":
        withdraw_submission(submission)
        return redirect("stories:status", token=token)
    return render(request, "stories/withdraw_story.html", {"submission": submission})


@private_page
@require_http_methods(["GET", "POST"])
def edit_story(request, token):
    """Where the author changes their story when a moderator asked them to."""
    submission = get_submission(token)
    if not submission.can_be_edited:
        if request.method == "POST" and not submission.is_withdrawn:
            # A form from another tab, or from before the story was sent back: what
            # the author typed is shown again, not dropped by a redirect.
            form = StoryEditForm(request.POST)
            context = {"form": form, "submission": submission, "stale": True}
            return render(request, "stories/edit_story.html", context, status=409)
        return redirect("stories:status", token=token)
    story = submission.story.get_latest_revision_as_object()
    if request.method == "POST":
        form = StoryEditForm(request.POST)
        if form.is_valid():
            try:
                resubmit_story(submission, form.cleaned_data)
            except EditRefused:
                # Another tab's edit came first, a moment ago.
                context = {"form": form, "submission": submission, "stale": True}
                return render(request, "stories/edit_story.html", context, status=409)
            return redirect("stories:status", token=token)
    else:
        form = StoryEditForm(initial={"title": story.title, "body": story.body})
    return render(request, "stories/edit_story.html", {"form": form, "submission": submission})
