"""Two-step verification: an authenticator app (TOTP) and backup codes (django-otp).

A staff member's app is a confirmed ``TOTPDevice``; their backup codes are one
``StaticDevice`` whose tokens are used once each. Both are made together, when
the app is confirmed, and removed together.
"""

import re
from base64 import b32encode
from binascii import unhexlify

from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

APP_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10
APP_CODE = re.compile(r"\d{6}")


class CodeNotAllowedYet(Exception):
    """A device refuses to check a code so soon after wrong ones (django-otp's
    throttling: 1, 2, 4, 8... seconds); ``until`` says when it will again."""

    def __init__(self, until=None):
        super().__init__(until)
        self.until = until


def normalise_code(code):
    """A code as typed, without spaces or dashes ("123 456", "abcd-efgh")."""
    return re.sub(r"[\s-]", "", code or "").lower()


def has_app(user):
    """Whether the user has confirmed an authenticator app (one query)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_app_key():
    """A fresh secret for an app not yet confirmed (hex, as TOTPDevice stores it)."""
    return default_key()


def readable_secret(key):
    """The secret as an authenticator app asks for it: base32, in groups of four."""
    secret = b32encode(unhexlify(key)).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def app_config_url(user, key):
    """The otpauth:// address the QR code holds."""
    return TOTPDevice(user=user, key=key, name=APP_NAME).config_url


@transaction.atomic
def confirm_app(user, key, code):
    """Record the app with secret ``key`` as the user's, if ``code`` is its current
    code; returns the new device, or None for a wrong code. Any earlier app and
    backup codes go; new backup codes are made (``backup_codes``)."""
    device = TOTPDevice(user=user, key=key, name=APP_NAME, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    code = normalise_code(code)
    if not APP_CODE.fullmatch(code) or not totp.verify(int(code), device.tolerance):
        return None
    remove_devices(user)
    device.last_t = totp.t()  # this code may not be used again to sign in
    device.drift = totp.drift
    device.save()
    return device


@transaction.atomic
def make_backup_codes(user):
    """New backup codes for the user (any old ones stop working); returns them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    tokens = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=t) for t in tokens)
    return tokens


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def verify_code(user, code):
    """The device that accepts ``code`` (an app's 6 digits, or a backup code, used
    up), or None. Raises CodeNotAllowedYet while the device is throttled."""
    code = normalise_code(code)
    model = TOTPDevice if APP_CODE.fullmatch(code) else StaticDevice
    devices = list(model.objects.select_for_update().filter(user=user, confirmed=True))
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed:
            raise CodeNotAllowedYet((data or {}).get("locked_until"))
    for device in devices:
        if device.verify_token(code):
            return device
    return None


@transaction.atomic
def remove_devices(user):
    """Remove the user's app and backup codes; returns how many devices went."""
    apps, _ = TOTPDevice.objects.filter(user=user).delete()
    codes = StaticDevice.objects.filter(user=user)
    count = codes.count()
    codes.delete()
    return apps + count
