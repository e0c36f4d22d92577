"""axe-core on every page of the site, in Chromium: every public page and state,
for a reader on a desktop and on a phone, in English and in Spanish, and for a
signed-in moderator; and the project's admin pages, each with its data in place.

The rules are WCAG 2.0, 2.1 and 2.2 A and AA and axe's best practices. One demo
site serves the whole sweep (it is built once: a browser context per role visits
it), and every violation found is listed at the end, with its page, rule and
element, rather than stopping at the first.
"""

import re

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from directory.models import DirectoryPage, Organisation, Proposal
from home.models import InformationPage
from moderation.actions import ReviewStoryAction
from moderation.models import StoryReviewTaskState
from moderation.permissions import RESPONDERS_GROUP
from moderation.services import redact_story
from stories.actions import ReviewResponseAction, WriteResponseAction
from stories.models import StoryIndexPage, StoryPage, StoryPhoto, Topic
from stories.services import post_message, submit_story
from tests.e2e.steps import make_moderator
from tests.e2e.test_content_security_policy import public_media  # noqa: F401 (a fixture)
from tests.e2e.test_form_accessibility import AXE
from tests.factories import CLEAN_STORY, PHONE_STORY, CommentFactory

pytestmark = pytest.mark.usefixtures("demo_site", "public_media")

PASSWORD = "a-good-password-1"  # noqa: S105
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/comments/confirm/\S+/)")

RUN_AXE = """async ({exclude, tags}) => {
    const result = await axe.run(exclude ? {exclude: [[exclude]]} : document, {
        runOnly: {type: "tag", values: tags},
    });
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`),
    }));
}"""


class Sweep:
    """Runs axe on pages and keeps what it finds as readable lines."""

    def __init__(self, base_url):
        self.base_url, self.problems, self.checked = base_url, [], 0

    def check(self, page, who, exclude=None, shows=None):
        """axe on the page open; ``shows``: words it must show, so that a sweep of the
        wrong page (a state not reached, a form not sent) cannot pass."""
        page.evaluate(AXE)
        self.checked += 1
        where = page.url.removeprefix(self.base_url)
        if shows and shows not in page.locator("body").inner_text():
            self.problems.append(f"{who} {where}: does not show {shows!r}")
        for v in page.evaluate(RUN_AXE, {"exclude": exclude, "tags": TAGS}):
            self.problems.append(
                f"{who} {where}: {v['id']} ({v['impact']}) at {', '.join(v['targets'])}"
                f": {v['help']}"
            )

    def visit(self, page, who, path, exclude=None, shows=None):
        page.goto(self.base_url + path)
        # A page that sends this visitor elsewhere (a permission refused, say) was not
        # swept: the page it leads to was.
        landed = page.url.removeprefix(self.base_url)
        if landed.split("#")[0] != path.split("#")[0]:
            self.problems.append(f"{who} {path}: sent on to {landed}")
        self.check(page, who, exclude, shows)


