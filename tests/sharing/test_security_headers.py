"""The Content-Security-Policy and Permissions-Policy headers every page is sent with."""

from django.template.loader import render_to_string

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().partition(" ")[::2] for part in header.split(";"))


def test_public_pages_get_the_strict_policy(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert directives(response) == PUBLIC_POLICY
    assert "unsafe" not in response.headers["Content-Security-Policy"]


def test_the_share_form_and_its_errors_get_the_strict_policy(client, story_index):
    assert directives(client.get("/share/")) == PUBLIC_POLICY
    assert directives(client.post("/share/", {})) == PUBLIC_POLICY


def test_the_admin_may_run_inline_scripts_and_nothing_else_is_loosened(moderator_client):
    response = moderator_client.get("/admin/")

    assert response.status_code == 200
    assert directives(response) == {**PUBLIC_POLICY, "script-src": "'self' 'unsafe-inline'"}


def test_the_django_admin_sign_in_gets_the_admins_policy(client, db):
    response = client.get("/django-admin/login/")

    assert directives(response)["script-src"] == "'self' 'unsafe-inline'"
    assert directives(response)["style-src"] == "'self'"


def test_a_path_that_only_starts_like_the_admin_gets_the_strict_policy(client, story_index):
    # /administration/ is not under /admin/: a public page there stays strict.
    response = client.get("/administration/")

    assert response.status_code == 404
    assert directives(response) == PUBLIC_POLICY


def test_powerful_browser_features_are_denied_everywhere(client, home_page, moderator_client):
    for response in [client.get("/"), moderator_client.get("/admin/")]:
        policy = dict(
            part.strip().split("=") for part in response.headers["Permissions-Policy"].split(",")
        )
        for feature in ["camera", "microphone", "geolocation", "payment", "usb", "serial"]:
            assert policy[feature] == "()", feature


def test_the_error_page_needs_nothing_the_policy_refuses():
    page = render_to_string("500.html")

    assert "Something went wrong" in page
    assert "<style" not in page and "style=" not in page and "<script" not in page
    assert '<link rel="stylesheet" href="/static/css/sharing.css">' in page
