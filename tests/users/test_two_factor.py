"""Two-step verification for staff: a code from an authenticator app after the password."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.authenticator import code_for, next_code, used_code
from users.services import make_backup_codes

LOGIN_URL = "/admin/login/"
CODE_URL = "/admin/login/code/"
SETUP_URL = "/admin/two-factor/"
PASSWORD = "a-good-password-1"  # tests/factories.py's UserFactory
DASHBOARD = "<title>Dashboard - Wagtail</title>"
PAUSED = "Too many failed sign-in attempts"


@pytest.fixture
def app(moderator):
    return TOTPDevice.objects.create(user=moderator, name="Authenticator app", confirmed=True)


@pytest.fixture
def sign_in(client, moderator):
    def send(password=PASSWORD, **data):
        return client.post(LOGIN_URL, {"username": "moira", "password": password, **data})

    return send


def signed_in(client):
    return "_auth_user_id" in client.session


def test_without_an_app_the_password_signs_in_as_before(client, sign_in):
    response = sign_in()

    assert response.status_code == 302 and response.url == "/admin/"
    assert DASHBOARD in client.get("/admin/").content.decode()


def test_with_an_app_the_password_alone_does_not_reach_the_dashboard(client, sign_in, app):
    response = sign_in()

    assert response.status_code == 302 and response.url == CODE_URL
    assert not signed_in(client)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 302 and dashboard.url.startswith(LOGIN_URL)
    page = client.get(CODE_URL).content.decode()
    assert "Enter your verification code" in page
    assert "<strong>moira</strong>" in page
    assert 'autocomplete="one-time-code"' in page


def test_the_right_code_after_the_password_reaches_the_dashboard(client, sign_in, app):
    sign_in()

    response = client.post(CODE_URL, {"code": code_for(app.key)})

    assert response.status_code == 302 and response.url == "/admin/"
    assert signed_in(client)
    assert client.session["otp_device_id"] == app.persistent_id
    assert DASHBOARD in client.get("/admin/").content.decode()


def test_the_code_step_keeps_the_page_asked_for(client, app):
    asked = client.get("/admin/story-queue/")
    assert asked.url == "/admin/login/?next=/admin/story-queue/"
    response = client.post(
        asked.url, {"username": "moira", "password": PASSWORD, "next": "/admin/story-queue/"}
    )
    assert response.url == "/admin/login/code/?next=%2Fadmin%2Fstory-queue%2F"

    response = client.post(response.url, {"code": code_for(app.key)})

    assert response.url == "/admin/story-queue/"


def test_a_wrong_code_says_so_and_does_not_sign_in(client, sign_in, app):
    sign_in()

    response = client.post(CODE_URL, {"code": "000000" if code_for(app.key) != "000000" else "1"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "That code is not right" in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_code-helptext id_code-error"' in page
    assert 'id="id_code-error"' in page
    assert not signed_in(client)


def test_an_empty_code_is_asked_for(client, sign_in, app):
    sign_in()

    response = client.post(CODE_URL, {"code": " "})

    assert "Enter the code from your authenticator app." in response.content.decode()
    assert not signed_in(client)


def test_five_wrong_codes_pause_signing_in(client, sign_in, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own pause between tries: off here
    sign_in()
    wrong = "111111" if code_for(app.key) != "111111" else "222222"
    statuses = [client.post(CODE_URL, {"code": wrong}).status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    # The right code, then the right password, are refused until the pause ends.
    refused = client.post(CODE_URL, {"code": code_for(app.key)})
    assert refused.status_code == 302 and refused.url == LOGIN_URL
    again = sign_in()
    assert again.status_code == 429
    assert PAUSED in again.content.decode()
    assert not signed_in(client)


def test_wrong_passwords_still_count(client, sign_in, app, settings):
    statuses = [sign_in("not-the-password").status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in().status_code == 429


def test_the_code_step_without_a_password_first_goes_to_sign_in(client, app):
    response = client.post(CODE_URL, {"code": code_for(app.key)})

    assert response.status_code == 302 and response.url == LOGIN_URL
    assert not signed_in(client)


def test_a_code_given_too_late_asks_for_the_password_again(client, sign_in, app, settings):
    sign_in()
    settings.TWO_FACTOR_PENDING_SECONDS = -1

    response = client.post(CODE_URL, {"code": code_for(app.key)}, follow=True)

    assert "The time to enter your code ran out" in response.content.decode()
    assert not signed_in(client)


def test_a_backup_code_signs_in_once(client, sign_in, moderator, app):
    first, *_ = make_backup_codes(moderator)
    sign_in()

    response = client.post(CODE_URL, {"code": first.upper()}, follow=True)

    page = response.content.decode()
    assert DASHBOARD in page
    assert "You have 9 backup codes left." in page
    client.logout()
    sign_in()
    assert "That code is not right" in client.post(CODE_URL, {"code": first}).content.decode()


def test_a_session_signed_in_without_a_code_is_asked_for_one(client, moderator, app):
    client.force_login(moderator)  # as Django's admin sign-in, or before the app was set up

    response = client.get("/admin/")

    assert response.status_code == 302 and response.url == "/admin/login/code/?next=%2Fadmin%2F"
    response = client.post(response.url, {"code": code_for(app.key)})
    assert response.url == "/admin/"
    assert DASHBOARD in client.get("/admin/").content.decode()


def test_a_session_without_its_code_is_nobody_on_the_public_site(client, moderator, app, home_page):
    client.force_login(moderator)

    assert "wagtail-userbar" not in client.get(home_page.url).content.decode()
    client.post(CODE_URL, {"code": code_for(app.key)})
    assert "wagtail-userbar" in client.get(home_page.url).content.decode()


def test_djangos_admin_sign_in_with_an_app_asks_for_the_code(client, moderator, app):
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    client.post("/django-admin/login/", {"username": "moira", "password": PASSWORD})

    response = client.get("/django-admin/users/user/")

    assert response.status_code == 302
    assert response.url == "/admin/login/code/?next=%2Fdjango-admin%2Fusers%2Fuser%2F"
    assert client.post(response.url, {"code": code_for(app.key)}).url == "/django-admin/users/user/"
    assert "Select user to change" in client.get("/django-admin/users/user/").content.decode()


def test_the_account_page_links_to_two_step_verification(moderator_client):
    page = moderator_client.get("/admin/account/").content.decode()

    assert f'href="{SETUP_URL}"' in page
    assert "Two-step verification" in page


def test_setting_up_an_app_shows_a_qr_code_and_the_secret(moderator_client):
    page = moderator_client.get(SETUP_URL).content.decode()

    assert "Set up an authenticator app" in page
    assert 'src="data:image/svg+xml;charset=utf-8,%3Csvg' in page
    assert 'alt="QR code holding the secret below"' in page
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    assert len(secret.replace(" ", "")) == 32  # 20 bytes in base32
    assert moderator_client.get(SETUP_URL).content.decode().count(secret) == 1  # kept


def enrol_key(client):
    """The hex key behind the secret shown on the set-up page."""
    from base64 import b32decode

    page = client.get(SETUP_URL).content.decode()
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    return b32decode(secret.replace(" ", "")).hex()


def test_a_wrong_first_code_says_so_and_sets_nothing_up(moderator_client):
    key = enrol_key(moderator_client)
    wrong = "123456" if code_for(key) != "123456" else "654321"

    response = moderator_client.post(SETUP_URL, {"action": "confirm", "confirm-code": wrong})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.exists()
    short = moderator_client.post(SETUP_URL, {"action": "confirm", "confirm-code": "12"})
    assert "The code is 6 digits, such as 123456." in short.content.decode()


def test_confirming_the_app_turns_it_on_and_shows_backup_codes(client, moderator_client, sign_in):
    key = enrol_key(moderator_client)

    response = moderator_client.post(
        SETUP_URL, {"action": "confirm", "confirm-code": code_for(key)}, follow=True
    )

    page = response.content.decode()
    assert "Two-step verification is on" in page
    assert "Your backup codes" in page
    device = TOTPDevice.objects.get(user__username="moira")
    assert device.confirmed and device.key == key
    codes = StaticToken.objects.filter(device__user__username="moira")
    assert codes.count() == 10
    assert all(token in page for token in codes.values_list("token", flat=True))
    assert DASHBOARD in moderator_client.get("/admin/").content.decode()  # this session verified
    assert "Your backup codes" not in moderator_client.get(SETUP_URL).content.decode()

    # Signing in again now takes a code; the one used to confirm may not be used again.
    client.logout()
    assert sign_in().url == CODE_URL
    assert "not right" in client.post(CODE_URL, {"code": used_code(device)}).content.decode()
    device.throttle_reset()
    assert client.post(CODE_URL, {"code": next_code(device)}).url == "/admin/"


@pytest.mark.parametrize("answer", ["code", "password"])
def test_removing_the_app_takes_a_current_code_or_the_password(moderator_client, app, answer):
    make_backup_codes(app.user)
    session = moderator_client.session
    session["otp_device_id"] = app.persistent_id
    session.save()
    confirmation = code_for(app.key) if answer == "code" else PASSWORD

    response = moderator_client.post(
        SETUP_URL, {"action": "remove", "remove-confirmation": confirmation}, follow=True
    )

    assert "Two-step verification is off" in response.content.decode()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()


def test_removing_the_app_with_a_wrong_answer_says_so(moderator_client, app):
    session = moderator_client.session
    session["otp_device_id"] = app.persistent_id
    session.save()

    response = moderator_client.post(
        SETUP_URL, {"action": "remove", "remove-confirmation": "not-it"}
    )

    assert response.status_code == 400
    assert "That is neither a current code from your app nor your password." in (
        response.content.decode()
    )
    assert TOTPDevice.objects.filter(pk=app.pk).exists()


def test_when_required_staff_without_an_app_are_sent_to_set_one_up(moderator_client, settings):
    settings.STAFF_REQUIRE_TWO_FACTOR = True

    for url in ["/admin/", "/admin/story-queue/", "/admin/account/"]:
        response = moderator_client.get(url)
        assert response.status_code == 302 and response.url == SETUP_URL, url

    page = moderator_client.get(SETUP_URL).content.decode()
    assert "Staff accounts need two-step verification." in page
    key = enrol_key(moderator_client)
    moderator_client.post(SETUP_URL, {"action": "confirm", "confirm-code": code_for(key)})
    assert DASHBOARD in moderator_client.get("/admin/").content.decode()


def test_when_not_required_staff_without_an_app_use_the_admin(moderator_client):
    assert DASHBOARD in moderator_client.get("/admin/").content.decode()


def test_the_command_removes_a_users_app_and_backup_codes(moderator, app):
    make_backup_codes(moderator)
    out = StringIO()

    call_command("remove_two_factor", "moira", stdout=out)

    assert "moira: two-step verification removed" in out.getvalue()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()


def test_the_command_refuses_an_unknown_username(moderator, app):
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("remove_two_factor", "moira", "nobody")
    assert TOTPDevice.objects.filter(pk=app.pk).exists()