def submit(page, button):
    """Press a form's button and wait for the page it answers with."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def new_page(chromium, **options):
    context = chromium.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(15_000)
    return context.new_page()


def sign_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")


def a_submission(title, body=CLEAN_STORY, name="Hal Porter"):
    return submit_story(
        {
            "title": title,
            "body": body,
            "role": "patient",
            "naming": "first",
            "name": name,
            "email": "hal@example.org",
        }
    )


def task_state_of(submission):
    return StoryReviewTaskState.objects.get(
        workflow_state__object_id=str(submission.story_id), status="in_progress"
    )


@pytest.fixture
def site_content(make_story):
    """What the demo lacks: a story with photos, topics, comments and an official
    response; a comment held; submissions waiting, sent back with messages and
    published; a response waiting; a moderator and a responder."""
    users = get_user_model().objects
    moderator = make_moderator("moira", PASSWORD, first_name="Moira")
    responder = users.create_user("rhea", password=PASSWORD, first_name="Rhea")
    responder.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    users.create_superuser("ada", password=PASSWORD, first_name="Ada")

    hero, photo = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    story = make_story(title="The porter who knew my name", hero_image=hero)
    StoryPhoto.objects.create(page=story, image=photo, alt_text="The ward at night")
    story.topics.set(Topic.objects.all()[:2])
    story.save_revision().publish()
    first = CommentFactory(target=story, comment="Thank you for writing this.")
    CommentFactory(target=story, comment="Same ward for me.", parent_id=first.pk)
    held = CommentFactory(target=story, comment="Call me on 555-201-7788, same ward.")
    response = WriteResponseAction(
        story, responder, text="Thank you: our porters read your story.", role="Patient lead"
    ).execute()
    ReviewResponseAction(response, moderator, "approve").execute()
    other = StoryPage.objects.live().exclude(pk=story.pk).order_by("pk").first()
    waiting_response = WriteResponseAction(
        other, responder, text="Thank you for telling us.", role="Patient lead"
    ).execute()

    waiting = a_submission("Talk to me before your surgery", body=PHONE_STORY)
    # A moderator's redaction the author is asked to approve: the diff on both sides.
    redact_story(StoryPage.objects.get(pk=waiting.story_id), moderator, category="phone")
    sent_back = a_submission("The ward that felt like home", name="Imre Sandor")
    ReviewStoryAction(
        task_state_of(sent_back), moderator, "request_changes", reason="Leave out the ward."
    ).execute()
    post_message(sent_back, "Did the nurse you name agree to be named?", user=moderator)
    post_message(sent_back, "Yes, she read it and is proud to be in it.")
    published = a_submission("The nurse who stayed", name="Ines Moreau")
    ReviewStoryAction(task_state_of(published), moderator, "approve").execute()
    for submission in (waiting, sent_back, published):
        submission.refresh_from_db()
    return {
        "story": story,
        "held": held,
        "waiting": waiting,
        "sent_back": sent_back,
        "published": published,
        "waiting_response": waiting_response,
    }


def public_pages(sweep, page, who, content, *, forms=True):
    """Every public page and state, as ``who`` in ``page``'s browser."""
    story = content["story"]
    index = StoryIndexPage.objects.get()
    sweep.visit(page, who, "/")
    sweep.visit(page, who, index.url)
    older = page.get_by_role("link", name="Older stories")
    page.goto(sweep.base_url + older.get_attribute("href"))
    sweep.check(page, who)
    sweep.visit(page, who, f"{index.url}?topic={story.topics.first().slug}")
    sweep.visit(page, who, story.url, shows="our porters read your story")
    sweep.visit(page, who, "/search/?q=porter", shows=story.title)
    sweep.visit(page, who, "/search/?q=xylophonic")
    sweep.visit(page, who, "/search/")
    for info in InformationPage.objects.live().order_by("pk"):
        sweep.visit(page, who, info.url)
    directory = DirectoryPage.objects.get()
    sweep.visit(page, who, directory.url)
    sweep.visit(page, who, directory.url + "?country=CA")
    slug = Organisation.objects.order_by("pk").first().slug
    sweep.visit(page, who, directory.url + directory.reverse_subpage("organisation", args=[slug]))
    sweep.visit(page, who, content["waiting"].get_status_url(), shows="I approve these changes")
    sweep.visit(page, who, content["sent_back"].get_status_url(), shows="is proud to be in it")
    sweep.visit(page, who, content["published"].get_status_url())
    sweep.visit(page, who, f"/share/received/{content['waiting'].status_token}/")
    sweep.visit(page, who, "/no-such-page/")
    sweep.visit(page, who, f"/comments/reply/{story_comment(story)}/")
    sweep.visit(page, who, f"/comments/report/{story_comment(story)}/")
    if forms:
        form_pages(sweep, page, who, story)


def story_comment(story):
    from django_comments_xtd.models import XtdComment

    return XtdComment.objects.filter(object_pk=str(story.pk), is_public=True).first().pk


def form_pages(sweep, page, who, story):
    """The forms, empty and with errors, and the pages they lead to."""
    sweep.visit(page, who, "/share/")
    submit(page, "Send my story")
    sweep.check(page, who, shows="There is a problem")
    # A post whose CSRF token is gone: the site's own failure page, the story kept.
    page.get_by_label("Title of your story").fill("Kept after all")
    page.get_by_label("Your story (required)", exact=True).fill(CLEAN_STORY)
    page.context.clear_cookies(name="csrftoken")
    submit(page, "Send my story")
    sweep.check(page, who, shows="Your session expired")

    sweep.visit(page, who, "/directory/propose/")
    page.get_by_label("Address of account 1").fill("https://www.facebook.com/somewhere")
    submit(page, "Send for review")
    sweep.check(page, who, shows="Platform of account 1")
    propose_organisation(page)
    sweep.check(page, who, shows="we received your proposal")
    with page.expect_navigation():
        page.get_by_role("link", name="See my proposal's status").click()
    sweep.check(page, who, shows="Received.")

    # A comment: the form with errors, the page asking to confirm, and the page a
    # held comment's confirmation leads to.
    page.goto(sweep.base_url + story.url)
    submit(page, "Post comment")
    sweep.check(page, who)
    page.goto(sweep.base_url + story.url)
    page.get_by_label("Your name").fill("Lee")
    page.get_by_label("Your email address").fill("lee@example.org")
    page.get_by_label("Your comment").fill("Same ward for me, call me on 555-201-7788.")
    submit(page, "Post comment")
    sweep.check(page, who, shows="Please confirm your comment")
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    sweep.visit(page, who, path, shows="awaits moderation")


