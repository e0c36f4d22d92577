"""Wagtail's workflow mails go out from the task worker, one per person, never
inside the request that moved the workflow."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks import default_task_backend
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from moderation.workflow_mail import send_workflow_mail
from tests.factories import UserFactory
from tests.mail_servers import FlakyMailServer

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def superuser(story_index, django_user_model):
    return django_user_model.objects.create_superuser(
        "root", "root@hospital.example", "a-good-password-1"
    )


@pytest.fixture
def page_workflow(home_page):
    """An editor's change to the home page waits for a reviewers' group, as
    Wagtail's default "Moderators approval" workflow does."""
    from django.contrib.auth.models import Group

    reviewers = Group.objects.create(name="Home page reviewers")
    task = GroupApprovalTask.objects.create(name="Reviewers approve")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Home page review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})
    reviewer = UserFactory(username="rhea", email="rhea@hospital.example")
    reviewer.groups.add(reviewers)
    return workflow


def submit_home_page(home_page, editor, django_capture_on_commit_callbacks):
    revision = home_page.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        home_page.get_workflow().start(home_page, editor)
    return revision


def run_queued_tasks(*, once=False):
    """What the database worker would do: run each queued task, and then what
    they queued (unless ``once``)."""
    results = default_task_backend.results
    while results:
        batch = list(results)
        results.clear()
        for result in batch:
            result.task.call(*result.args, **result.kwargs)
        if once:
            return


def test_a_public_story_sends_no_wagtail_mail_the_moderators_get_the_projects_own(
    superuser, moderator, submit
):
    submission = submit()

    subjects = sorted((message.subject, tuple(message.to)) for message in mail.outbox)
    assert subjects == [
        (f"New story to review: {submission.reference}", ("moira@hospital.example",)),
        (f"We received your story ({submission.reference})", (submission.contact_email,)),
    ]


def test_a_page_sent_for_review_mails_the_reviewers_from_the_worker_not_the_request(
    superuser, home_page, page_workflow, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="edna", email="edna@hospital.example")
    with override_settings(TASKS=DUMMY_TASKS):
        submit_home_page(home_page, editor, django_capture_on_commit_callbacks)
        # The editor's request is over: nothing was said to the mail server in it.
        assert mail.outbox == []
        run_queued_tasks()

    stage = f'The page "{home_page.title}" has been submitted for approval in moderation stage'
    workflow = f'The page "{home_page.title}" has been submitted to workflow'
    sent = sorted((tuple(message.to), message.subject) for message in mail.outbox)
    assert sent == [
        (("rhea@hospital.example",), f'{stage} "Reviewers approve"'),
        (("root@hospital.example",), f'{stage} "Reviewers approve"'),
        (("root@hospital.example",), f'{workflow} "Home page review"'),
    ]


def test_a_mail_server_failing_half_way_sends_the_rest_later_and_no_one_twice(
    superuser, home_page, page_workflow, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="edna", email="edna@hospital.example")
    with override_settings(TASKS=DUMMY_TASKS, EMAIL_BACKEND=FlakyMailServer.path):
        submit_home_page(home_page, editor, django_capture_on_commit_callbacks)
        FlakyMailServer.reset(capacity=1)
        run_queued_tasks(once=True)  # who is to be told
        run_queued_tasks(once=True)  # one mail each: the server takes the first only
        assert len(FlakyMailServer.sent) == 1
        assert len(default_task_backend.results) == 2  # the other two, queued again

        FlakyMailServer.capacity = 10  # the server is back
        run_queued_tasks()

    received = sorted(tuple(message.to) for message in FlakyMailServer.sent)
    assert received == [
        ("rhea@hospital.example",),
        ("root@hospital.example",),
        ("root@hospital.example",),
    ]
    subjects = {message.subject for message in FlakyMailServer.sent}
    assert len(subjects) == 2  # root's two mails are different ones, not one sent twice


def test_a_mail_for_someone_who_has_left_is_dropped(superuser, home_page, page_workflow):
    superuser.is_active = False
    superuser.save()
    assert send_workflow_mail.call("workflow_submitted", 0, superuser.pk) is False
    assert mail.outbox == []
