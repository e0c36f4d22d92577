"""What a moderator changed in an author's story, for the author to approve.

The author's text is their latest revision (the one they sent: a revision with no
user); what would be published is the story's latest revision. When the two differ
in anything the author wrote, the author is shown both side by side, and may approve
the latest: the approval names that revision, and holds only while the text that
would be published is still that revision's.
"""

import difflib
import functools
import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Revision

from screening import REPLACEMENTS

from .models import Submission
from .placeholders import every_placeholder

#: What the author wrote, in the order the diff shows it.
AUTHOR_FIELDS = {
    "title": gettext_lazy("Title"),
    "summary": gettext_lazy("Summary"),
    "body": gettext_lazy("Story"),
    "author_display_name": gettext_lazy("Your name as published"),
}

#: While a story waits for a decision, its author is asked about edits.
BEFORE_A_DECISION = (Submission.State.RECEIVED, Submission.State.IN_REVIEW)


@functools.cache
def _placeholders():
    return frozenset([*every_placeholder(), *REPLACEMENTS.values()])


@functools.cache
def _tokens():
    """A redaction's placeholder ("[phone number]", "[nombre]") is one word of the
    diff; so is a run of letters or digits, of white space, or a single other character."""
    words = sorted(_placeholders(), key=len, reverse=True)
    return re.compile("|".join([*(re.escape(p) for p in words), r"\w+", r"\s+", r"."]), re.S)


def texts_of(revision):
    content = revision.content if revision is not None else {}
    return {field: content.get(field) or "" for field in AUTHOR_FIELDS}


@dataclass
class Edits:
    """The author's text beside what would be published."""

    submission: Submission
    sent: Revision
    proposed: Revision
    approved: bool

    @property
    def awaiting_author(self):
        return not self.approved

    @property
    def approved_at(self):
        return self.submission.edits_approved_at if self.approved else None

    def fields(self):
        """One row a field that changed: its label and the two sides, as safe HTML."""
        sent, proposed = texts_of(self.sent), texts_of(self.proposed)
        rows = []
        for field, label in AUTHOR_FIELDS.items():
            if sent[field] != proposed[field]:
                before, after = side_by_side(sent[field], proposed[field])
                rows.append({"name": field, "label": label, "sent": before, "proposed": after})
        return rows


def moderator_edits(submission):
    """The edits a moderator made to the story of ``submission`` that its author has
    not sent themselves, or None if the text that would be published is the author's.
    One query."""
    story = submission.story if submission.story_id else None
    if story is None or submission.erased_at is not None or story.latest_revision_id is None:
        return None
    authors = (
        Revision.page_revisions.filter(object_id=str(story.pk), user__isnull=True)
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    wanted = Q(pk=story.latest_revision_id) | Q(pk__in=authors)
    if submission.edits_approved_revision_id:
        wanted |= Q(pk=submission.edits_approved_revision_id)
    revisions = {r.pk: r for r in Revision.objects.filter(wanted).only("pk", "user", "content")}
    proposed = revisions.get(story.latest_revision_id)
    sent = next((r for r in revisions.values() if r.user_id is None), None)
    if proposed is None or sent is None or texts_of(sent) == texts_of(proposed):
        return None
    approved = revisions.get(submission.edits_approved_revision_id)
    return Edits(
        submission=submission,
        sent=sent,
        proposed=proposed,
        approved=approved is not None and texts_of(approved) == texts_of(proposed),
    )


def awaits_author(submission):
    """True while the story waits for a decision with edits its author has not approved."""
    if submission.state not in BEFORE_A_DECISION:
        return False
    edits = moderator_edits(submission)
    return edits is not None and edits.awaiting_author


def _is_redaction(words):
    solid = [word for word in words if not word.isspace()]
    return bool(solid) and all(word in _placeholders() for word in solid)


def _marked(tag, css, label, text):
    return format_html(
        '<{tag} class="diff__{css}"><span class="visually-hidden">{label} </span>{text}</{tag}>',
        tag=mark_safe(tag),  # noqa: S308 - one of two tag names given below
        css=css,
        label=label,
        text=text,
    )


def _changes(old, new):
    """difflib's opcodes over words, a change that only white space separates from
    the next one made one ("Dr Amos" to "The doctor" is one change, not two)."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    merged = []
    for opcode in opcodes:
        op, i1, i2, j1, j2 = opcode
        if (
            op != "equal"
            and len(merged) >= 2
            and merged[-1][0] == "equal"
            and merged[-2][0] != "equal"
            and all(word.isspace() for word in old[merged[-1][1] : merged[-1][2]])
        ):
            merged.pop()
            start = merged.pop()
            opcode = ("replace", start[1], i2, start[3], j2)
        merged.append(opcode)
    return merged


def side_by_side(before, after):
    """``before`` and ``after`` as two pieces of HTML, every character escaped: what
    went is in ``<del>``, what came in ``<ins>``, each with a label for screen readers,
    and a moderator's redaction (words replaced by a placeholder such as "[name]")
    marked as a redaction, not as an ordinary change."""
    old, new = _tokens().findall(before), _tokens().findall(after)
    left, right = [], []
    for op, i1, i2, j1, j2 in _changes(old, new):
        gone, came = "".join(old[i1:i2]), "".join(new[j1:j2])
        if op == "equal":
            left.append(format_html("{}", gone))
            right.append(format_html("{}", came))
            continue
        redaction = _is_redaction(new[j1:j2])
        if gone:
            if redaction:
                left.append(_marked("del", "redacted", _("Redacted:"), gone))
            else:
                left.append(_marked("del", "removed", _("Removed:"), gone))
        if came:
            if redaction:
                right.append(_marked("ins", "redaction", _("Redaction:"), came))
            else:
                right.append(_marked("ins", "added", _("Added:"), came))
    return _joined(left), _joined(right)


def _joined(pieces):
    return format_html_join("", "{}", ((piece,) for piece in pieces))
