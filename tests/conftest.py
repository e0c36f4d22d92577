import pytest

from home.services import set_up_site
from tests.factories import StoryPageFactory


@pytest.fixture
def story_index(db):
    """The site as a fresh install has it: home page, story index, Moderators group."""
    return set_up_site()


@pytest.fixture
def home_page(story_index):
    return story_index.get_parent().specific


@pytest.fixture
def make_story(story_index):
    def make(**kwargs):
        kwargs.setdefault("parent", story_index)
        return StoryPageFactory(**kwargs)

    return make
