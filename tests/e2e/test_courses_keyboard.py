"""A learner completes a module with the keyboard only, and every learner page type
on the way passes axe-core (no serious or critical violation): issue 4 item 7.

The browser is only ever driven with Tab, Shift+Tab, arrow keys, Space, Enter and
typing; ``tab_to`` presses Tab until the wanted element has focus, so a control
that cannot be reached with Tab fails the test.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from courses.services import assignment_create, lesson_visit_record
from tests.courses import factories as f
from tests.factories import PASSWORD, employee


def tab_to(page, locator, *, backwards: bool = False, limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until ``locator`` has keyboard focus."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("el => document.activeElement === el", handle):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{locator} cannot be reached with the keyboard")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def choose_with_arrows(page, select, value: str) -> None:
    """Pick an option of a focused <select> with the arrow keys."""
    for _ in range(40):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value!r} not reached with the arrow keys")


def _content(site):
    learner = employee(user__first_name="Sanne").user
    catalogue = f.catalogue_page(site)
    termijnen = f.competence("zgw-termijnen", "Termijnen bewaken")
    module = f.module_page(
        catalogue,
        title="Termijnen: opschorten en verlengen",
        summary="Hoe de behandeltermijn van een zaak loopt.",
        learning_objectives="Je kunt een zaak opschorten.\nJe kunt verlengen.",
        pass_mark=70,
        max_attempts=3,
        competences=[termijnen],
    )
    f.module_page(catalogue, title="Archiveren", summary="Bewaren en vernietigen.")
    question = f.single_choice(
        prompt="Wie bepaalt de behandeltermijn van een zaak?",
        options=(
            ("De behandelaar", False, "Nee: die kiest de termijn niet zelf."),
            ("Het zaaktype", True, "Ja: het zaaktype legt de termijn vast."),
            ("De klant", False, "Nee."),
        ),
    )
    statement = f.true_false(
        prompt="Een opschorting schuift de uiterlijke einddatum op.", correct="true"
    )
    first = f.lesson_page(module, f.text(), f.callout(), question, title="De termijn")
    second = f.lesson_page(module, f.practice_example(), statement, title="Opschorten")
    assignment_create(
        actor=None,
        module=module,
        target_type="persons",
        people=[learner],
        due_date=timezone.localdate() + timedelta(days=7),
    )
    return learner, catalogue, module, (first, question), (second, statement)


def test_a_learner_completes_a_module_with_the_keyboard_only(
    live_server, site, page, axe_check
):
    learner, catalogue, module, (first, question), (second, statement) = _content(site)

    # Sign in: type, Tab, type, Enter.
    page.goto(live_server.url + "/accounts/login/")
    tab_to(page, page.locator("input[name=login]"))
    page.keyboard.type(learner.email)
    tab_to(page, page.locator("input[name=password]"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/")
    # The rest in English: the texts the tests pin.
    page.context.add_cookies(
        [
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "value": "en",
                "url": live_server.url,
            }
        ]
    )
    page.reload()

    # The catalogue, from the main navigation.
    nav = page.get_by_role("navigation", name="Main navigation")
    tab_to(page, nav.get_by_role("link", name="Catalogue"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(catalogue.title)
    expect(page.get_by_role("heading", name="2 modules")).to_be_visible()
    axe_check(page)

    # Filter on a competence.
    competence = page.get_by_label("Competence")
    tab_to(page, competence)
    choose_with_arrows(page, competence, "zgw-termijnen")
    tab_to(page, page.get_by_role("button", name="Show modules"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"competence=zgw-termijnen"))
    expect(page.get_by_role("heading", name="1 module")).to_be_visible()
    axe_check(page)

    # The module page: Start.
    tab_to(page, page.get_by_role("link", name=module.title))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    expect(page.get_by_text("Termijnen bewaken")).to_be_visible()
    axe_check(page)
    tab_to(page, page.get_by_role("button", name="Start"))
    page.keyboard.press("Enter")

    # Lesson 1: a wrong answer first.
    expect(page).to_have_url(live_server.url + first.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("De termijn")
    axe_check(page)
    wrong = page.get_by_label("De behandelaar")
    tab_to(page, wrong)  # the first radio of the group takes focus
    page.keyboard.press("Space")
    expect(wrong).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Check answer"))
    page.keyboard.press("Enter")

    # Feedback in place, and focus moved to it.
    feedback = page.locator(f"#feedback-{question['id']}")
    expect(feedback).to_contain_text("Not correct.")
    expect(feedback).to_contain_text("Nee: die kiest de termijn niet zelf.")
    expect(feedback).to_be_focused()
    axe_check(page)

    # Back into the form (Shift+Tab), the right answer with the arrow keys.
    tab_to(page, page.get_by_role("button", name="Check again"), backwards=True)
    page.keyboard.press("Shift+Tab")
    expect(wrong).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Het zaaktype")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Check again"))
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_be_focused()
    assert focused_id(page) == f"feedback-{question['id']}"

    # On to lesson 2 through the pager.
    tab_to(page, page.get_by_role("link", name=re.compile("^Next lesson")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opschorten")
    axe_check(page)
    tab_to(page, page.get_by_label("True"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Check answer"))
    page.keyboard.press("Enter")
    feedback = page.locator(f"#feedback-{statement['id']}")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_be_focused()

    # The completion page says so, and what is next.
    tab_to(page, page.get_by_role("link", name=re.compile("^Last lesson done?")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Module completed")
    expect(page.get_by_role("heading", name="What is next")).to_be_visible()
    axe_check(page)

    # "Mijn leren": the assigned module is completed.
    nav = page.get_by_role("navigation", name="Main navigation")
    tab_to(page, nav.get_by_role("link", name="My learning"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    completed = page.get_by_role("region", name=re.compile("^Completed"))
    expect(completed).to_contain_text(module.title)
    axe_check(page)


def test_my_learning_with_open_items_is_accessible(live_server, site, page, axe_check):
    """Overdue, in progress and assigned items on "Mijn leren"."""
    learner, catalogue, module, (first, _q), _ = _content(site)
    other = f.module_page(catalogue, title="Documenten")
    f.lesson_page(other, f.text())
    assignment_create(
        actor=None,
        module=other,
        target_type="persons",
        people=[learner],
        due_date=timezone.localdate() - timedelta(days=3),
    )
    lesson_visit_record(user=learner, lesson=first)

    page.goto(live_server.url + "/accounts/login/")
    page.locator("input[name=login]").fill(learner.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/")
    page.goto(live_server.url + catalogue.url + "mijn-leren/")
    expect(
        page.get_by_role("heading", name=re.compile("^(Overdue|Te laat)"))
    ).to_be_visible()
    axe_check(page)
