"""The demo's information pages: about, privacy policy, terms of use, contact.

Written from what the code does, not from what a site usually says: the
privacy policy names the cookies the site sets, the data each form keeps, what
the spam service is sent (``sharing/spam.py``, ``comments/akismet.py``,
``moderation/tasks.py``) and the retention periods, whose figures are the
settings' values when ``load_demo`` runs. A site that changes a setting later
changes its page too; the page says when it was last updated.

Each page is a list of (block type, value) pairs for ``InformationPage.body``;
``link(slug, text)`` makes a link to another of these pages.
"""

from django.conf import settings
from django.utils.html import escape

from comments.views import CONFIRMED_COOKIE, CONFIRMED_MAX_AGE
from moderation.tasks import SUBMISSION_IP_SECONDS

DAY = 60 * 60 * 24


def days(count):
    return f"{count} day" if count == 1 else f"{count} days"


def duration(seconds):
    """A cookie's lifetime in words: "2 weeks", "about a year"."""
    count = round(seconds / DAY)
    if count >= 360:
        return "about a year" if count < 400 else f"about {round(count / 365)} years"
    if count % 7 == 0:
        weeks = count // 7
        return "1 week" if weeks == 1 else f"{weeks} weeks"
    return days(count)


def hours(seconds):
    count = max(1, round(seconds / 3600))
    return "an hour" if count == 1 else f"{count} hours"


def paragraphs(*parts):
    return "".join(parts)


def p(text):
    return f"<p>{text}</p>"


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def about(site_name, link, crisis):
    return [
        ("heading", "What this site is"),
        (
            "text",
            p(
                f"{escape(site_name)} is where patients, families and the people who work in "
                "health care tell their stories of care, and where readers answer them. It is "
                "run by the hospital's communications team."
            ),
        ),
        ("heading", "How stories are published"),
        (
            "text",
            paragraphs(
                p(
                    "Anyone can share a story through the public form. Before anyone else "
                    "sees it, our screen reads it for details that could identify someone "
                    "(names, dates, places, phone numbers and the other identifiers health "
                    "privacy law lists), and a moderator reads every word. The moderator may "
                    "remove such details, ask the author to change something, or decline it."
                ),
                p(
                    "Comments are screened in the same way: most are published at once, and "
                    "any with personal details or worrying language wait for a moderator. "
                    "Readers can report a comment that should not be there."
                ),
            ),
        ),
        ("heading", "Not medical advice"),
        (
            "text",
            p(
                "Stories describe their authors' own experiences. They are not medical "
                "advice: please talk to your own care team about your health."
            ),
        ),
        ("heading", "Find out more"),
        (
            "text",
            ul(
                f"{link('privacy', 'What we keep about you, and for how long')}",
                f"{link('terms', 'The terms of sharing a story or a comment')}",
                f"{link('contact', 'How to reach us')}",
            ),
        ),
    ]


def spam_service_text():
    """What the privacy policy says of Akismet, from the settings as they are."""
    if not settings.AKISMET_API_KEY:
        return [
            (
                "text",
                p(
                    "This site does not use a spam-checking service at the moment: nothing "
                    "you send is passed to another company for that. Our own screen runs on "
                    "our servers. If we turn on Akismet (a spam-checking service run by "
                    "Automattic), this page will say what it is sent."
                ),
            )
        ]
    if settings.AKISMET_STORY_CONTENT == "full":
        story = (
            "the story's title and text, your name and email address, your IP address, "
            "your browser's user agent and the date you sent it"
        )
    else:
        story = (
            "only your IP address, your browser's user agent and the date you sent it: "
            "not your story, your name or your contact details"
        )
    return [
        (
            "text",
            paragraphs(
                p(
                    'We ask <a href="https://akismet.com/">Akismet</a>, a spam-checking '
                    "service run by Automattic, a company in the United States, whether what "
                    "is sent to us is spam. Akismet is told:"
                ),
                ul(
                    "for a comment: its text, the name and email address you gave, your IP "
                    "address, your browser's user agent, the page you came from and the "
                    "address of the story;",
                    f"for a story: {story}.",
                ),
                p(
                    "When a moderator corrects Akismet's verdict, the same details are sent "
                    "again to teach it. What Akismet does with them is in "
                    '<a href="https://automattic.com/privacy/">Automattic\'s privacy '
                    "policy</a>."
                ),
            ),
        )
    ]


