import pytest

from tests.directory.factories import add_directory_page


@pytest.fixture
def directory_page(home_page):
    return add_directory_page(home_page)
