"""The address of an account on a social-media platform: checked, its handle read,
and written one way, so that the same account typed twice is the same row.

Plain Python, no Django::

    parse_account("x", "https://mobile.twitter.com/StMarysExample?lang=en")
    # ParsedAccount(platform="x", url="https://x.com/stmarysexample", handle="@StMarysExample")

A mistake raises ``AccountUrlError`` with a message for the person who typed it
(the wrong domain for the platform, a post instead of an account, no address).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = [
    "HANDLE_PLATFORMS",
    "MAX_URL_LENGTH",
    "PLATFORMS",
    "AccountUrlError",
    "ParsedAccount",
    "detect_platform",
    "domains_match",
    "email_domain",
    "normalise_website",
    "parse_account",
    "site_domain",
]

#: Every platform an account can be on: id (stored) and name (shown).
PLATFORMS = {
    "x": "X (Twitter)",
    "facebook": "Facebook",
    "youtube": "YouTube",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "blog": "Blog",
    "podcast": "Podcast",
    "other": "Other website",
}

#: The platforms whose accounts can be given as a bare "@handle".
HANDLE_PLATFORMS = ("x", "instagram", "tiktok", "youtube")

MAX_URL_LENGTH = 500

# Each platform's domains (the first is the one addresses are written with) and the
# prefixes of its hosts that lead to the same pages.
_DOMAINS = {
    "x": ("x.com", "twitter.com"),
    "facebook": ("facebook.com", "fb.com"),
    "youtube": ("youtube.com", "youtu.be"),
    "instagram": ("instagram.com", "instagr.am"),
    "linkedin": ("linkedin.com",),
    "tiktok": ("tiktok.com",),
}
_CANONICAL_HOSTS = {
    "x": "x.com",
    "facebook": "www.facebook.com",
    "youtube": "www.youtube.com",
    "instagram": "www.instagram.com",
    "linkedin": "www.linkedin.com",
    "tiktok": "www.tiktok.com",
}
_HOST_PREFIXES = ("www.", "m.", "mobile.")
# Query parameters that only say where a visitor came from.
_TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|igshid|igsh|mc_cid|mc_eid)$")

_X_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_X_RESERVED = {
    "home",
    "i",
    "intent",
    "share",
    "search",
    "hashtag",
    "explore",
    "messages",
    "notifications",
    "settings",
    "login",
    "signup",
}
_FACEBOOK_NAME = re.compile(r"^[A-Za-z0-9.\-]{2,50}$")
_FACEBOOK_RESERVED = {
    "groups",
    "events",
    "watch",
    "share",
    "sharer",
    "sharer.php",
    "login",
    "login.php",
    "photo.php",
    "photo",
    "photos",
    "permalink.php",
    "story.php",
    "hashtag",
    "marketplace",
    "gaming",
    "reel",
    "search",
}
_YOUTUBE_HANDLE = re.compile(r"^@[A-Za-z0-9._\-]{3,30}$")
_YOUTUBE_CHANNEL = re.compile(r"^UC[A-Za-z0-9_\-]{22}$")
_YOUTUBE_NAME = re.compile(r"^[A-Za-z0-9._\-]{1,100}$")
_YOUTUBE_VIDEO = {"watch", "shorts", "embed", "live", "playlist", "results", "feed", "v"}
_YOUTUBE_TABS = {
    "featured",
    "videos",
    "shorts",
    "streams",
    "playlists",
    "community",
    "about",
    "podcasts",
    "releases",
    "posts",
}
_INSTAGRAM_NAME = re.compile(r"^[A-Za-z0-9._]{1,30}$")
_INSTAGRAM_RESERVED = {"p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct"}
_LINKEDIN_KINDS = ("company", "school", "showcase", "in")
_LINKEDIN_SLUG = re.compile(r"^[A-Za-z0-9%._\-]{1,100}$")
_TIKTOK_NAME = re.compile(r"^@[A-Za-z0-9._]{2,24}$")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


class AccountUrlError(ValueError):
    """Why an address cannot be an account's, in words for the person who typed it."""


@dataclass(frozen=True, slots=True)
class ParsedAccount:
    platform: str
    url: str
    handle: str


def parse_account(platform: str, text: str) -> ParsedAccount:
    """The account at ``text`` (an address, or "@handle" on ``HANDLE_PLATFORMS``) on
    ``platform`` (a key of ``PLATFORMS``), its address written one way."""
    if platform not in PLATFORMS:
        raise AccountUrlError("Please choose one of the platforms in the list.")
    text = (text or "").strip()
    if not text:
        raise AccountUrlError("Please give the account's address.")
    if text.startswith("@") and platform in HANDLE_PLATFORMS:
        text = _handle_url(platform, text)
    parts = _split(text)
    host = _bare_host(parts.hostname)
    if platform in _DOMAINS:
        if not _on_domains(host, _DOMAINS[platform]):
            raise AccountUrlError(_wrong_domain(platform, host))
        segments = [segment for segment in parts.path.split("/") if segment]
        return _PARSERS[platform](host, segments, parts.query)
    other = detect_platform(text)
    if other is not None:
        raise AccountUrlError(
            f"This is an address on {PLATFORMS[other]}: please choose {PLATFORMS[other]} "
            "as the platform."
        )
    return ParsedAccount(platform, _generic_url(parts), host)