def privacy(site_name, link, crisis):
    declined = days(settings.DECLINED_RETENTION_DAYS)
    unconfirmed = days(settings.UNCONFIRMED_COMMENT_RETENTION_DAYS)
    return [
        ("heading", "Who we are"),
        (
            "text",
            p(
                f"{escape(site_name)} is run by the hospital's communications team. This "
                "policy covers this website: its stories, its comments and its forms. "
                f"Questions about it: {link('contact', 'write to us')}."
            ),
        ),
        ("heading", "When you share a story"),
        (
            "text",
            paragraphs(
                p("We keep what you send:"),
                ul(
                    "your story's title and text, and the photos you add;",
                    "whether you are a patient, a family member or a member of staff, and how "
                    "you want to be named (your full name, your first name only, or "
                    "anonymous), with the name you gave;",
                    "your email address, and your phone number if you gave one;",
                    "the version of the consent you agreed to, and when; for staff, the two "
                    "statements you confirmed;",
                    "your browser's user agent, and a keyed hash of your IP address, from "
                    "which the address itself cannot be worked out.",
                ),
                p(
                    "Your IP address itself is never stored in the database: it waits in our "
                    f"cache for at most {hours(SUBMISSION_IP_SECONDS)}, for the spam check"
                    + (
                        " (see below)."
                        if settings.AKISMET_API_KEY
                        else ", which this site does not run at the moment."
                    )
                ),
                p(
                    "Our moderators read your story in the site's administration pages, with "
                    "your contact details, before it is published. Your email address and "
                    "phone number are never published: we use them only to tell you about your "
                    "story (that we received it, and what the moderator decided). The email "
                    "that tells the moderators of a new story gives its reference, its title "
                    "and your role, not your contact details."
                ),
                p(
                    "Once a moderator approves it, the story is public with the name you chose "
                    "(or as Anonymous), your role, its date and topics, and the photos the "
                    "moderator approved."
                ),
            ),
        ),
        ("heading", "Your status link, and taking your story back"),
        (
            "text",
            paragraphs(
                p(
                    "When you send a story you get a reference number and a private link, by "
                    "email too. On that page you can see where your story is, change it when "
                    "a moderator asks you to, and withdraw it at any time. Anyone who has the "
                    "link can do the same, so please keep it to yourself."
                ),
                p(
                    "If you withdraw your story, it is taken off the site and we erase its "
                    "text and every earlier version of it, its photos, the comments on it, "
                    "your name, email address and phone number, the hash of your IP address "
                    "and your browser's details. We keep only its reference number, its dates "
                    "and the fact that it was withdrawn."
                ),
            ),
        ),
        ("heading", "How long we keep it"),
        (
            "text",
            ul(
                "A story waiting for a moderator, or for your changes, and a published "
                "story, with the details that go with it: until you withdraw it.",
                f"A story we decided not to publish: {declined} after that decision, so that "
                "we can still answer you; then it is erased as a withdrawn story is.",
                f"A comment you never confirmed: {unconfirmed}; then its text and your "
                "address are forgotten.",
            ),
        ),
        ("heading", "When you comment"),
        (
            "text",
            paragraphs(
                p(
                    "We keep your comment, the name you give (shown with it), your email "
                    "address (never shown), the date, whether you asked for emails about new "
                    "comments, and, for the moderators, your browser's user agent, the page "
                    "you came from and what our screen found in the comment. Your IP address "
                    "is used for the spam check and to limit how many comments one connection "
                    "can send; it is not stored with your comment."
                ),
                p(
                    "Unless you are signed in, we email you a link to confirm your first "
                    "comment, and it is not published until you click it. If you never do, "
                    f"we forget it after {unconfirmed}. The link itself carries the comment: "
                    "clicked later, it sends the comment to be screened again."
                ),
                p(
                    "A comment our screen holds waits for a moderator, who sees your email "
                    "address. When a comment may show someone in danger, the moderators are "
                    "emailed its text and the address of its author at once. Every email about "
                    "new comments has a link to stop them."
                ),
                p(
                    "When you report a comment we keep the reason you chose and a keyed hash "
                    "of your IP address (or of your account), so that one reader counts once. "
                    "The comments on a story are erased with it when its author withdraws it; "
                    f"to have a comment of yours taken down, {link('contact', 'write to us')}."
                ),
            ),
        ),
        ("heading", "Cookies"),
        (
            "text",
            paragraphs(
                p(
                    "This site sets only the cookies it needs to work, and loads nothing from "
                    "other sites: no analytics, no advertising, no tracking."
                ),
                ul(
                    f"<code>{settings.CSRF_COOKIE_NAME}</code>: set when a page with a form is "
                    "shown (the story form, the comment form, and the language switcher at the "
                    "top of every page); it stops other sites sending forms in your name. It "
                    f"lasts {duration(settings.CSRF_COOKIE_AGE)}.",
                    f"<code>{settings.LANGUAGE_COOKIE_NAME}</code>: set when you choose a "
                    "language with the switcher, to show the site in it; it holds only the "
                    "language. It lasts "
                    f"{duration(settings.LANGUAGE_COOKIE_AGE)}.",
                    f"<code>{settings.SESSION_COOKIE_NAME}</code>: set when you post a comment, "
                    "so that the next page can tell you, and nobody else, what happened to it; "
                    "and when staff sign in. It lasts "
                    f"{duration(settings.SESSION_COOKIE_AGE)}.",
                    f"<code>{CONFIRMED_COOKIE}</code>: set when you confirm a comment by email, "
                    "so that your next comments from this browser need no confirming. It holds "
                    "a keyed hash of your email address, never the address itself, and lasts "
                    f"{duration(CONFIRMED_MAX_AGE)}.",
                    "<code>messages</code>: set for a moment after you report a comment, to "
                    "thank you on the next page, and removed once it has.",
                ),
            ),
        ),
        ("heading", "Spam checks"),
        *spam_service_text(),
    ]


