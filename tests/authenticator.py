"""What an authenticator app shows: the codes of a TOTP secret (django-otp's own
implementation of RFC 6238, not a copy)."""

import time
from binascii import unhexlify

from django_otp.oath import totp


def code_for(key):
    """The code an app holding this secret (hex, as TOTPDevice stores it) shows now."""
    return f"{totp(unhexlify(key)):06d}"


def next_code(device):
    """The code the device takes next: the current step's, or, if that one was used
    (to confirm the app, say), the next step's, as the app shows it a little later."""
    device.refresh_from_db()
    now = int(time.time()) // device.step
    return code_at(device, max(device.last_t + 1, now + device.drift))


def used_code(device):
    """The code the device took last."""
    device.refresh_from_db()
    return code_at(device, device.last_t)


def code_at(device, step):
    now = int(time.time()) // device.step
    return f"{totp(device.bin_key, drift=step - now):06d}"
