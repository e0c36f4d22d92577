"""The public site in the reader's language: English by default, Spanish for a
browser that asks for it (Accept-Language) or a reader who chose it with the
switcher; a story and its submission remember the language and the consent."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from home.models import InformationPage
from stories.consent import CONSENT_VERSION, CONSENTS, consent_for
from stories.models import Submission
from stories.services import post_message, send_comment_digests
from tests.factories import CLEAN_STORY, CommentFactory, TopicFactory, story_form_data

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9,en;q=0.5"}
SPANISH_STORY = (
    "Las enfermeras de cardiología tuvieron paciencia con cada pregunta que hice, de día y "
    "de noche. Me explicaron cada máquina y nunca me hicieron sentir tonta por preguntar "
    "dos veces.\n\nAhora camino tres kilómetros al día y me siento más fuerte que en años."
)


def html_lang(response):
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


@pytest.fixture
def send_story(client, story_index, django_capture_on_commit_callbacks, settings):
    """Post the share form as a reader whose browser asks for ``headers``' language."""
    settings.SUBMISSION_RATE = "100/h"
    settings.MODERATORS_EMAIL = ["moderators@example.org"]

    def send(headers=None, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/share/", story_form_data(**{"body": CLEAN_STORY, **overrides}), **(headers or {})
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return Submission.objects.select_related("story").latest("pk")

    return send


def test_the_site_is_english_by_default(client, home_page):
    response = client.get("/")

    assert html_lang(response) == "en"
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert "Share your story" in html
    assert "Latest stories" in html
    assert "Comparta su historia" not in html
    assert '<section class="hero">' in html


def test_a_browser_asking_for_spanish_gets_the_spanish_home_page(client, home_page):
    response = client.get("/", **SPANISH)

    assert html_lang(response) == "es"
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    html = response.content.decode()
    assert "Comparta su historia" in html
    assert "Últimas historias" in html
    assert "Saltar al contenido principal" in html
    assert "Un moderador lee cada historia antes de publicarla." in html
    assert "Latest stories" not in html
    # What editors wrote (the home page's title and introduction) is in English.
    assert '<section class="hero" lang="en">' in html


def test_the_feed_in_spanish(client, make_story):
    make_story(title="Back on the bike")

    feed = client.get("/feed/", **SPANISH).content.decode()

    assert 'xml:lang="es"' in feed
    assert "Sharing: últimas historias" in feed
    assert "Back on the bike" in feed


def test_a_language_the_site_does_not_have_falls_back_to_english(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert html_lang(response) == "en"
    assert "Share your story" in response.content.decode()


def test_the_share_form_in_spanish_shows_the_spanish_consent(client, story_index):
    response = client.get("/share/", **SPANISH)

    html = response.content.decode()
    assert "<h1>Comparta su historia</h1>" in html
    assert "Título de su historia" in html
    assert "Enviar mi historia" in html
    assert CONSENTS["es"][-1].text in html
    assert CONSENTS["en"][-1].text not in html
    assert 'data-text="{count} de {max} caracteres"' in html


def test_a_form_error_in_spanish_is_a_spanish_message_at_its_field(client, story_index):
    response = client.post(
        "/share/", story_form_data(body="Demasiado corta.", consent=None, email="no"), **SPANISH
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Error: Comparta su historia" in html  # the page's title
    assert "Hay un problema" in html
    assert "Todo lo que escribió sigue aquí." in html
    assert 'id="id_body_error"' in html
    assert "Asegúrese de que este valor tenga al menos 100" in html  # Django's own
    assert "Marque la casilla para aceptar la publicación" in html
    assert "Introduzca una dirección de correo electrónico válida." in html  # Django's own
    assert "Demasiado corta." in html  # what they typed is kept
    assert "There is a problem" not in html


def test_the_story_page_in_spanish_marks_an_english_story_as_english(client, make_story):
    story = make_story(title="Back on the bike", author_display_name="Lorna")

    response = client.get(story.url, **SPANISH)

    assert html_lang(response) == "es"
    html = response.content.decode()
    assert '<article class="story" lang="en">' in html
    assert "Por Lorna" in html
    assert "Añadir un comentario" in html  # the comment form's heading
    assert "Publicar comentario" in html
    english = client.get(story.url).content.decode()
    assert '<article class="story">' in english
    assert "By Lorna" in english


def test_in_spanish_the_editors_english_words_around_a_story_are_marked_english(
    client, make_story, home_page
):
    """Topic names, the footer's page titles and the crisis help are the editors' words,
    in English: a Spanish reader's screen reader reads them as English (WCAG 3.1.2)."""
    about = home_page.add_child(
        instance=InformationPage(title="About us", slug="about-us", body=[("text", "<p>Us.</p>")])
    )
    about.save_revision().publish()
    story = make_story(title="Nights on the ward", topics=[TopicFactory(name="Night shifts")])

    page = BeautifulSoup(client.get(story.url, **SPANISH).content, "html.parser")

    topic = page.select_one(".topic-list li")
    assert topic.get_text() == "Night shifts" and topic["lang"] == "en"
    assert page.select_one(".topic-list")["aria-label"] == "Temas"
    assert page.select_one(".topic-list")["lang"] == "es"  # inside the English story
    footer = page.select_one(".site-footer__nav li")
    assert footer.get_text() == "About us" and footer["lang"] == "en"
    index = BeautifulSoup(client.get(story.get_parent().url, **SPANISH).content, "html.parser")
    assert index.select_one('#filter-topic option[value="night-shifts"]')["lang"] == "en"
    # In English nothing is marked: the words are in the page's language.
    english = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert not english.select(".topic-list [lang], .topic-list[lang], .site-footer__nav [lang]")


def test_in_spanish_the_crisis_help_an_urgent_author_is_shown_is_marked_english(
    client, story_index, django_capture_on_commit_callbacks
):
    body = "I have been stockpiling my pills and tonight I want to end it all. " * 3
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/share/", story_form_data(body=body), **SPANISH)
    assert response.status_code == 302
    submission = Submission.objects.latest("pk")
    assert submission.urgent

    page = BeautifulSoup(client.get(submission.get_status_url(), **SPANISH).content, "html.parser")

    assert page.select_one("aside.notice--urgent")["lang"] == "en"
    english = BeautifulSoup(client.get(submission.get_status_url()).content, "html.parser")
    assert not english.select_one("aside.notice--urgent").has_attr("lang")


def test_a_story_sent_in_spanish_records_its_language_and_the_spanish_consent(send_story):
    submission = send_story(SPANISH, body=SPANISH_STORY)

    spanish = CONSENTS["es"][-1]
    assert submission.language == "es"
    assert submission.consent_version == spanish.version
    assert consent_for(submission.language, submission.consent_version) == spanish
    assert submission.story.language == "es"


def test_a_story_sent_in_english_records_english_and_the_english_consent(send_story):
    submission = send_story()

    assert submission.language == "en"
    assert submission.consent_version == CONSENT_VERSION
    assert submission.story.language == "en"


def test_the_author_is_mailed_in_their_language_and_the_moderators_in_english(send_story):
    submission = send_story(SPANISH)

    receipt = next(m for m in mail.outbox if m.to == ["rosalind@example.org"])
    assert receipt.subject == f"Hemos recibido su historia ({submission.reference})"
    assert f"Su número de referencia es {submission.reference}." in receipt.body
    assert "No comparta este enlace" in receipt.body
    notice = next(m for m in mail.outbox if m.to == ["moderators@example.org"])
    assert "story" in notice.subject.lower()
    assert "historia" not in notice.subject.lower()


def test_the_switcher_sets_the_language_and_returns_to_the_page(client, story_index):
    page = client.get("/share/").content.decode()
    assert f'action="{reverse("set_language")}"' in page
    assert '<option value="es" lang="es">Español</option>' in page

    response = client.post(reverse("set_language"), {"language": "es", "next": "/share/"})

    assert response.status_code == 302
    assert response["Location"] == "/share/"
    assert response.cookies["django_language"].value == "es"
    assert "<h1>Comparta su historia</h1>" in client.get("/share/").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/share/"})
    assert "<h1>Share your story</h1>" in client.get("/share/", **SPANISH).content.decode()


def test_the_switcher_does_not_send_the_reader_to_another_site(client, story_index):
    response = client.post(
        reverse("set_language"), {"language": "es", "next": "https://evil.example/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_switcher_needs_the_csrf_token(story_index):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("set_language"), {"language": "es", "next": "/"}
    )

    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_the_review_page_says_the_screen_does_not_read_a_spanish_story(
    send_story, moderator_client
):
    spanish = send_story(SPANISH, body=SPANISH_STORY)
    english = send_story(title="A second story, in English")

    page = moderator_client.get(reverse("story_moderation:review", args=[spanish.story.pk]))
    html = page.content.decode()
    assert "This story is in Spanish; the screen's rules are English-only." in html
    assert "Read the whole story yourself before deciding." in html
    assert '<dd lang="es">Spanish</dd>' in html  # the author's language, in the admin's
    other = moderator_client.get(reverse("story_moderation:review", args=[english.story.pk]))
    assert "English-only" not in other.content.decode()


def test_the_share_form_writes_its_limits_as_each_language_writes_numbers(client, story_index):
    english = client.get("/share/").content.decode()
    spanish = client.get("/share/", **SPANISH).content.decode()

    assert "in 100 to 20,000 characters" in english
    assert "con entre 100 y 20.000 caracteres" in spanish
    assert "20,000" not in spanish


def test_the_comment_form_writes_its_limit_as_each_language_writes_numbers(client, make_story):
    story = make_story(title="Back on the bike")

    assert "up to 3,000 characters" in client.get(story.url).content.decode()
    spanish = client.get(story.url, **SPANISH).content.decode()
    assert "hasta 3.000 caracteres" in spanish
    assert "3,000" not in spanish


def test_the_status_page_speaks_spanish_to_a_spanish_author(send_story, client):
    submission = send_story(SPANISH, comment_mail="on")

    html = client.get(submission.get_status_url(), **SPANISH).content.decode()

    assert "Mensajes con los moderadores" in html
    assert "Todavía no hay mensajes." in html
    assert "Enviar mi mensaje" in html
    assert "Comentarios sobre su historia" in html
    assert "Dejar de recibir correos sobre los comentarios" in html
    assert "Hasta 5.000 caracteres." in html
    for english in ("Messages with the moderators", "Send my message", "Comments on your story"):
        assert english not in html
    error = client.post(submission.get_status_url() + "messages/", {"body": ""}, **SPANISH)
    assert "Su mensaje sigue aquí." in error.content.decode()


def test_a_moderators_message_reaches_a_spanish_author_in_spanish(
    send_story, moderator, django_capture_on_commit_callbacks
):
    submission = send_story(SPANISH)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_message(submission, "Gracias, la leemos esta semana.", user=moderator)

    [message] = [m for m in mail.outbox if m.to == ["rosalind@example.org"]]
    assert message.subject == (
        f"Un moderador le ha escrito sobre su historia ({submission.reference})"
    )
    assert "Un moderador le ha escrito sobre su historia «" in message.body
    assert "Gracias, la leemos esta semana." in message.body
    assert "Puede leer toda la conversación" in message.body
    assert "A moderator has written" not in message.body


def test_the_comment_digest_reaches_a_spanish_author_in_spanish(
    send_story, moderator_client, django_capture_on_commit_callbacks
):
    submission = send_story(SPANISH, comment_mail="on")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/", {"action": "approve"}
        )
    CommentFactory(target=submission.story.specific, comment="Gracias por contarlo.")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert send_comment_digests() == 1

    [digest] = mail.outbox
    assert digest.subject == f"Un comentario nuevo sobre su historia «{submission.story.title}»"
    assert "Los lectores han escrito un comentario nuevo" in digest.body
    assert "abra este enlace y confírmelo" in digest.body
    assert "Readers have written" not in digest.body


def test_the_screening_tasks_note_in_the_history_is_in_the_sites_language(send_story):
    submission = send_story(SPANISH)

    entry = PageLogEntry.objects.get(page=submission.story, action="wagtail.workflow.approve")
    assert entry.user is None
    assert entry.data["comment"] == "Screened automatically."


def test_a_story_written_in_spanish_on_the_english_form_is_recorded_as_spanish(
    send_story, moderator_client
):
    """The author read the site in English (their consent and mail stay English) but
    wrote in Spanish: the moderators are told the screen's rules do not read it."""
    submission = send_story(title="Las enfermeras de la noche", body=SPANISH_STORY)

    assert submission.story.language == "es"
    assert submission.language == "en"
    assert submission.consent_version == CONSENT_VERSION
    html = moderator_client.get(
        reverse("story_moderation:review", args=[submission.story.pk])
    ).content.decode()
    assert "This story is in Spanish; the screen's rules are English-only." in html


def test_a_story_written_in_english_on_the_spanish_form_is_recorded_as_english(send_story):
    submission = send_story(SPANISH)  # CLEAN_STORY is English

    assert submission.story.language == "en"
    assert submission.language == "es"  # the author is still mailed in Spanish


def test_an_authors_edit_into_spanish_records_the_story_as_spanish(story_index, client):
    from tests.factories import SubmissionFactory

    submission = SubmissionFactory(
        story__parent=story_index, state=Submission.State.CHANGES_REQUESTED
    )
    client.post(submission.get_edit_url(), {"title": "Mi historia", "body": SPANISH_STORY})

    story = submission.story.__class__.objects.get(pk=submission.story_id)
    assert story.get_latest_revision_as_object().language == "es"


@pytest.mark.parametrize(
    "text",
    [
        "Gracias!",  # too short to tell
        # half and half
        "The night nurses and the doctors, las enfermeras y los médicos de la planta.",
        "Obrigado a toda a equipe do hospital pela paciência comigo.",  # not a site language
    ],
)
def test_a_text_whose_words_do_not_say_keeps_the_forms_language(text):
    from stories.languages import detect_language

    assert detect_language(text, default="en") == "en"
    assert detect_language(text, default="es") == "es"
