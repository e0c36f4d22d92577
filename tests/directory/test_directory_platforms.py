"""Account addresses: the handle read from them, one spelling of each, clear errors."""

import pytest

from directory.platforms import (
    AccountUrlError,
    detect_platform,
    domains_match,
    email_domain,
    normalise_website,
    parse_account,
    site_domain,
)


@pytest.mark.parametrize(
    ("platform", "typed", "url", "handle"),
    [
        ("x", "https://x.com/StMarysExample", "https://x.com/stmarysexample", "@StMarysExample"),
        ("x", "https://twitter.com/stmarys_ex/", "https://x.com/stmarys_ex", "@stmarys_ex"),
        (
            "x",
            "http://www.twitter.com/stmarys_ex?lang=en",
            "https://x.com/stmarys_ex",
            "@stmarys_ex",
        ),
        ("x", "mobile.twitter.com/stmarys_ex#top", "https://x.com/stmarys_ex", "@stmarys_ex"),
        ("x", "@stmarys_ex", "https://x.com/stmarys_ex", "@stmarys_ex"),
        ("x", "  https://x.com/@stmarys_ex  ", "https://x.com/stmarys_ex", "@stmarys_ex"),
        (
            "facebook",
            "https://m.facebook.com/StMarys.Example/?ref=page",
            "https://www.facebook.com/stmarys.example",
            "StMarys.Example",
        ),
        (
            "facebook",
            "facebook.com/stmarysexample/about",
            "https://www.facebook.com/stmarysexample",
            "stmarysexample",
        ),
        (
            "facebook",
            "https://www.facebook.com/profile.php?id=100064&sk=about",
            "https://www.facebook.com/profile.php?id=100064",
            "100064",
        ),
        (
            "facebook",
            "https://www.facebook.com/pages/St-Marys/123456789",
            "https://www.facebook.com/123456789",
            "123456789",
        ),
        (
            "youtube",
            "https://m.youtube.com/@StMarysExample/videos",
            "https://www.youtube.com/@stmarysexample",
            "@StMarysExample",
        ),
        (
            "youtube",
            "@StMarysExample",
            "https://www.youtube.com/@stmarysexample",
            "@StMarysExample",
        ),
        (
            "youtube",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "UCabcdefghijklmnopqrstuv",
        ),
        (
            "youtube",
            "youtube.com/user/StMarysTV",
            "https://www.youtube.com/user/StMarysTV",
            "StMarysTV",
        ),
        (
            "instagram",
            "https://instagram.com/StMarys.Example?igshid=abc",
            "https://www.instagram.com/stmarys.example/",
            "@StMarys.Example",
        ),
        ("instagram", "@stmarys", "https://www.instagram.com/stmarys/", "@stmarys"),
        (
            "linkedin",
            "https://uk.linkedin.com/company/St-Marys-Example/about/",
            "https://www.linkedin.com/company/st-marys-example/",
            "St-Marys-Example",
        ),
        (
            "linkedin",
            "linkedin.com/school/stmarys-medical-school",
            "https://www.linkedin.com/school/stmarys-medical-school/",
            "stmarys-medical-school",
        ),
        (
            "tiktok",
            "https://www.tiktok.com/@StMarys.Example?lang=en",
            "https://www.tiktok.com/@stmarys.example",
            "@StMarys.Example",
        ),
        ("tiktok", "@stmarys", "https://www.tiktok.com/@stmarys", "@stmarys"),
        (
            "blog",
            "https://Blog.StMarys.example.org/",
            "https://blog.stmarys.example.org/",
            "blog.stmarys.example.org",
        ),
        (
            "blog",
            "stmarys.example.org/news/?utm_source=x&page=2",
            "https://stmarys.example.org/news?page=2",
            "stmarys.example.org",
        ),
        (
            "podcast",
            "http://www.podcasts.example.com//shows/heart-talk/#latest",
            "http://www.podcasts.example.com/shows/heart-talk",
            "podcasts.example.com",
        ),
        (
            "other",
            "https://stmarys.example.org",
            "https://stmarys.example.org/",
            "stmarys.example.org",
        ),
    ],
)
def test_account_address_is_normalised_and_its_handle_read(platform, typed, url, handle):
    account = parse_account(platform, typed)

    assert (account.platform, account.url, account.handle) == (platform, url, handle)


def test_the_same_account_typed_differently_is_the_same_address():
    spellings = [
        "https://twitter.com/StMarys_Ex",
        "twitter.com/stmarys_ex/",
        "https://mobile.twitter.com/stmarys_ex?s=20",
        "https://www.x.com/STMARYS_EX",
        "@StMarys_Ex",
    ]

    assert {parse_account("x", typed).url for typed in spellings} == {"https://x.com/stmarys_ex"}


