"""A Spanish-speaking reader changes the site's language with the switcher and
shares a story in Spanish, in Chromium, with axe-core on each page."""

import pytest
from playwright.sync_api import expect

from stories.consent import CONSENTS
from stories.models import Submission
from tests.e2e.test_form_accessibility import axe_violations

pytestmark = pytest.mark.usefixtures("demo_site")

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
STORY = (
    "Las enfermeras del turno de noche me explicaron cada máquina y nunca me hicieron "
    "sentir tonta por preguntar dos veces. Hoy camino tres kilómetros al día."
)


def test_reader_switches_to_spanish_and_shares_a_story_on_a_small_phone(live_server, phone_page):
    page = phone_page
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_label("Language").select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name="Change language").click()

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_label("Idioma").input_value() == "es"
    expect(page.get_by_role("heading", name="Últimas historias")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0
    assert axe_violations(page) == []

    page.get_by_role("link", name="Comparta su historia").first.click()
    page.wait_for_url("**/share/")
    page.get_by_label("Título de su historia").fill("El turno de noche")
    page.get_by_label("Su historia (obligatorio)", exact=True).fill("Demasiado corta")
    page.get_by_role("button", name="Enviar mi historia").click()

    assert page.title().startswith("Error: Comparta su historia")
    expect(page.get_by_role("alert")).to_contain_text("Hay un problema", use_inner_text=True)
    assert axe_violations(page) == []

    page.get_by_label("Su historia (obligatorio)", exact=True).fill(STORY)
    expect(page.locator(".counter")).to_have_text(
        f"{len(STORY)} de 20.000 caracteres", use_inner_text=True
    )
    page.get_by_label("Paciente", exact=True).check()
    page.get_by_label("Solo mi nombre de pila").check()
    page.get_by_label("Su nombre").fill("Lucía Romero")
    page.get_by_label("Su correo electrónico").fill("lucia@example.org")
    page.get_by_label(CONSENTS["es"][-1].text).check()
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("button", name="Enviar mi historia").click()

    page.wait_for_url("**/share/received/**")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Gracias. Hemos recibido su historia."
    assert axe_violations(page) == []
    submission = Submission.objects.select_related("story").get()
    assert (submission.language, submission.story.language) == ("es", "es")
    assert submission.consent_version == CONSENTS["es"][-1].version

    # The status page names its limit and counts towards it in the same Spanish numbers.
    page.goto(live_server.url + submission.get_status_url())
    expect(page.get_by_role("heading", name="Mensajes con los moderadores")).to_be_visible()
    expect(page.get_by_text("Hasta 5.000 caracteres.")).to_be_visible()
    expect(page.locator(".counter")).to_have_text("0 de 5.000 caracteres", use_inner_text=True)
    assert page.evaluate(OVERFLOW) <= 0
