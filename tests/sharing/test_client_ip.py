from django.test import RequestFactory

from sharing.client_ip import client_ip


def request(remote="10.0.0.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_the_client_is_the_remote_address(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded="203.0.113.9")) == "10.0.0.5"


def test_behind_one_proxy_the_client_is_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded="198.51.100.1, 203.0.113.9")) == "203.0.113.9"


def test_a_forged_or_missing_header_falls_back_to_the_remote_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded="203.0.113.9")) == "10.0.0.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded="not-an-address")) == "10.0.0.5"


def test_rate_limits_tell_clients_behind_a_proxy_apart(client, settings, story_index):
    from django.core.cache import cache

    from tests.factories import story_form_data as story_data
    from tests.stories.test_submission import SHARE_URL

    cache.clear()
    settings.TRUSTED_PROXY_COUNT, settings.SUBMISSION_RATE = 1, "1/h"
    first = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    second = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.10"}

    assert client.post(SHARE_URL, story_data(), **first).status_code == 302
    assert client.post(SHARE_URL, story_data(), **first).status_code == 429
    assert client.post(SHARE_URL, story_data(), **second).status_code == 302
    cache.clear()
