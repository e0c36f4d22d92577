import pytest

from tests.directory.factories import add_directory_page


@pytest.fixture
def directory_page(home_page):
    return add_directory_page(home_page)


@pytest.fixture
def propose(client, directory_page, django_capture_on_commit_callbacks, settings):
    """Send a proposal through the public form, as a representative would; returns
    (the Proposal, its status path)."""
    from directory.models import Proposal
    from tests.directory.factories import proposal_form_data

    settings.DIRECTORY_PROPOSAL_RATE = "100/h"

    def send(url="/directory/propose/", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, proposal_form_data(**overrides))
        assert response.status_code == 302, response.content.decode()[:3000]
        status_path = response["Location"].replace("/received/", "/status/")
        return Proposal.objects.latest("pk"), status_path

    return send
