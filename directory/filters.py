"""The public directory's filters, search and order: a GET form the page reads."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from sharing.text import PlainTextField

from .models import Account, Organisation, OrganisationType, Platform

MAX_QUERY_CHARS = 200

SORTS = {
    "name": (_("Name, A to Z"), ["name", "pk"]),
    "-name": (_("Name, Z to A"), ["-name", "-pk"]),
    "place": (_("Country, region and city"), ["country", "region", "city", "name", "pk"]),
    "recent": (_("Recently added or updated"), ["-updated_at", "-pk"]),
}


class DirectoryFilterForm(forms.Form):
    """Every field is optional; a value that is not one of the choices is reported next to
    its field and left out of the filtering (never a server error)."""

    q = PlainTextField(
        single_line=True,
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        help_text=_("A name, a city or a handle."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *OrganisationType.choices],
    )
    platform = forms.ChoiceField(
        label=_("Platform"),
        required=False,
        choices=[("", _("All platforms")), *Platform.choices],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the countries and regions that have an organisation: two queries.
        codes = set(Organisation.objects.order_by().values_list("country", flat=True).distinct())
        names = dict(countries)
        self.fields["country"].choices = [
            ("", _("All countries")),
            *sorted(((code, names.get(code, code)) for code in codes), key=lambda c: c[1]),
        ]
        regions = Organisation.objects.exclude(region="").order_by("region")
        country = self.data.get("country", "")
        if country in codes:
            regions = regions.filter(country=country)
        self.fields["region"].choices = [
            ("", _("All regions")),
            *((name, name) for name in regions.values_list("region", flat=True).distinct()),
        ]

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]

    def value(self, name):
        """A field's valid value, or "" if it was left empty or is not valid."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""

    @property
    def is_filtering(self):
        return any(self.value(name) for name in ("q", "country", "region", "type", "platform"))

    def filter(self, organisations):
        """``organisations`` narrowed to the valid filters and the search, in the chosen order."""
        if country := self.value("country"):
            organisations = organisations.filter(country=country)
        if region := self.value("region"):
            organisations = organisations.filter(region=region)
        if kind := self.value("type"):
            organisations = organisations.filter(type=kind)
        if platform := self.value("platform"):
            organisations = organisations.filter(
                Exists(Account.objects.filter(organisation=OuterRef("pk"), platform=platform))
            )
        if query := self.value("q"):
            handle = query.lstrip("@")
            organisations = organisations.filter(
                Q(name__icontains=query)
                | Q(city__icontains=query)
                | Q(region__icontains=query)
                | Exists(
                    Account.objects.filter(organisation=OuterRef("pk"), handle__icontains=handle)
                )
            )
        _label, order = SORTS.get(self.value("sort"), SORTS["name"])
        return organisations.order_by(*order)

    def accounts_of(self, organisations):
        """The accounts the listed organisations have (on the chosen platform, if one is)."""
        accounts = Account.objects.filter(organisation__in=organisations.order_by().values("pk"))
        if platform := self.value("platform"):
            accounts = accounts.filter(platform=platform)
        return accounts