def detect_platform(text: str) -> str | None:
    """The platform whose domain ``text`` is on, or None (a blog, a web site, nonsense)."""
    try:
        host = _bare_host(_split(text.strip()).hostname)
    except AccountUrlError:
        return None
    for platform, domains in _DOMAINS.items():
        if _on_domains(host, domains):
            return platform
    return None


def normalise_website(text: str) -> str:
    """An organisation's web site, checked and written one way (``https://example.org/``)."""
    text = (text or "").strip()
    if not text:
        raise AccountUrlError("Please give the web site's address.")
    parts = _split(text)
    return _generic_url(parts)


def site_domain(url: str) -> str:
    """The host of ``url`` without its "www.": ``https://www.example.org/x`` → ``example.org``."""
    try:
        return _bare_host(_split(url).hostname)
    except AccountUrlError:
        return ""


def email_domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower() if "@" in (address or "") else ""


def domains_match(email_host: str, site_host: str) -> bool:
    """Whether a work address's domain is the site's, or one is under the other
    (``mail.stmarys.example.org`` and ``stmarys.example.org``)."""
    if not email_host or not site_host:
        return False
    return (
        email_host == site_host
        or email_host.endswith("." + site_host)
        or site_host.endswith("." + email_host)
    )


# Reading an address


def _handle_url(platform, handle):
    name = handle.lstrip("@")
    host = _CANONICAL_HOSTS[platform]
    if platform in ("tiktok", "youtube"):
        return f"https://{host}/@{name}"
    return f"https://{host}/{name}"


