"""A reader's IP address serves the spam check and is kept nowhere."""

import pytest
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db


def test_a_comments_ip_address_reaches_akismet_and_is_not_stored(story, post_comment, akismet_ham):
    comment, _response = post_comment(story, "Thank you for writing this, it helped me.")

    assert comment is not None and comment.is_public
    checks = [data for path, data in akismet_ham if path.endswith("comment-check")]
    assert [data["user_ip"] for data in checks] == ["127.0.0.1"]
    assert XtdComment.objects.get(pk=comment.pk).ip_address is None
    assert not XtdComment.objects.exclude(ip_address=None).exists()