@pytest.mark.parametrize(
    ("platform", "typed", "message"),
    [
        (
            "x",
            "https://www.facebook.com/stmarys",
            "This is an address on Facebook, not X (Twitter)",
        ),
        (
            "instagram",
            "https://stmarys.example.org/",
            "This is not an address on Instagram: Instagram addresses start with https://www.instagram.com/",
        ),
        ("facebook", "https://x.com/stmarys", "please choose X (Twitter) as the platform"),
        ("blog", "https://www.youtube.com/@stmarys", "please choose YouTube as the platform"),
        ("other", "twitter.com/stmarys", "please choose X (Twitter) as the platform"),
        ("x", "https://x.com/stmarys/status/12345", "not of an account"),
        ("x", "https://x.com/search?q=hospital", "not of an account"),
        ("x", "https://x.com/", "Please give the account's address"),
        ("x", "https://x.com/a_handle_far_too_long", "not of an account"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "not of an account"),
        ("youtube", "https://youtu.be/abc", "not of an account"),
        ("youtube", "https://www.youtube.com/channel/not-a-channel", "not well formed"),
        ("instagram", "https://www.instagram.com/p/Cabc123/", "not of an account"),
        ("linkedin", "https://www.linkedin.com/feed/", "not of an account"),
        ("linkedin", "https://www.linkedin.com/company/", "not of an account"),
        ("tiktok", "https://www.tiktok.com/stmarys", "not of an account"),
        ("tiktok", "https://www.tiktok.com/@stmarys/video/123", "not of an account"),
        ("facebook", "https://www.facebook.com/profile.php?id=abc", "no page number"),
        ("facebook", "https://www.facebook.com/groups/123", "not of an account"),
        ("blog", "", "Please give the account's address"),
        ("blog", "   ", "Please give the account's address"),
        ("blog", "not a url", "no spaces"),
        ("blog", "hospital", "This is not a web address"),
        ("blog", "javascript:alert(1)", "This is not a web address"),
        ("blog", "ftp://files.example.org/", "Only web addresses"),
        ("blog", "https://user:secret@example.org/", "user name or password"),
        ("blog", "https://example.org:8080/", "without a port number"),
        ("blog", "https://example.org:99999/", "not well formed"),
        ("blog", "https://192.168.1.10/blog", "not its IP address"),
        ("blog", "https://localhost/", "not well formed"),
        ("blog", "https://exa_mple.org/", "not well formed"),
        ("blog", "https://example.123/", "not well formed"),
        ("blog", "https:///path", "no site name"),
        ("blog", "https://example.org/a\x00b", "no spaces"),
        ("blog", "https://" + "a" * 500 + ".org/", "at most 500 characters"),
        ("myspace", "https://myspace.com/stmarys", "choose one of the platforms"),
    ],
)
def test_wrong_address_gets_a_clear_message(platform, typed, message):
    with pytest.raises(AccountUrlError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_account(platform, typed)


def test_angle_brackets_in_a_path_are_kept_escaped_by_whoever_shows_them():
    account = parse_account("blog", "https://example.org/<b>news</b>")

    assert account.url == "https://example.org/<b>news</b>"


def test_an_international_site_name_is_accepted():
    assert parse_account("blog", "https://hôpital.example/").handle == "hôpital.example"


@pytest.mark.parametrize(
    ("typed", "platform"),
    [
        ("https://mobile.twitter.com/x", "x"),
        ("fb.com/stmarys", "facebook"),
        ("https://uk.linkedin.com/company/x", "linkedin"),
        ("https://stmarys.example.org/", None),
        ("https://notfacebook.com/x", None),
        ("nonsense", None),
    ],
)
def test_platform_is_recognised_from_the_domain(typed, platform):
    assert detect_platform(typed) == platform


def test_website_is_normalised():
    assert normalise_website("WWW.StMarys.example.org") == "https://www.stmarys.example.org/"
    with pytest.raises(AccountUrlError, match="Please give the web site's address"):
        normalise_website("")


@pytest.mark.parametrize(
    ("email", "website", "match"),
    [
        ("jo@stmarys.example.org", "https://www.stmarys.example.org/", True),
        ("jo@mail.stmarys.example.org", "https://stmarys.example.org/", True),
        ("jo@STMARYS.example.org", "https://news.stmarys.example.org/", True),
        ("jo@gmail.example.com", "https://www.stmarys.example.org/", False),
        ("jo@evilstmarys.example.org", "https://stmarys.example.org/", False),
        ("not-an-address", "https://stmarys.example.org/", False),
        ("jo@stmarys.example.org", "", False),
    ],
)
def test_work_email_domain_is_compared_with_the_website(email, website, match):
    assert domains_match(email_domain(email), site_domain(website)) is match