def _split(text):
    if len(text) > MAX_URL_LENGTH:
        raise AccountUrlError(f"An address can be at most {MAX_URL_LENGTH} characters.")
    if _SPACE_OR_CONTROL.search(text):
        raise AccountUrlError("An address has no spaces in it: please check it.")
    if "://" not in text:
        if text.startswith("//"):
            text = "https:" + text
        elif re.match(r"^[^/?#:@]+\.[^/?#:@]+([/?#]|$)", text):
            text = "https://" + text
        else:
            raise AccountUrlError(
                "This is not a web address: it should look like https://example.org/."
            )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise AccountUrlError("This web address is not well formed: please check it.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise AccountUrlError("Only web addresses (starting https://) can be listed.")
    if parts.username is not None or parts.password is not None:
        raise AccountUrlError("A web address with a user name or password in it cannot be listed.")
    if port is not None and port not in (80, 443):
        raise AccountUrlError("Please give the address without a port number.")
    _check_host(parts.hostname or "")
    return parts


def _check_host(host):
    if not host:
        raise AccountUrlError("This web address has no site name: please check it.")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        raise AccountUrlError("Please give the site's name, not its IP address.")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise AccountUrlError("This site name is not well formed: please check it.") from None
    labels = ascii_host.lower().rstrip(".").split(".")
    if (
        len(labels) < 2
        or not all(_HOST_LABEL.match(label) for label in labels)
        or not _TOP_LEVEL.match(labels[-1])
    ):
        raise AccountUrlError("This site name is not well formed: please check it.")


def _bare_host(host):
    host = (host or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _on_domains(host, domains):
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def _wrong_domain(platform, host):
    other = next(
        (name for name, domains in _DOMAINS.items() if _on_domains(host, domains)),
        None,
    )
    if other is not None:
        return (
            f"This is an address on {PLATFORMS[other]}, not {PLATFORMS[platform]}: please "
            f"choose {PLATFORMS[other]} as the platform, or give the {PLATFORMS[platform]} address."
        )
    return (
        f"This is not an address on {PLATFORMS[platform]}: {PLATFORMS[platform]} addresses "
        f"start with https://{_CANONICAL_HOSTS[platform]}/."
    )


def _generic_url(parts):
    host = (parts.hostname or "").lower().rstrip(".")
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if path != "/":
        path = path.rstrip("/") or "/"
    query = _without_tracking(parts.query)
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def _without_tracking(query):
    if not query:
        return ""
    kept = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _TRACKING.match(key.lower())
    ]
    return urlencode(kept)


def _account_only(platform, account_url):
    return AccountUrlError(
        f"This is the address of a post or a page within {PLATFORMS[platform]}, not of an "
        f"account: please give the account's own address, such as {account_url}."
    )


# One parser a platform: (host, path segments, query) → ParsedAccount


def _x(host, segments, query):
    example = "https://x.com/stmarysexample"
    if not segments:
        raise AccountUrlError(f"Please give the account's address, such as {example}.")
    name = segments[0].lstrip("@")
    if name.lower() in _X_RESERVED or not _X_HANDLE.match(name):
        raise _account_only("x", example)
    if len(segments) > 1 and segments[1] not in ("with_replies", "media", "likes"):
        raise _account_only("x", f"https://x.com/{name.lower()}")
    return ParsedAccount("x", f"https://x.com/{name.lower()}", f"@{name}")


def _facebook(host, segments, query):
    example = "https://www.facebook.com/stmarysexample"
    if not segments:
        raise AccountUrlError(f"Please give the page's address, such as {example}.")
    if segments[0] == "profile.php":
        page_id = dict(parse_qsl(query)).get("id", "")
        if not page_id.isascii() or not page_id.isdigit():
            raise AccountUrlError(
                "This Facebook address has no page number (profile.php?id=…): please check it."
            )
        return ParsedAccount(
            "facebook", f"https://www.facebook.com/profile.php?id={page_id}", page_id
        )
    if segments[0] == "pages" and len(segments) >= 2:
        page_id = segments[-1]
        if page_id.isascii() and page_id.isdigit():
            return ParsedAccount("facebook", f"https://www.facebook.com/{page_id}", page_id)
        raise _account_only("facebook", example)
    name = segments[0]
    if name.lower() in _FACEBOOK_RESERVED or not _FACEBOOK_NAME.match(name):
        raise _account_only("facebook", example)
    if len(segments) > 1 and segments[1] not in ("about", "posts", "photos", "videos"):
        raise _account_only("facebook", f"https://www.facebook.com/{name.lower()}")
    return ParsedAccount("facebook", f"https://www.facebook.com/{name.lower()}", name)


def _youtube(host, segments, query):
    example = "https://www.youtube.com/@stmarysexample"
    if host == "youtu.be" or host.endswith(".youtu.be"):
        raise _account_only("youtube", example)
    if not segments:
        raise AccountUrlError(f"Please give the channel's address, such as {example}.")
    first = segments[0]
    rest = segments[1:]
    if first.startswith("@"):
        if not _YOUTUBE_HANDLE.match(first):
            raise AccountUrlError("This YouTube handle is not well formed: please check it.")
        path, handle = first.lower(), first
    elif first in ("channel", "c", "user") and rest:
        name = rest[0]
        pattern = _YOUTUBE_CHANNEL if first == "channel" else _YOUTUBE_NAME
        if not pattern.match(name):
            raise AccountUrlError("This YouTube channel's address is not well formed.")
        path, handle, rest = f"{first}/{name}", name, rest[1:]
    elif first.lower() in _YOUTUBE_VIDEO or first in ("channel", "c", "user"):
        raise _account_only("youtube", example)
    elif _YOUTUBE_NAME.match(first):
        path, handle = first, first
    else:
        raise _account_only("youtube", example)
    if rest and rest[0] not in _YOUTUBE_TABS:
        raise _account_only("youtube", f"https://www.youtube.com/{path}")
    return ParsedAccount("youtube", f"https://www.youtube.com/{path}", handle)


def _instagram(host, segments, query):
    example = "https://www.instagram.com/stmarysexample/"
    if not segments:
        raise AccountUrlError(f"Please give the account's address, such as {example}.")
    name = segments[0].lstrip("@")
    if name.lower() in _INSTAGRAM_RESERVED or not _INSTAGRAM_NAME.match(name):
        raise _account_only("instagram", example)
    if len(segments) > 1 and segments[1] not in ("reels", "tagged"):
        raise _account_only("instagram", f"https://www.instagram.com/{name.lower()}/")
    return ParsedAccount("instagram", f"https://www.instagram.com/{name.lower()}/", f"@{name}")


def _linkedin(host, segments, query):
    example = "https://www.linkedin.com/company/stmarysexample/"
    if len(segments) < 2 or segments[0] not in _LINKEDIN_KINDS:
        raise _account_only("linkedin", example)
    kind, slug = segments[0], segments[1]
    if not _LINKEDIN_SLUG.match(slug):
        raise AccountUrlError("This LinkedIn address is not well formed: please check it.")
    return ParsedAccount("linkedin", f"https://www.linkedin.com/{kind}/{slug.lower()}/", slug)


def _tiktok(host, segments, query):
    example = "https://www.tiktok.com/@stmarysexample"
    if not segments or not segments[0].startswith("@"):
        raise _account_only("tiktok", example)
    name = segments[0]
    if not _TIKTOK_NAME.match(name):
        raise AccountUrlError("This TikTok name is not well formed: please check it.")
    if len(segments) > 1:
        raise _account_only("tiktok", f"https://www.tiktok.com/{name.lower()}")
    return ParsedAccount("tiktok", f"https://www.tiktok.com/{name.lower()}", name)


_PARSERS = {
    "x": _x,
    "facebook": _facebook,
    "youtube": _youtube,
    "instagram": _instagram,
    "linkedin": _linkedin,
    "tiktok": _tiktok,
}
