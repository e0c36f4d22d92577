from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage


class TestPageTypeRules(WagtailPageTestCase):
    def test_story_index_lives_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, StoryIndexPage)
        self.assertCanNotCreateAt(Page, StoryIndexPage)
        self.assertCanNotCreateAt(StoryIndexPage, StoryIndexPage)

    def test_story_can_only_live_under_the_story_index(self):
        self.assertCanCreateAt(StoryIndexPage, StoryPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(Page, StoryPage)
        self.assertCanNotCreateAt(StoryPage, StoryPage)

    def test_nothing_lives_under_a_story(self):
        self.assertAllowedSubpageTypes(StoryPage, {})
