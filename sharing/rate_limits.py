"""How often a client has used one of the public forms: one helper for every form's
rate limit (django-ratelimit's counters, kept in the cache)."""

import logging

from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


def form_usage(request, *, group, rate, what, key="ip", increment=False, staff_exempt=True):
    """The client's use of the limit ``group`` at ``rate``, as django-ratelimit counts
    it (``count``, ``limit``, ``should_limit``), for the POSTs of one form.

    None, meaning no limit, for signed-in staff when ``staff_exempt`` (they share the
    hospital's address with its patients and visitors), and when the cache that counts
    cannot be reached: nothing a person sends is refused, or fails, because the cache
    is down. ``what`` names what is limited, in the warning logged then."""
    user = request.user
    if staff_exempt and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    try:
        return get_usage(
            request, group=group, key=key, rate=rate, method="POST", increment=increment
        )
    except Exception:
        logger.warning(
            "Rate limiting of %s is off: the cache cannot be reached", what, exc_info=True
        )
        return None


def limit_reached(usage):
    """Whether a usage from ``form_usage`` says the limit is used up (the next post
    would be one too many)."""
    return bool(usage and usage["count"] >= usage["limit"])
