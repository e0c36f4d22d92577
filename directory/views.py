"""The representative's public pages: the proposal form, and the private status page
reached through the link they are sent."""

import csv
import functools
import logging

from django.conf import settings
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sharing.client_ip import client_ip
from sharing.rate_limits import form_usage, limit_reached

from .forms import ProposalForm, initial_for
from .models import DirectoryPage, Organisation, Proposal
from .opendata import csv_rows, json_document
from .services import find_proposal, resubmit_proposal, status_token, submit_proposal

logger = logging.getLogger(__name__)

PROPOSAL_RATE_GROUP = "directory.propose"
PERSON_FIELDS = ("representative_name", "representative_role", "representative_email")


def proposal_usage(request, increment=False):
    """The client's use of the proposal rate limit (``sharing.rate_limits``)."""
    return form_usage(
        request,
        group=PROPOSAL_RATE_GROUP,
        rate=settings.DIRECTORY_PROPOSAL_RATE,
        what="directory proposals",
        increment=increment,
    )


def rate_limited(request):
    return limit_reached(proposal_usage(request))


RATE_LIMITED = (
    "You have sent several proposals from this connection in the last hour. Please wait "
    "an hour and send this one again: nothing you typed is lost."
)


def private_page(view):
    """A page reached through a representative's secret link: never cached, never leaked
    to another site in a Referer header (as the stories' status pages)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapper)


def person_of(form):
    return {name: form.cleaned_data[name] for name in PERSON_FIELDS}


def render_form(request, form, status, **context):
    context = {
        "form": form,
        "directory": DirectoryPage.objects.live().first(),
        **context,
    }
    return render(request, "directory/propose.html", context, status=status)


@require_http_methods(["GET", "POST"])
def propose(request):
    """The public form: a new organisation, or (``?organisation=<slug>``) an update."""
    slug = request.POST.get("organisation") or request.GET.get("organisation", "")
    organisation = Organisation.objects.filter(slug=slug[:80]).first() if slug else None
    if request.method == "POST":
        form = ProposalForm(request.POST, organisation=organisation)
        if rate_limited(request):
            # Refused before the screen reads anything; what they typed stays on the page.
            form.is_valid()
            form.add_error(None, _(RATE_LIMITED))
            return render_form(request, form, 429, organisation=organisation)
        if form.is_valid():
            proposal = submit_proposal(
                form.proposed_data(),
                person_of(form),
                organisation=organisation,
                ip_address=client_ip(request),
                consent=form.consent,
            )
            proposal_usage(request, increment=True)
            return redirect("directory:received", token=status_token(proposal))
        return render_form(request, form, 400, organisation=organisation)
    return render_form(
        request, ProposalForm(organisation=organisation), 200, organisation=organisation
    )


def get_proposal(token):
    proposal = find_proposal(token)
    if proposal is None:
        raise Http404("No proposal with this link.")
    return proposal


@private_page
def proposal_received(request, token):
    proposal = get_proposal(token)
    return render(
        request, "directory/proposal_received.html", {"proposal": proposal, "token": token}
    )


@private_page
def proposal_status(request, token):
    proposal = get_proposal(token)
    directory = DirectoryPage.objects.live().first()
    entry_url = None
    if proposal.state == Proposal.State.APPROVED and proposal.organisation and directory:
        entry_url = directory.url + directory.reverse_subpage(
            "organisation", args=[proposal.organisation.slug]
        )
    context = {"proposal": proposal, "token": token, "entry_url": entry_url}
    return render(request, "directory/proposal_status.html", context)


@private_page
@require_http_methods(["GET", "POST"])
def update_proposal(request, token):
    """Through the private link: change the proposal when a moderator asked for it, or,
    once decided, propose a new version of the entry (a new proposal, reviewed again)."""
    proposal = get_proposal(token)
    if not (proposal.can_be_edited or proposal.can_propose_update):
        return redirect("directory:status", token=token)
    organisation = proposal.organisation
    if proposal.can_be_edited:
        initial_from = {"proposal": proposal}
    elif organisation is not None:
        initial_from = {"organisation": organisation}
    else:
        initial_from = {"proposal": proposal}
    if request.method == "POST":
        form = ProposalForm(request.POST, organisation=organisation, proposal=proposal)
        if rate_limited(request):
            form.is_valid()
            form.add_error(None, _(RATE_LIMITED))
            return render_form(request, form, 429, proposal=proposal, token=token)
        if form.is_valid():
            if proposal.can_be_edited:
                resubmit_proposal(
                    proposal, form.proposed_data(), person_of(form), consent=form.consent
                )
                return redirect("directory:status", token=token)
            new = submit_proposal(
                form.proposed_data(),
                person_of(form),
                organisation=organisation,
                ip_address=client_ip(request),
                consent=form.consent,
            )
            proposal_usage(request, increment=True)
            return redirect("directory:received", token=status_token(new))
        return render_form(request, form, 400, proposal=proposal, token=token)
    form = ProposalForm(
        organisation=organisation,
        proposal=proposal,
        initial=_initial(initial_from, proposal),
    )
    return render_form(request, form, 200, proposal=proposal, token=token)


def _initial(initial_from, proposal):
    values = initial_for(initial_from.get("organisation"), initial_from.get("proposal"))
    for name in PERSON_FIELDS:
        values[name] = getattr(proposal, name)
    return values


class _Echo:
    """A file that hands back what is written to it, for streaming csv.writer's rows."""

    def write(self, value):
        return value


def export_csv(request):
    """The published directory as CSV (``directory.opendata``), streamed."""
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in csv_rows()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="health-care-social-media-list.csv"'
    return response


def export_json(request):
    """The published directory as JSON (``directory.opendata``)."""
    response = JsonResponse(json_document(), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'inline; filename="health-care-social-media-list.json"'
    return response
