from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sharing.sites import SiteRootURLMixin
from stories.models import NEWEST_FIRST, StoryIndexPage, StoryPage, cards_of, story_cards

from .blocks import INFORMATION_BLOCKS

LATEST_STORIES = 6


class HomePage(SiteRootURLMixin, Page):
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

    subpage_types = ["stories.StoryIndexPage", "home.InformationPage", "directory.DirectoryPage"]
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
        context["latest_stories"] = cards_of(
            StoryPage.objects.live()
            .public()
            .descendant_of(self)
            .exclude(pk__in=featured_ids)
            .order_by(*NEWEST_FIRST)
            .values_list("pk", flat=True)[:LATEST_STORIES]
        )
        context["story_index"] = StoryIndexPage.objects.live().child_of(self).first()
        return context


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]


class InformationPage(SiteRootURLMixin, Page):
    """A page about the site itself: about us, the privacy policy, the terms, contact.

    The live ones marked "Show in menus" (the default) are linked from the footer
    of every public page, in their order in the page tree (``home.footer``).
    """

    intro = models.TextField(
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title, also shown to search engines."),
    )
    body = StreamField(INFORMATION_BLOCKS, blank=True)
    last_updated = models.DateField(
        _("last updated"),
        default=timezone.localdate,
        help_text=_("Shown on the page: change it when what the page says changes."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("last_updated"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    # Beside the story index, right under the home page: the footer links to them.
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    show_in_menus_default = True

    class Meta:
        verbose_name = _("information page")