def propose_organisation(page):
    page.get_by_label("Name of the organisation").fill("Fernhill Rehabilitation Hospital")
    page.get_by_label("Type of organisation").select_option("hospital")
    page.get_by_label("Country").select_option("PT")
    page.get_by_label("The organisation's web site").fill("fernhill.example.pt")
    page.get_by_label("Platform of account 1").select_option("x")
    page.get_by_label("Address of account 1").fill("https://twitter.com/FernhillRehab")
    page.get_by_label("Your name").fill("Inês Duarte")
    page.get_by_label("Your role at the organisation").fill("Communications lead")
    page.get_by_label("Your work email address").fill("ines.duarte@fernhill.example.pt")
    page.get_by_label("I represent this organisation").check()
    submit(page, "Send for review")


def test_axe_finds_nothing_on_any_page(live_server, chromium, site_content):
    sweep = Sweep(live_server.url)

    reader = new_page(chromium)
    public_pages(sweep, reader, "reader", site_content)
    phone = new_page(chromium, **PHONE)
    public_pages(sweep, phone, "phone", site_content)
    spanish = new_page(chromium, locale="es-ES", extra_http_headers={"Accept-Language": "es"})
    for path in ("/", site_content["story"].url, "/share/", "/directory/propose/"):
        sweep.visit(spanish, "spanish", path)
    sweep.visit(spanish, "spanish", site_content["sent_back"].get_status_url())
    spanish.goto(live_server.url + "/share/")
    submit(spanish, "Enviar mi historia")
    sweep.check(spanish, "spanish")
    assert spanish.locator("html").get_attribute("lang") == "es"

    moderator = new_page(chromium)
    sweep.visit(moderator, "signed out", "/admin/login/")
    sign_in(moderator, live_server.url, "moira")
    public_pages(sweep, moderator, "moderator", site_content, forms=False)
    admin_pages(sweep, moderator, "moderator", site_content)
    responder = new_page(chromium)
    sign_in(responder, live_server.url, "rhea")
    responder_pages(sweep, responder, "responder", site_content)
    # The topics are the site administrator's (Moderators may not change them).
    administrator = new_page(chromium)
    sign_in(administrator, live_server.url, "ada")
    topics = "/admin/snippets/stories/topic/"
    sweep.visit(administrator, "administrator", topics, shows="Cancer care")

    for page in (reader, phone, spanish, moderator, responder, administrator):
        page.context.close()
    assert sweep.checked > 60
    assert sweep.problems == [], "\n".join(["axe-core found:", *sweep.problems])


def admin_pages(sweep, page, who, content):
    sweep.visit(page, who, "/admin/")
    # The story's editor, but for Wagtail's tag widget (jQuery tag-it): the text box it
    # adds for the topics has no label (rule "label"), and it is not ours to change.
    sweep.visit(page, who, f"/admin/pages/{content['story'].pk}/edit/", exclude="ul.tagit")
    sweep.visit(page, who, "/admin/story-queue/")
    sweep.visit(
        page,
        who,
        f"/admin/story-queue/{content['waiting'].story_id}/",
        shows="What the author sent",
    )
    sweep.visit(page, who, "/admin/comments/", shows="555-201-7788")
    sweep.visit(page, who, "/admin/submissions/")
    sweep.visit(page, who, f"/admin/submissions/{content['sent_back'].pk}/")
    sweep.visit(page, who, f"/admin/submissions/{content['sent_back'].pk}/erase/")
    sweep.visit(page, who, "/admin/reports/moderation/")
    sweep.visit(page, who, "/admin/directory-queue/")
    sweep.visit(page, who, f"/admin/directory-queue/{Proposal.objects.latest('pk').pk}/")
    sweep.visit(page, who, "/admin/response-queue/")
    sweep.visit(page, who, f"/admin/response-queue/{content['waiting_response'].pk}/")
    sweep.visit(page, who, "/admin/failed-tasks/")
    sweep.visit(page, who, "/admin/two-factor/")


def responder_pages(sweep, page, who, content):
    sweep.visit(page, who, "/admin/")
    sweep.visit(page, who, "/admin/responses/")
    with page.expect_navigation():
        page.get_by_role("link", name=content["story"].title).click()
    sweep.check(page, who)
