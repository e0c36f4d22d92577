"""The client's IP address, for rate limits, spam checks and hashed records.

Behind N trusted reverse proxies (settings.TRUSTED_PROXY_COUNT), REMOTE_ADDR is
the nearest proxy; the client is the N-th address from the right of
X-Forwarded-For, the last one a proxy we trust wrote. Addresses further left
are whatever the client sent, and are never believed.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
