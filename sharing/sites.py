"""The address a link to this site starts with: the scheme readers use, with the
site's host and port.

Wagtail builds a page's full address from its ``Site``: ``http://`` unless the
site's port is 443. Behind a proxy that serves HTTPS on another port
(``SITE_URL=https://stories.example.org:8443``, the proxy sending
``X-Forwarded-Proto: https`` and the Host with its port), every canonical link,
feed item, sitemap entry and robots.txt line came out ``http://``. Here the
host and port stay the site's (the request's Host never makes a link, so a
forged one cannot reach a cached page), and the scheme is

- ``SITE_URL``'s, when it names the site's host and port (mail and background
  tasks, which have no request, use ``SITE_URL`` directly: ``sharing.mail``);
- otherwise https when the request to the site's host is secure, as Django reads it
  (``SECURE_PROXY_SSL_HEADER``; the site itself is found by Wagtail from the
  request's host and port, which follows ``USE_X_FORWARDED_PORT``);
- otherwise Wagtail's.

Pages take it through ``SiteRootURLMixin`` (before ``Page`` in their bases).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port

DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_and_port(url):
    address = urlsplit(url)
    return address.hostname, address.port or DEFAULT_PORTS.get(address.scheme)


def root_url_for(wagtail_root_url, request=None):
    """The root URL to link with, for a site whose Wagtail root URL is ``wagtail_root_url``."""
    hostname, port = _host_and_port(wagtail_root_url)
    configured = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if _host_and_port(configured) == (hostname, port):
        return configured
    if (
        request is not None
        and request.is_secure()
        and split_domain_port(request.get_host())[0] == hostname
    ):
        return f"https://{hostname}" if port in (80, 443) else f"https://{hostname}:{port}"
    return wagtail_root_url


def site_root_url(site, request=None):
    """The root URL of the Wagtail ``site``, for a link made in ``request`` (or none)."""
    return root_url_for(site.root_url, request)


class SiteRootURLMixin:
    """A page whose full address (``full_url``, ``get_full_url``, feeds, sitemaps,
    the frontend cache's purges) starts as ``root_url_for`` says."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url_for(root_url, request), page_path
