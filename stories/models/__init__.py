from urllib.parse import urlencode

from django.conf import settings
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from comments.models import with_comment_counts
from sharing.sites import SiteRootURLMixin

from ..listing import NEWEST_FIRST, count_stories, cursor_page, parse_cursor

STORIES_PER_PAGE = 12
CARD_IMAGE_SPEC = "fill-640x360"
SUMMARY_LENGTH = 155  # what search engines show of a description
MESSAGES_PER_PAGE = 50  # of a submission's thread, on the status and review pages


class AuthorRole(models.TextChoices):
    PATIENT = "patient", _("Patient")
    FAMILY = "family", _("Family member or caregiver")
    EMPLOYEE = "employee", _("Employee or volunteer")


class Topic(TagBase):
    """A topic stories are filed under. Editors manage the list; nobody else adds to it."""

    free_tagging = False

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]


class StoryTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="tagged_stories", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "stories.StoryPage", related_name="topic_items", on_delete=models.CASCADE
    )


def story_cards(queryset):
    """What a list of story cards needs, in a fixed number of queries."""
    renditions = get_image_model().get_rendition_model().objects
    return (
        with_comment_counts(queryset)
        .select_related("hero_image")
        .prefetch_related(
            "topics",
            # Where Wagtail's prefetch_renditions() puts them, for get_rendition().
            Prefetch(
                "hero_image__renditions",
                queryset=renditions.filter(filter_spec=CARD_IMAGE_SPEC),
                to_attr="prefetched_renditions",
            ),
        )
    )


def cards_of(ids):
    """The cards of the stories ``ids`` names (a sliced queryset of story ids
    in ``NEWEST_FIRST`` order), in one query.

    A listing sorts and skips story ids only, in a subquery, and fetches the
    cards of the page it shows: sorting whole rows (bodies included) and
    counting the comments of every row it skips grows with the number of stories.
    """
    return story_cards(StoryPage.objects.filter(pk__in=ids)).order_by(*NEWEST_FIRST)


