"""Steps many browser journeys take, written once."""


def sign_in(page, base_url, username, password):
    """Sign in to the admin as ``username`` and wait for the page it leads to (the
    dashboard, or the two-factor step), so that the next step cannot cut it short."""
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def make_moderator(username, password, **fields):
    """A user in the Moderators group, as an administrator would add one."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from moderation.permissions import MODERATORS_GROUP

    user = get_user_model().objects.create_user(username, password=password, **fields)
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user