def terms(site_name, link, crisis):
    return [
        ("heading", "Sharing a story"),
        (
            "text",
            ul(
                "Your story stays yours. By sending it you let us publish it on this site, in "
                "its feed and in its search, with the name you chose, as a moderator edited "
                "it to remove details that could identify anyone.",
                "Every story is read by a moderator first. We may ask you to change "
                "something, and we may decide not to publish it; we tell you either way.",
                "You can withdraw your story at any time from your private status page, and "
                "we then erase it (see the " + link("privacy", "privacy policy") + ").",
                "Please write about your own experience, and leave out anything that could "
                "identify someone else. Staff write for themselves, not for the hospital.",
            ),
        ),
        ("heading", "Commenting"),
        (
            "text",
            ul(
                "By posting a comment you let us publish it under the story, with the name "
                "you give.",
                "Be kind. Comments that are abusive, advertise something or share someone's "
                "personal details are removed.",
                "Comments are screened, and some are read by a moderator before they are "
                "published. Anyone can report a comment that should not be here.",
                "To have a comment of yours taken down, " + link("contact", "write to us") + ".",
            ),
        ),
        ("heading", "Not medical advice"),
        (
            "text",
            paragraphs(
                p(
                    "Stories and comments are personal experiences. They are not medical "
                    "advice, and this site is not watched around the clock."
                ),
                crisis,
            ),
        ),
    ]


def contact(site_name, link, crisis):
    return [
        ("heading", "Write to us"),
        (
            "text",
            paragraphs(
                p(
                    "Write to the communications team that runs this site at "
                    '<a href="mailto:stories@hospital.example">stories@hospital.example</a>. '
                    "Please do not send medical questions or records: we cannot answer them "
                    "here."
                ),
                ul(
                    "About your own story: your private status page (its link is in the email "
                    "we sent you) shows where it is, and lets you withdraw it at once.",
                    "About a comment that should not be here: use the Report link under it.",
                    "To have a comment of yours taken down, or any other question: write to "
                    "us, with the address of the page it is on.",
                ),
            ),
        ),
        ("heading", "If you need help now"),
        (
            "text",
            paragraphs(
                p("We cannot answer urgent messages."),
                crisis,
            ),
        ),
    ]


# (slug, title, intro, body): in the order of the footer.
PAGES = [
    (
        "about",
        "About",
        "Who runs this site, and how a story gets from its author to its readers.",
        about,
    ),
    (
        "privacy",
        "Privacy policy",
        "What we keep when you share a story or a comment, who sees it, for how long, "
        "and how to take it back.",
        privacy,
    ),
    (
        "terms",
        "Terms of use",
        "The few rules of sharing a story or a comment here.",
        terms,
    ),
    (
        "contact",
        "Contact",
        "How to reach the team that runs this site.",
        contact,
    ),
]
