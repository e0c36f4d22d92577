"""A possible crisis (a wish not to be alive, a burden) holds a comment as an urgent one does."""

import pytest
from django.core import mail

from comments.models import CommentReview, ReviewState

pytestmark = pytest.mark.django_db

POSSIBLE = "Honestly everyone would be better off without me."


def test_a_possible_crisis_is_screened_for_review_not_block(story, post_comment):
    comment, _response = post_comment(story, POSSIBLE)

    (finding,) = [f for f in comment.review.findings if f["category"] == "crisis"]
    assert finding["severity"] == "review"


def test_comment_with_a_possible_crisis_is_held(story, post_comment):
    comment, _response = post_comment(story, POSSIBLE)

    assert not comment.is_public
    assert comment.review.state == ReviewState.HELD
    assert "crisis" in comment.review.held_for


def test_author_of_a_possible_crisis_is_shown_help_at_once(story, post_comment):
    _comment, response = post_comment(story, POSSIBLE, confirm=False)

    assert "If you are thinking about harming yourself" in response.content.decode()


def test_moderators_are_mailed_at_once_about_a_possible_crisis(story, post_comment, moderator):
    post_comment(story, POSSIBLE, confirm=False)

    assert [m for m in mail.outbox if m.subject.startswith("URGENT")]


# A wish no crisis rule knows, which the shipped learned reader flags.
ONLY_LEARNED = "i just wish i could stop existing"


@pytest.mark.parametrize(("learned", "held"), [(True, True), (False, False)])
def test_the_learned_reader_holds_a_comment_only_when_the_setting_has_it_on(
    story, post_comment, settings, learned, held
):
    settings.SCREEN_LEARNED = learned

    comment, _response = post_comment(story, ONLY_LEARNED)

    assert ("crisis" in comment.review.held_for) is held


def test_a_possible_crisis_only_the_learned_reader_saw_waits_in_the_queue_without_a_mail(
    story, post_comment, moderator, settings
):
    settings.SCREEN_LEARNED = True

    _comment, response = post_comment(story, ONLY_LEARNED, confirm=False)

    review = CommentReview.objects.get()
    [finding] = [f for f in review.findings if f["category"] == "crisis"]
    assert review.state == ReviewState.HELD
    assert (finding["rule"], finding["severity"]) == ("crisis.learned", "review")
    assert "If you are thinking about harming yourself" in response.content.decode()
    assert not [m for m in mail.outbox if m.subject.startswith("URGENT")]
