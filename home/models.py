from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from stories.models import StoryIndexPage, StoryPage, story_cards

LATEST_STORIES = 6


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    call_to_action_heading = models.CharField(
        max_length=120, default="Your story could help someone else"
    )
    call_to_action_text = models.CharField(
        max_length=300,
        blank=True,
        default="Patients, families and staff: tell us about your care. "
        "A moderator reads every story before it is published.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("call_to_action_heading"), FieldPanel("call_to_action_text")],
            heading=_("Share your story"),
        ),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=3),
    ]

    subpage_types = ["stories.StoryIndexPage", "directory.DirectoryPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured_ids = [item.story_id for item in self.featured_stories.all() if item.story_id]
        featured = {
            story.pk: story
            for story in story_cards(StoryPage.objects.live().public().filter(pk__in=featured_ids))
        }
        context["featured_stories"] = [featured[pk] for pk in featured_ids if pk in featured]
        context["latest_stories"] = story_cards(
            StoryPage.objects.live()
            .public()
            .descendant_of(self)
            .exclude(pk__in=featured_ids)
            .order_by("-date", "-first_published_at")
        )[:LATEST_STORIES]
        context["story_index"] = StoryIndexPage.objects.live().child_of(self).first()
        return context


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]
