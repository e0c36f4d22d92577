from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import StoryPage


class LatestStoriesFeed(Feed):
    """An Atom feed of the newest published stories."""

    feed_type = Atom1Feed
    link = "/"
    limit = 20

    def title(self):
        return _("%(site_name)s: latest stories") % {"site_name": settings.WAGTAIL_SITE_NAME}

    def subtitle(self):
        return _("Stories of care from patients, families and staff.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def items(self):
        return StoryPage.objects.live().public().order_by("-first_published_at")[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return str(item.author_label)
