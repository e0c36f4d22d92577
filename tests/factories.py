"""Factories for the project's rows, and the data its public forms post."""

import secrets

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from moderation.permissions import MODERATORS_GROUP
from stories.consent import CONSENT_VERSION
from stories.models import AuthorRole, NamingChoice, StoryIndexPage, StoryPage, Submission, Topic

STORY_TEXT = (
    "The nurses on the night shift made the worst week of my life bearable. "
    "They explained every machine, and they let my daughter stay past visiting hours.\n\n"
    "I went home stronger than I came in, and I wanted to say thank you."
)
PHONE_STORY = (
    "The cardiac nurses were patient with every question I asked, day or night. "
    "If anyone facing the same surgery wants to talk, call me on 612-555-0187 any evening.\n\n"
    "I am walking two miles a day now and I feel stronger than I have in years."
)
CLEAN_STORY = (
    "The cardiac nurses were patient with every question I asked, day or night. "
    "They explained each machine and never made me feel foolish for asking twice.\n\n"
    "I am walking two miles a day now and I feel stronger than I have in years."
)


def story_form_data(**overrides):
    """What the public share form posts; a value of None leaves the field out."""
    data = {
        "title": "The night shift that saw me through",
        "body": STORY_TEXT,
        "role": "patient",
        "naming": "first",
        "name": "Rosalind Keane",
        "email": "rosalind@example.org",
        "phone": "(612) 555-0199",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@hospital.example")
    password = factory.django.Password("a-good-password-1")


class ModeratorFactory(UserFactory):
    """A member of the Moderators group, as a fresh install makes it (needs the site set up)."""

    @factory.post_generation
    def moderators_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=MODERATORS_GROUP))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class StoryPageFactory(wagtail_factories.PageFactory):
    """A published story; pass `parent=` (the story index) and `live=False` for a draft."""

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"A story of care {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    author_display_name = "Robin"
    author_role = AuthorRole.PATIENT
    body = "The first paragraph of the story.\n\nThe second paragraph."

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save(update_fields=[])

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and self.live:
            self.save_revision().publish()


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A submitted story as the share form leaves it: a draft page and its private side.

    Pass ``story__parent=`` the story index. The story is not in the workflow:
    for that, send it through the form (the ``submit`` fixture).
    """

    class Meta:
        model = Submission

    reference = factory.Sequence(lambda n: f"S-T{n:05d}")
    status_token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    story = factory.SubFactory(StoryPageFactory, live=False)
    role = AuthorRole.PATIENT
    naming = NamingChoice.FIRST_NAME
    name = "Rosalind Keane"
    contact_email = "rosalind@example.org"
    consent_version = CONSENT_VERSION
    consent_given_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    """A reader's comment on ``target`` (a live page); screened as it is saved."""

    class Meta:
        model = XtdComment
        exclude = ("target",)

    target = None
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_pk = factory.LazyAttribute(lambda o: str(o.target.pk))
    site_id = 1
    user_name = factory.Sequence(lambda n: f"Reader {n}")
    user_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    comment = factory.Sequence(lambda n: f"Comment number {n}.")
    submit_date = factory.LazyFunction(timezone.now)
    parent_id = 0
