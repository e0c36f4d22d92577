"""Akismet clients for tests, built on the akismet package's own test clients
(chosen with the AKISMET_CLIENT_CLASS setting)."""

import akismet
import httpx

#: (path, form data) of every request the test clients made to "Akismet".
requests = []


class _Recording:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._http_client.event_hooks = {"request": [self._record]}

    @staticmethod
    def _record(request):
        request.read()
        requests.append((request.url.path, dict(httpx.QueryParams(request.content.decode()))))


class HamClient(_Recording, akismet.TestSyncClient):
    comment_check_response = akismet.CheckResponse.HAM


class SpamClient(_Recording, akismet.TestSyncClient):
    comment_check_response = akismet.CheckResponse.SPAM


def _refuse(request):
    raise httpx.ConnectError("Connection refused", request=request)


class UnreachableClient(akismet.SyncClient):
    """The real client, on a network where Akismet cannot be reached."""

    def __init__(self, config=None, http_client=None):
        super().__init__(
            config=config, http_client=httpx.Client(transport=httpx.MockTransport(_refuse))
        )


def _fail(request):
    return httpx.Response(500, text="Internal Server Error", request=request)


class ErroringClient(akismet.SyncClient):
    """The real client, with Akismet answering every request with a server error."""

    def __init__(self, config=None, http_client=None):
        super().__init__(
            config=config, http_client=httpx.Client(transport=httpx.MockTransport(_fail))
        )
