import factory
import wagtail_factories

from stories.models import AuthorRole, StoryIndexPage, StoryPage, Topic


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
