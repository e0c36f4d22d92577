"""Requests with NUL bytes: no database can store or compare them (PostgreSQL
refuses them), and no person types them."""

from django.http import HttpResponseNotFound, QueryDict


class NulByteMiddleware:
    """A path with a NUL byte is not found; NUL bytes in query parameters are dropped
    before any view (or Wagtail's redirect lookup) reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound("Not found")
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or "\x00" in value for key, value in request.GET.items()
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
