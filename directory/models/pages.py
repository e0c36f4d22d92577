"""The public directory: a page editors place, listing the published organisations."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from sharing.formats import grouped
from sharing.sites import SiteRootURLMixin

from .entries import Organisation

ORGANISATIONS_PER_PAGE = 24


def directory_counts(organisations, accounts):
    """ "812 organisations, 2,431 accounts"."""
    return (
        ngettext("%(organisations)s organisation", "%(organisations)s organisations", organisations)
        % {"organisations": grouped(organisations)}
        + ", "
        + ngettext("%(accounts)s account", "%(accounts)s accounts", accounts)
        % {"accounts": grouped(accounts)}
    )


class DirectoryPage(SiteRootURLMixin, RoutablePageMixin, Page):
    """The Health Care Social Media List: organisations and their official accounts,
    filtered, searched, sorted and paged in a fixed number of queries, with a page for
    each organisation at ``organisations/<slug>/``."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("social media directory")

    @path("")
    def directory(self, request):
        from ..filters import DirectoryFilterForm

        form = DirectoryFilterForm(request.GET)
        form.is_valid()
        organisations = form.filter(Organisation.objects.all())
        paginator = Paginator(organisations.prefetch_related("accounts"), ORGANISATIONS_PER_PAGE)
        try:
            listed = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            listed = paginator.page(1)
        except EmptyPage:
            listed = paginator.page(paginator.num_pages)
        account_count = form.accounts_of(organisations).count()
        context = {
            "filter_form": form,
            "organisations": listed,
            "paginator": paginator,
            "counts": directory_counts(paginator.count, account_count),
            "is_filtering": form.is_filtering,
        }
        if request.GET:
            # Filtered and paged listings are for readers, not for search engines' indexes.
            context["meta_robots"] = "noindex, follow"
        return self.render(request, context_overrides=context)

    def get_sitemap_urls(self, request=None):
        """The directory, and the page of each organisation (one query for them all)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request).rstrip("/") + "/"
        for slug, updated_at in Organisation.objects.order_by("slug").values_list(
            "slug", "updated_at"
        ):
            urls.append(
                {
                    "location": base + self.reverse_subpage("organisation", args=[slug]),
                    "lastmod": updated_at,
                }
            )
        return urls

    @path("organisations/<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        organisation = Organisation.objects.prefetch_related("accounts").filter(slug=slug).first()
        if organisation is None:
            raise Http404("No organisation with this address.")
        return self.render(
            request,
            template="directory/organisation_page.html",
            context_overrides={
                "organisation": organisation,
                "accounts": organisation.sorted_accounts(),
                "organisation_url": self.get_full_url(request)
                + self.reverse_subpage("organisation", args=[organisation.slug]),
            },
        )
