"""The representative's form: an organisation, its accounts, who is sending it, consent.

Everything is checked here, on the server; each mistake is reported at its field.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from sharing.formats import grouped
from sharing.text import PlainTextField

from .consent import current_consent
from .models import NAME_MAX_CHARS, PLACE_MAX_CHARS, OrganisationType, Platform
from .platforms import MAX_URL_LENGTH, AccountUrlError, normalise_website, parse_account

ACCOUNT_ROWS = 6  # rows offered for a new organisation
MAX_ACCOUNT_ROWS = 20
PERSON_MAX_CHARS = 120


def too_long(what, limit):
    return format_lazy(
        _("{what} can be at most {limit} characters (it has %(show_value)s)."),
        what=what,
        limit=grouped(limit),
    )


class ProposalForm(forms.Form):
    """A new organisation, or an update of a published one (``organisation``: its
    published values are the form's initial values)."""

    name = PlainTextField(
        single_line=True,
        label=_("Name of the organisation"),
        max_length=NAME_MAX_CHARS,
        error_messages={"max_length": too_long(_("Names"), NAME_MAX_CHARS)},
    )
    type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("Choose a type")), *OrganisationType.choices],
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("Choose a country")), *countries]
    )
    region = PlainTextField(
        single_line=True,
        label=_("Region, state or province (optional)"),
        required=False,
        max_length=PLACE_MAX_CHARS,
        error_messages={"max_length": too_long(_("Regions"), PLACE_MAX_CHARS)},
    )
    city = PlainTextField(
        single_line=True,
        label=_("City (optional)"),
        required=False,
        max_length=PLACE_MAX_CHARS,
        error_messages={"max_length": too_long(_("Cities"), PLACE_MAX_CHARS)},
    )
    organisation_website = forms.CharField(
        label=_("The organisation's web site"),
        max_length=MAX_URL_LENGTH,
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
        help_text=_("Such as https://www.example.org/. Your work email should be on its domain."),
        error_messages={"max_length": too_long(_("Web addresses"), MAX_URL_LENGTH)},
    )

    representative_name = PlainTextField(
        single_line=True,
        label=_("Your name"),
        max_length=PERSON_MAX_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Never published."),
        error_messages={"max_length": too_long(_("Names"), PERSON_MAX_CHARS)},
    )
    representative_role = PlainTextField(
        single_line=True,
        label=_("Your role at the organisation"),
        max_length=PERSON_MAX_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        help_text=_("Such as “Social media manager”. Never published."),
        error_messages={"max_length": too_long(_("Roles"), PERSON_MAX_CHARS)},
    )
    representative_email = forms.EmailField(
        label=_("Your work email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "work email"}),
        help_text=_(
            "Never published. We use it only to tell you what happens to this entry, and "
            "check that it is on the organisation's domain."
        ),
    )
    # Labelled in __init__ with the consent of the active language (directory.consent).
    consent = forms.BooleanField()
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    error_messages = {
        "consent": _("Please tick the box to agree, or we cannot list the organisation."),
        "honeypot": _("Your proposal could not be accepted. Please try again."),
        "no_accounts": _("Please give at least one account: a platform and its address."),
        "no_platform": _("Please choose the platform of this account."),
        "no_url": _("Please give this account's address."),
        "repeated": _("This account is already above: please give it once."),
    }

    def __init__(self, *args, organisation=None, proposal=None, **kwargs):
        self.organisation = organisation
        if (organisation is not None or proposal is not None) and not kwargs.get("initial"):
            kwargs["initial"] = initial_for(organisation, proposal)
        super().__init__(*args, **kwargs)
        self.consent = current_consent()
        self.fields["consent"].label = self.consent.text
        self.fields["consent"].error_messages["required"] = self.error_messages["consent"]
        known = len(proposal.proposed_accounts) if proposal is not None else 0
        if organisation is not None:
            known = max(known, len(organisation.sorted_accounts()))
        self.rows = min(MAX_ACCOUNT_ROWS, max(ACCOUNT_ROWS, known + 2))
        for row in range(1, self.rows + 1):
            self.fields[f"platform_{row}"] = forms.ChoiceField(
                label=format_lazy(_("Platform of account {row}"), row=row),
                required=False,
                choices=[("", _("Choose a platform")), *Platform.choices],
            )
            self.fields[f"url_{row}"] = forms.CharField(
                label=format_lazy(_("Address of account {row}"), row=row),
                required=False,
                max_length=MAX_URL_LENGTH,
                widget=forms.TextInput(attrs={"inputmode": "url"}),
                error_messages={"max_length": too_long(_("Web addresses"), MAX_URL_LENGTH)},
            )

    @property
    def account_rows(self):
        """(platform field, address field) for each row, for the template."""
        return [(self[f"platform_{row}"], self[f"url_{row}"]) for row in range(1, self.rows + 1)]

    def clean_organisation_website(self):
        try:
            return normalise_website(self.cleaned_data["organisation_website"])
        except AccountUrlError as error:
            raise ValidationError(str(error)) from None

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(self.error_messages["honeypot"], code="honeypot")
        accounts, seen, any_row = [], set(), False
        for row in range(1, self.rows + 1):
            platform_field, url_field = f"platform_{row}", f"url_{row}"
            if platform_field in self.errors or url_field in self.errors:
                any_row = True
                continue
            platform, url = data.get(platform_field, ""), (data.get(url_field) or "").strip()
            if not platform and not url:
                continue
            any_row = True
            if not platform:
                self.add_error(platform_field, self.error_messages["no_platform"])
                continue
            if not url:
                self.add_error(url_field, self.error_messages["no_url"])
                continue
            try:
                account = parse_account(platform, url)
            except AccountUrlError as error:
                self.add_error(url_field, str(error))
                continue
            if account.url in seen:
                self.add_error(url_field, self.error_messages["repeated"])
                continue
            seen.add(account.url)
            accounts.append(
                {"platform": account.platform, "url": account.url, "handle": account.handle}
            )
        if not any_row:
            self.add_error("platform_1", self.error_messages["no_accounts"])
        data["accounts"] = accounts
        return data

    def proposed_data(self):
        """What the proposal stores: the organisation's fields and the accounts."""
        data = self.cleaned_data
        return {
            "organisation": {
                "name": data["name"],
                "type": data["type"],
                "country": data["country"],
                "region": data["region"],
                "city": data["city"],
                "website": data["organisation_website"],
            },
            "accounts": data["accounts"],
        }


def initial_for(organisation=None, proposal=None):
    """The form's initial values: a proposal's (when changes were asked for) or a
    published organisation's."""
    if proposal is not None:
        fields = dict(proposal.proposed_organisation)
        accounts = proposal.proposed_accounts
        person = {
            "representative_name": proposal.representative_name,
            "representative_role": proposal.representative_role,
            "representative_email": proposal.representative_email,
        }
    else:
        fields = {
            "name": organisation.name,
            "type": organisation.type,
            "country": organisation.country.code,
            "region": organisation.region,
            "city": organisation.city,
            "website": organisation.website,
        }
        accounts = [
            {"platform": account.platform, "url": account.url}
            for account in organisation.sorted_accounts()
        ]
        person = {}
    initial = {**fields, "organisation_website": fields.pop("website", ""), **person}
    initial.pop("website", None)
    for row, account in enumerate(accounts[:MAX_ACCOUNT_ROWS], start=1):
        initial[f"platform_{row}"] = account["platform"]
        initial[f"url_{row}"] = account["url"]
    return initial
