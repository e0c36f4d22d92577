"""Factories for the directory's rows, and the data its public form posts."""

import factory

from directory.models import Account, DirectoryPage, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Riverside Clinic {n:03d}")
    slug = factory.Sequence(lambda n: f"riverside-clinic-{n:03d}")
    type = "clinic"
    country = "US"
    region = "Minnesota"
    city = "Rochester"
    website = factory.Sequence(lambda n: f"https://riverside{n:03d}.example.org/")


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account

    organisation = factory.SubFactory(OrganisationFactory)
    platform = "x"
    handle = factory.Sequence(lambda n: f"@riverside{n:04d}")
    url = factory.LazyAttribute(lambda o: f"https://x.com/{o.handle.lstrip('@').lower()}")


def organisation_with_accounts(**kwargs):
    organisation = OrganisationFactory(**kwargs)
    slug = f"riverside{organisation.pk}"
    AccountFactory(organisation=organisation, platform="x", handle=f"@{slug}")
    AccountFactory(
        organisation=organisation,
        platform="facebook",
        handle=slug,
        url=f"https://www.facebook.com/{slug}",
    )
    AccountFactory(
        organisation=organisation,
        platform="youtube",
        handle=f"@{slug}",
        url=f"https://www.youtube.com/@{slug}",
    )
    return organisation


def add_directory_page(home, **kwargs):
    kwargs.setdefault("title", "Health Care Social Media List")
    kwargs.setdefault("slug", "social-media-list")
    page = DirectoryPage(**kwargs)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def proposal_form_data(accounts=None, **overrides):
    """What the public proposal form posts; a value of None leaves the field out."""
    data = {
        "name": "Bayview Community Hospital",
        "type": "hospital",
        "country": "AU",
        "region": "New South Wales",
        "city": "Sydney",
        "organisation_website": "https://www.bayview.example.org/",
        "representative_name": "Priya Natarajan",
        "representative_role": "Social media manager",
        "representative_email": "priya.natarajan@bayview.example.org",
        "consent": "on",
        "website": "",
    }
    rows = (
        accounts
        if accounts is not None
        else [
            ("x", "https://twitter.com/BayviewHosp"),
            ("facebook", "https://m.facebook.com/bayviewhospital/"),
        ]
    )
    for row, (platform, url) in enumerate(rows, start=1):
        data[f"platform_{row}"] = platform
        data[f"url_{row}"] = url
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
