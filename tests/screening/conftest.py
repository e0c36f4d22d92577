"""The screen's tests run with the learned readers as the settings have it:
``SCREEN_LEARNED=false pytest tests/screening`` runs them on the rules alone."""

import pytest
from django.conf import settings

import screening


@pytest.fixture(autouse=True)
def _learned_as_configured():
    before = screening.learned_enabled()
    screening.configure(learned=settings.SCREEN_LEARNED)
    yield
    screening.configure(learned=before)
