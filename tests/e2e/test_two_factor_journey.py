"""A moderator turns two-step verification on from their account, then signs in with it."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.authenticator import next_code
from tests.e2e.steps import make_moderator, sign_in
from tests.e2e.test_content_security_policy import PolicyWatch

pytestmark = pytest.mark.usefixtures("demo_site")


def test_moderator_sets_up_an_app_and_signs_in_with_its_code(live_server, page):
    moderator = make_moderator("moira", "a-good-password-1")

    sign_in(page, live_server.url, "moira", "a-good-password-1")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + "/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    # Watched from here on: nothing the admin's policy refuses, no script error. (Wagtail's
    # account page itself logs an error from its time zone menu in this Chromium.)
    watch = PolicyWatch(page, live_server.url)
    page.get_by_role("link", name="Two-step verification").click()

    page.get_by_role("heading", name="Set up an authenticator app").wait_for()
    qr_code = page.get_by_role("img", name="QR code holding the secret below")
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    secret = b32decode(page.locator("#two-factor-secret").inner_text().replace(" ", ""))
    page.get_by_label("Code from your app").fill(f"{totp(secret):06d}")
    page.get_by_role("button", name="Confirm and turn on").click()

    page.locator(".messages", has_text="Two-step verification is on").wait_for()
    assert page.locator(".backup-codes li").count() == 10
    assert TOTPDevice.objects.get(user=moderator).confirmed
    watch.collect()

    page.get_by_role("button", name=re.compile("moira")).click()  # the sidebar's account menu
    page.get_by_role("button", name="Log out").click()
    page.locator(".messages", has_text="You have been successfully logged out.").wait_for()
    page.get_by_label("Username").fill("moira")
    page.get_by_label("Password").fill("a-good-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Enter your verification code").wait_for()
    watch.collect()
    # The code that confirmed the app is used up: the app's next one.
    page.get_by_label("Verification code").fill(next_code(TOTPDevice.objects.get(user=moderator)))
    page.get_by_role("button", name="Verify and sign in").click()

    page.wait_for_url(live_server.url + "/admin/")
    assert page.title().startswith("Dashboard")
    expect(page.get_by_role("link", name="Open the story queue")).to_be_visible()
    watch.collect()
    assert watch.problems == []