class StoryIndexPage(SiteRootURLMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = ["stories.StoryPage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def published_stories(self):
        return StoryPage.objects.live().public().child_of(self).order_by(*NEWEST_FIRST)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.published_stories()

        topic_slug = request.GET.get("topic", "")
        topic = Topic.objects.filter(slug=topic_slug).first() if topic_slug else None
        if topic:
            stories = stories.filter(topics=topic)
        role = request.GET.get("role", "")
        if role in AuthorRole.values:
            stories = stories.filter(author_role=role)
        else:
            role = ""

        page = cursor_page(
            stories,
            STORIES_PER_PAGE,
            lambda ids: list(cards_of(ids)),
            before=parse_cursor(request.GET.get("before")),
            after=parse_cursor(request.GET.get("after")),
        )
        # A topic's listing, and each page of a listing, is a page of its own to
        # search engines; the author's role only filters it, and is left out.
        canonical = {"topic": topic.slug} if topic else {}
        filters = {**canonical, "role": role} if role else canonical
        context.update(
            canonical_query=urlencode({**canonical, **page.cursor}),
            stories=page.items,
            story_count=count_stories(stories, self.pk, topic.slug if topic else "", role),
            newer_query=urlencode({**filters, "after": page.newer}) if page.newer else "",
            older_query=urlencode({**filters, "before": page.older}) if page.older else "",
            # Each topic's first tagged story is enough: a join of every tag, made
            # distinct, read all of them (64 ms at 100,000 stories).
            topics=Topic.objects.filter(Exists(StoryTopic.objects.filter(tag=OuterRef("pk")))),
            roles=AuthorRole.choices,
            current_topic=topic,
            current_role=role,
        )
        return context


class StoryPage(SiteRootURLMixin, Page):
    author_display_name = models.CharField(
        _("author's name as published"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to publish anonymously."),
    )
    author_role = models.CharField(_("author's role"), max_length=20, choices=AuthorRole.choices)
    date = models.DateField(_("story date"), default=timezone.localdate)
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown on story cards and in the feed."),
    )
    body = models.TextField(
        _("story"),
        help_text=_("Plain text. Separate paragraphs with an empty line."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ClusterTaggableManager(through=StoryTopic, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the story is written in."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("author_display_name"), FieldPanel("author_role")],
            heading=_("Author"),
        ),
        FieldPanel("date"),
        FieldPanel("language"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("hero_image"),
        InlinePanel("photos", heading=_("Photos"), label=_("Photo")),
        FieldPanel("topics"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("author_role"),
        index.FilterField("date"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            # The listings' order (``listing.NEWEST_FIRST``) read from the index: the
            # database walks it from the newest (or a cursor's) date and stops at a
            # page, instead of joining and sorting every story. With the id, the
            # walk reads the index alone.
            models.Index(fields=["date", "page_ptr"], name="story_by_date"),
        ]

    @property
    def author_label(self):
        return self.author_display_name or _("Anonymous")

    @property
    def excerpt(self):
        if self.summary:
            return self.summary
        first = self.body.strip().split("\n\n", 1)[0]
        return first if len(first) <= 240 else first[:237].rsplit(" ", 1)[0] + "…"

    def summary_text(self, length=SUMMARY_LENGTH):
        """The story in a line of plain text, for search engines and link previews:
        the editor's summary, else the start of the story, cut at a word."""
        text = " ".join((self.summary or self.body).split())
        if len(text) <= length:
            return text
        return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    def related_stories(self, limit=3):
        topic_ids = [topic.pk for topic in self.topics.all()]
        if not topic_ids:
            return StoryPage.objects.none()
        sharing_a_topic = StoryTopic.objects.filter(tag_id__in=topic_ids).values("content_object")
        return cards_of(
            StoryPage.objects.live()
            .public()
            .filter(pk__in=sharing_a_topic)
            .exclude(pk=self.pk)
            .order_by(*NEWEST_FIRST)
            .values_list("pk", flat=True)[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = self.related_stories()
        photos = list(self.photos.select_related("image"))
        # The hero is described by its photo's description (an image an editor chose
        # by its own, in the library); the gallery shows the rest.
        context["hero_alt"] = next(
            (photo.alt_text for photo in photos if photo.image_id == self.hero_image_id),
            self.hero_image.description if self.hero_image else "",
        )
        context["gallery"] = [photo for photo in photos if photo.image_id != self.hero_image_id]
        context["official_response"] = self.published_response()
        return context

    def published_response(self):
        """The organisation's response as a moderator approved it, or None (one query)."""
        return (
            OfficialResponse.objects.filter(story=self, published_at__isnull=False)
            .only(
                "published_text",
                "published_name",
                "published_role",
                "published_language",
                "published_at",
            )
            .first()
        )


class StoryPhoto(Orderable):
    """A photo shown with the story, in order; the author's approved photos land here."""

    page = ParentalKey(StoryPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")


DEFAULT_CRISIS_RESOURCES = (
    "<p>You don't have to wait for us. In the United States, call or text <strong>988</strong> "
    "to reach the Suicide and Crisis Lifeline, any time of day. If you are in immediate "
    "danger, call <strong>911</strong> or your local emergency number.</p>"
)

DEFAULT_CRISIS_FOOTER = (
    "<p>If you are in crisis, call or text <strong>988</strong> (Suicide and Crisis Lifeline) "
    "or your local emergency number.</p>"
)


@register_setting(icon="warning")
class CrisisResources(BaseSiteSetting):
    """What an author whose story speaks of self-harm is shown at once."""

    heading = models.CharField(max_length=120, default="If you are thinking about harming yourself")
    text = RichTextField(
        default=DEFAULT_CRISIS_RESOURCES,
        features=["bold", "italic", "link"],
        help_text=_("Local crisis lines and emergency numbers, in plain words."),
    )

    footer = RichTextField(
        default=DEFAULT_CRISIS_FOOTER,
        features=["bold", "italic", "link"],
        help_text=_(
            "One line at the foot of every public page: the crisis line of the site's "
            "country and the emergency number."
        ),
    )

    panels = [FieldPanel("heading"), FieldPanel("text"), FieldPanel("footer")]

    class Meta:
        verbose_name = _("crisis resources")


def private_storage():
    """Where submitted photos wait, unserved, until a moderator approves the story."""
    return storages["private"]


class NamingChoice(models.TextChoices):
    FULL_NAME = "full", _("My full name")
    FIRST_NAME = "first", _("My first name only")
    ANONYMOUS = "anonymous", _("Anonymous")


class Submission(models.Model):
    """The private side of a submitted story: who sent it, what they agreed to, where it is.

    Contact details live here, never on the page, so no template that renders
    a page can show them.
    """

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # Erased by a moderator on the author's request (an erasure request under
        # data-protection law): as a withdrawal, but not the author's own click.
        ERASED = "erased_on_request", _("Erased on request")

    reference = models.CharField(max_length=12, unique=True, editable=False)
    status_token = models.CharField(max_length=64, unique=True, editable=False)
    story = models.OneToOneField(
        StoryPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.RECEIVED)
    state_reason = models.TextField(
        blank=True, help_text=_("The moderator's reason, shown to the submitter.")
    )

    role = models.CharField(max_length=20, choices=AuthorRole.choices)
    naming = models.CharField(max_length=20, choices=NamingChoice.choices)
    name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=32, blank=True)

    # The language the author used the site in: of the consent they read (its
    # version is that language's, stories.consent) and of our mail. The story's own
    # language, read from its words, is StoryPage.language (stories.languages).
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    consent_version = models.CharField(max_length=40)
    consent_given_at = models.DateTimeField()
    employee_speaks_for_self = models.BooleanField(default=False)
    employee_has_patient_permission = models.BooleanField(default=False)

    ip_hash = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    urgent = models.BooleanField(default=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the story and its author's details were erased; the row is a record."),
    )
    comment_mail = models.BooleanField(
        _("mail the author about comments"),
        default=False,
        help_text=_("The author asked for a mail, at most once a day, when readers comment."),
    )
    comment_mail_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the author was last told of comments: comments since are new to them."),
    )

    # The author's approval of a moderator's edits (``stories.edits``): which revision
    # they approved, and when. It holds only while the text is that revision's.
    edits_approved_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The revision of the story whose edits its author approved."),
    )
    edits_approved_at = models.DateTimeField(null=True, blank=True)
    edits_mailed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "When the author was last mailed that edits await their approval: "
            "not again until they answer."
        ),
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    def get_status_url(self):
        return reverse("stories:status", args=[self.status_token])

    def get_edit_url(self):
        return reverse("stories:edit", args=[self.status_token])

    # State changes: every app changes a submission's state through these.

    def set_state(self, state, reason=""):
        """Record where the story is, and the moderator's reason shown to its author."""
        self.state = state
        self.state_reason = reason
        self.save(update_fields=["state", "state_reason", "updated_at"])

    def mark_in_review(self):
        if self.state == self.State.RECEIVED:
            self.set_state(self.State.IN_REVIEW)

    def mark_urgent(self):
        """Flag a story whose screen found crisis language; True if it was not flagged yet."""
        if self.urgent:
            return False
        self.urgent = True
        self.save(update_fields=["urgent", "updated_at"])
        return True

    def thread_page(self, number=1, *, per_page=MESSAGES_PER_PAGE, queryset=None):
        """One page of the thread with the moderators, in two queries however long
        it is: page 1 the newest ``per_page`` messages, page 2 those before; each
        page's messages oldest first. A number that is no page is page 1, or the last."""
        messages = (queryset if queryset is not None else self.messages.all()).order_by(
            "-created_at", "-pk"
        )
        page = Paginator(messages, per_page).get_page(number)
        page.thread = list(reversed(page.object_list))
        return page

    @property
    def can_be_edited(self):
        return self.state == self.State.CHANGES_REQUESTED and self.story_id is not None

    @property
    def is_withdrawn(self):
        """Taken back: withdrawn by its author, or erased by staff at their request."""
        return self.state in (self.State.WITHDRAWN, self.State.ERASED)


class SubmissionMessage(models.Model):
    """One message of the private thread between a story's author and the moderators.

    The author writes through their status link, a moderator on the review page.
    Screened as it is written; its findings are shown to moderators only. Erased
    with the submission (``stories.services.erase_submission``).
    """

    class Sender(models.TextChoices):
        AUTHOR = "author", _("The author")
        MODERATOR = "moderator", _("A moderator")

    submission = models.ForeignKey(Submission, related_name="messages", on_delete=models.CASCADE)
    sender = models.CharField(max_length=12, choices=Sender.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who wrote it, for a moderator's message."),
    )
    body = models.TextField()
    findings = models.JSONField(default=list)
    crisis = models.BooleanField(default=False)
    engine_version = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")

    def __str__(self):
        return f"Message {self.pk} on {self.submission_id}"

    @property
    def from_author(self):
        return self.sender == self.Sender.AUTHOR


class SubmissionPhoto(models.Model):
    submission = models.ForeignKey(Submission, related_name="photos", on_delete=models.CASCADE)
    file = models.FileField(storage=private_storage, upload_to="submissions/%Y/%m/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    content_type = models.CharField(max_length=30)
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it: the author's words, "
            "then the moderator's, who confirms it before the photo is published."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The public copy, made when a moderator approved the story."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Photo for {self.submission}"


from .approvals import AuthorApprovalSettings  # noqa: E402, F401 - a model family of its own
from .responses import OfficialResponse  # noqa: E402 - a model family of its own
