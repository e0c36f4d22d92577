"""Every kind of page runs under the Content-Security-Policy, in Chromium.

Each page is opened with a listener for ``securitypolicyviolation`` events in
every document, and the console and uncaught script errors are collected: a
page the policy breaks (an inline script or style, something loaded from
elsewhere) fails here. Each page must also have been sent with the policy, so
that a site without one cannot pass.
"""

import pytest
import wagtail_factories
from django.core.files.storage import FileSystemStorage, storages

from stories.models import StoryPhoto
from stories.services import submit_story
from tests.e2e.steps import make_moderator
from tests.factories import CLEAN_STORY, CommentFactory

pytestmark = pytest.mark.usefixtures("demo_site")

PASSWORD = "a-good-password-1"  # noqa: S105

LISTENER = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__policyViolations.push(
        `${event.effectiveDirective} refused ${event.blockedURI || "(inline)"}` +
        ` at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
    );
}, true);
"""


class PolicyWatch:
    """What went wrong on the pages a browser page opened, as readable lines."""

    def __init__(self, page, base_url):
        self.page, self.base_url, self.problems, self.visited = page, base_url, [], []
        page.add_init_script(LISTENER)
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))

    def _console(self, message):
        # A failed load is reported by _response, with its address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"{self.page.url}: console: {message.text}")
        # A header the browser cannot read (a feature it does not know) is a warning.
        elif "Unrecognized feature" in message.text or "Permissions-Policy" in message.text:
            self.problems.append(f"{self.page.url}: console: {message.text}")

    def _response(self, response):
        # Browsers ask for /favicon.ico by themselves; the site has none.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.problems.append(f"{self.page.url}: {response.url} answered {response.status}")

    def visit(self, path):
        response = self.page.goto(self.base_url + path)
        assert response.ok, f"{path} answered {response.status}"
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, path
        assert "style-src 'self';" in policy + ";", path
        self.page.wait_for_load_state("networkidle")
        self.visited.append(path)
        self.collect()
        return policy

    def collect(self):
        for violation in self.page.evaluate("window.__policyViolations.splice(0)"):
            self.problems.append(f"{self.page.url}: {violation}")

    def sign_in(self, username, password):
        self.visit("/admin/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url("**/admin/")
        self.collect()


@pytest.fixture
def public_media(settings):
    """Images stored where the site serves them (tests keep them in memory), removed after."""
    storage = FileSystemStorage(location=settings.MEDIA_ROOT, base_url=settings.MEDIA_URL)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT, "base_url": settings.MEDIA_URL},
        },
    }
    storages._storages.pop("default", None)
    yield
    from wagtail.images.models import Image, Rendition

    for rendition in Rendition.objects.all():
        storage.delete(rendition.file.name)
    for image in Image.objects.all():
        storage.delete(image.file.name)
    storages._storages.pop("default", None)


@pytest.fixture
def content(make_story, public_media):
    """A story with photos and comments; a submission waiting in the story queue."""
    photo, hero = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    story = make_story(title="The porter who knew my name", hero_image=hero)
    StoryPhoto.objects.create(page=story, image=photo, alt_text="The ward at night")
    story.save_revision().publish()
    first = CommentFactory(target=story, comment="Thank you for writing this.")
    CommentFactory(target=story, comment="Same ward for me.", parent_id=first.pk)
    waiting = submit_story(
        {
            "title": "The nurse who stayed",
            "body": CLEAN_STORY,
            "role": "patient",
            "naming": "first",
            "name": "Hal Porter",
            "email": "hal@example.org",
        }
    )
    make_moderator("moira", PASSWORD)
    return {"story": story, "waiting": waiting, "image": photo}


def test_public_pages_run_under_the_policy(live_server, page, content):
    watch = PolicyWatch(page, live_server.url)
    story, waiting = content["story"], content["waiting"]

    policy = watch.visit("/")
    watch.visit("/stories/")
    watch.visit(story.url)
    assert page.locator("img.story__hero-image").evaluate("img => img.naturalWidth") > 0
    assert page.locator(".comment").count() == 2
    watch.visit("/search/?q=porter")
    watch.visit("/share/")
    page.get_by_role("textbox", name="Your story (required)", exact=True).fill(
        "A few words, to wake the form's script."
    )
    watch.collect()
    watch.visit(f"/share/received/{waiting.status_token}/")
    watch.visit(f"/share/status/{waiting.status_token}/")
    watch.visit("/feed/")

    assert "'unsafe-inline'" not in policy
    assert watch.problems == []


def test_admin_pages_run_under_their_policy(live_server, page, content):
    watch = PolicyWatch(page, live_server.url)
    story, waiting = content["story"], content["waiting"]

    watch.sign_in("moira", PASSWORD)
    watch.visit("/admin/")
    watch.visit("/admin/pages/")
    watch.visit(f"/admin/pages/{story.get_parent().pk}/")
    watch.visit(f"/admin/pages/{story.pk}/edit/")
    hero = page.locator("#id_hero_image-chooser")
    hero.get_by_role("button", name="Actions").click()
    hero.get_by_role("button", name="Change image").click()
    page.get_by_role("dialog").get_by_role("heading", name="Choose an image").wait_for()
    page.wait_for_load_state("networkidle")
    watch.collect()
    watch.visit("/admin/story-queue/")
    watch.visit(f"/admin/story-queue/{waiting.story_id}/")
    watch.visit("/admin/comments/")
    watch.visit("/admin/images/")

    # The user bar on a public page, opened.
    watch.visit(story.url)
    page.get_by_role("button", name="View Wagtail quick actions").click()
    page.get_by_role("menuitem", name="Edit this page").wait_for()
    watch.collect()

    assert watch.problems == []
