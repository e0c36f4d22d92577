from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from .models import StoryPage, story_cards

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search published stories (Wagtail search)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        stories = story_cards(StoryPage.objects.live().public()).search(query)
        paginator = Paginator(stories, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return render(request, "stories/search.html", {"query": query, "results": results})
