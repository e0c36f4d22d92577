"""What a moderator sees of a proposal: the diff against what is published, and the
automatic checks (a duplicate organisation, an account listed for another one, a work
email off the organisation's domain, an account address that no longer reads)."""

from django.db.models import Q
from django_countries import countries

from .models import Account, Organisation, OrganisationType, Platform
from .platforms import AccountUrlError, domains_match, email_domain, parse_account, site_domain

FIELD_LABELS = {
    "name": "Name",
    "type": "Type",
    "country": "Country",
    "region": "Region",
    "city": "City",
    "website": "Web site",
}


def _shown(field, value):
    if field == "type":
        return dict(OrganisationType.choices).get(value, value)
    if field == "country":
        return dict(countries).get(value, value)
    return value


def field_diff(proposal):
    """[{"label", "published", "proposed", "changed"}] for each field of the organisation."""
    published = proposal.organisation
    rows = []
    for field, label in FIELD_LABELS.items():
        proposed = proposal.proposed_organisation.get(field, "")
        before = ""
        if published is not None:
            before = published.country.code if field == "country" else getattr(published, field)
        rows.append(
            {
                "label": label,
                "published": _shown(field, before) if published is not None else None,
                "proposed": _shown(field, proposed),
                "changed": published is None or before != proposed,
            }
        )
    return rows


def account_diff(proposal):
    """The accounts, each "added", "kept" or "removed" against the published entry."""
    platforms = dict(Platform.choices)
    published = {}
    if proposal.organisation is not None:
        published = {account.url: account for account in proposal.organisation.accounts.all()}
    rows = []
    for account in proposal.proposed_accounts:
        rows.append(
            {
                "platform": platforms.get(account["platform"], account["platform"]),
                "url": account["url"],
                "handle": account["handle"],
                "change": "kept" if account["url"] in published else "added",
            }
        )
    proposed_urls = {account["url"] for account in proposal.proposed_accounts}
    for url, account in published.items():
        if url not in proposed_urls:
            rows.append(
                {
                    "platform": account.get_platform_display(),
                    "url": url,
                    "handle": account.handle,
                    "change": "removed",
                }
            )
    return rows


def automatic_checks(proposal):
    """[{"ok": bool, "message": str}]: what a moderator should look at twice."""
    checks = []
    organisation = proposal.proposed_organisation
    others = Organisation.objects.exclude(pk=proposal.organisation_id)
    same_name = list(
        others.filter(name__iexact=organisation.get("name", "")).values_list("name", "slug")
    )
    if same_name:
        checks.append(
            {
                "ok": False,
                "message": "An organisation of the same name is listed already: "
                + ", ".join(f"{name} ({slug})" for name, slug in same_name),
            }
        )
    else:
        checks.append({"ok": True, "message": "No other organisation of this name is listed."})

    urls = [account["url"] for account in proposal.proposed_accounts]
    taken = (
        Account.objects.filter(url__in=urls)
        .exclude(organisation_id=proposal.organisation_id)
        .select_related("organisation")
    )
    for account in taken:
        checks.append(
            {
                "ok": False,
                "message": f"{account.url} is listed for another organisation: "
                f"{account.organisation.name}.",
            }
        )
    if not taken:
        checks.append({"ok": True, "message": "No account is listed for another organisation."})

    malformed = []
    for account in proposal.proposed_accounts:
        try:
            parse_account(account["platform"], account["url"])
        except AccountUrlError as error:
            malformed.append(f"{account['url']}: {error}")
    if malformed:
        checks.extend({"ok": False, "message": message} for message in malformed)
    else:
        checks.append({"ok": True, "message": "Every account address is well formed."})

    email_host = email_domain(proposal.representative_email)
    website_host = site_domain(organisation.get("website", ""))
    if domains_match(email_host, website_host):
        checks.append(
            {
                "ok": True,
                "message": f"The work email's domain ({email_host}) is the web site's.",
            }
        )
    else:
        checks.append(
            {
                "ok": False,
                "message": f"The work email's domain ({email_host or 'none'}) is not the web "
                f"site's ({website_host or 'none'}): check that the sender works there.",
            }
        )
    return checks


def pending_duplicates(proposal):
    """Other proposals waiting for the same name or organisation."""
    from .models import Proposal

    name = proposal.proposed_organisation.get("name", "")
    condition = Q(data__organisation__name__iexact=name)
    if proposal.organisation_id:
        condition |= Q(organisation_id=proposal.organisation_id)
    return (
        Proposal.objects.filter(state=Proposal.State.RECEIVED)
        .filter(condition)
        .exclude(pk=proposal.pk)
    )
