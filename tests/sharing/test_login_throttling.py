"""Signing in to the admin: a few wrong passwords, then a pause (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F

LOGIN_URL = "/admin/login/"
PASSWORD = "a-good-password-1"  # tests/factories.py's UserFactory
PAUSED = "Too many failed sign-in attempts"


@pytest.fixture
def sign_in(client, moderator):
    def send(password, username="moira", address="203.0.113.9", **headers):
        client.logout()
        return client.post(
            LOGIN_URL,
            {"username": username, "password": password},
            REMOTE_ADDR=address,
            **headers,
        )

    return send


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def fail(sign_in, times, **kwargs):
    return [sign_in("not-the-password", **kwargs).status_code for _ in range(times)]


def test_the_right_password_after_five_wrong_ones_is_refused_with_a_message(sign_in, settings):
    # Four times the page again ("did not match"); the fifth says sign-in is paused.
    assert fail(sign_in, settings.LOGIN_FAILURE_LIMIT) == [200, 200, 200, 200, 429]

    response = sign_in(PASSWORD)

    assert response.status_code == 429
    assert not signed_in(response)
    page = response.content.decode()
    assert PAUSED in page
    assert "paused for 15 minutes" in page
    assert 'class="login-form"' in page  # the sign-in page itself, not a bare error
    assert 'value="moira"' in page
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_right_password_before_the_limit_starts_the_count_again(sign_in, settings):
    fail(sign_in, settings.LOGIN_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(PASSWORD))

    fail(sign_in, settings.LOGIN_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(PASSWORD))


def test_after_the_pause_the_right_password_works(sign_in, settings):
    fail(sign_in, settings.LOGIN_FAILURE_LIMIT)
    assert sign_in(PASSWORD).status_code == 429

    # The pause goes by: the failures are older than it.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.LOGIN_COOLOFF - timedelta(seconds=1)
    )

    assert signed_in(sign_in(PASSWORD))


def test_failures_from_elsewhere_do_not_lock_a_moderator_out(sign_in, settings):
    fail(sign_in, settings.LOGIN_FAILURE_LIMIT + 3, address="198.51.100.7")

    assert sign_in(PASSWORD, address="198.51.100.7").status_code == 429
    assert signed_in(sign_in(PASSWORD, address="203.0.113.9"))


def test_failures_for_one_username_do_not_lock_out_another(sign_in, settings, moderator):
    from tests.factories import ModeratorFactory

    ModeratorFactory(username="omar")
    fail(sign_in, settings.LOGIN_FAILURE_LIMIT, username="omar")

    assert sign_in(PASSWORD, username="omar").status_code == 429
    assert signed_in(sign_in(PASSWORD, username="moira"))


def test_behind_the_proxy_clients_are_told_apart_by_the_address_it_forwarded(sign_in, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.5"
    # An attacker who writes their own X-Forwarded-For still gets one address: the
    # one the proxy appended.
    for forged in ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"]:
        sign_in(
            "not-the-password",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7",
        )

    locked = sign_in(PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.7")
    assert locked.status_code == 429
    assert signed_in(sign_in(PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"))


def test_the_django_admin_sign_in_is_throttled_too(client, moderator, settings):
    moderator.is_superuser = moderator.is_staff = True
    moderator.save()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/django-admin/login/", {"username": "moira", "password": "wrong"})

    response = client.post("/django-admin/login/", {"username": "moira", "password": PASSWORD})

    assert response.status_code == 429
    assert PAUSED in response.content.decode()


def test_the_test_clients_login_still_works(client, moderator):
    assert client.login(username="moira", password=PASSWORD)
