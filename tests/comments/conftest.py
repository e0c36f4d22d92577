import re

import pytest
from django.core import mail
from django.db.models import Max
from django_comments_xtd import get_form
from django_comments_xtd.models import XtdComment

CONFIRM_LINK = re.compile(r"https?://\S+/comments/confirm/\S+/")


@pytest.fixture
def story(make_story):
    return make_story(title="The night nurse", body="She sat with me until morning.")


def comment_data(target, text, *, name="Sam", email="sam@example.org", reply_to=0, **extra):
    """What the comment form under ``target`` posts."""
    form = get_form()(target)
    data = {
        **form.generate_security_data(),
        "name": name,
        "email": email,
        "comment": text,
        "reply_to": reply_to,
        "honeypot": "",
        "next": "/comments/sent/",
    }
    data.update(extra)
    return data


@pytest.fixture
def post_comment(client, django_capture_on_commit_callbacks):
    """Post a comment as a reader without an account and, when comments-xtd asks
    for it, confirm it from the email; return the saved comment (or None) and the
    last response."""

    def post(target, text, *, confirm=True, **kwargs):
        last_pk = XtdComment.objects.aggregate(last=Max("pk"))["last"] or 0
        outbox_before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/comments/post/", comment_data(target, text, **kwargs), follow=True
            )
        created = XtdComment.objects.filter(pk__gt=last_pk).order_by("-pk").first()
        requests = [m for m in mail.outbox[outbox_before:] if CONFIRM_LINK.search(m.body)]
        if created is not None or not confirm or not requests:
            return created, response
        link = CONFIRM_LINK.search(requests[-1].body).group()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(link.split("testserver", 1)[1], follow=True)
        return XtdComment.objects.order_by("-pk").first(), response

    return post
