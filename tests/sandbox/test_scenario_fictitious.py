"""Starting-state people completed with fictitious data (Faker nl_NL, 11-proef BSN)."""

import random

from sandbox.models import NatuurlijkPersoon, Zaak
from sandbox.scenarios.fictitious import fictitious_bsn, person_complete
from sandbox.scenarios.services import attempt_start
from sandbox.validators import is_valid_bsn
from tests.factories import employee
from tests.sandbox.scenario_support import demo_scenarios  # noqa: F401


def test_generated_bsns_pass_the_elfproef():
    rng = random.Random(7)  # noqa: S311
    assert all(is_valid_bsn(fictitious_bsn(rng)) for _ in range(500))


def test_what_the_editor_gave_is_kept_and_the_rest_is_filled():
    person = person_complete({"geslachtsnaam": "Bakker", "bsn": ""}, seed="a")
    assert person["geslachtsnaam"] == "Bakker"
    assert is_valid_bsn(person["bsn"])
    assert person["straat"] and person["postcode"] and person["huisnummer"]
    assert person_complete({}, seed="a") == person_complete({}, seed="a")
    assert person_complete({}, seed="a") != person_complete({}, seed="b")


def _initiator_of_subject(attempt) -> NatuurlijkPersoon:
    zaak = Zaak.objects.get(
        workspace=attempt.workspace, identificatie=attempt.seeded["aanvraag"]
    )
    return NatuurlijkPersoon.objects.get(rol__zaak=zaak)


def test_each_attempt_gets_its_own_fictitious_initiator(demo_scenarios):  # noqa: F811
    scenario = demo_scenarios["omgevingsvergunning-aanvullen"]
    data = scenario.start_state.raw_data
    for block in data:
        if block["type"] == "zaak":
            block["value"]["initiator"].update(
                geslachtsnaam="", voorletters="", bsn="", straat="", fictief=True
            )
    scenario.start_state = data
    scenario.save()

    first = _initiator_of_subject(
        attempt_start(scenario=scenario, learner=employee().user)
    )
    second = _initiator_of_subject(
        attempt_start(scenario=scenario, learner=employee().user)
    )

    for person in (first, second):
        assert person.geslachtsnaam
        assert is_valid_bsn(person.inp_bsn)
        assert person.verblijfsadres_wpl_woonplaats_naam == "Zaakwijk"
    assert first.inp_bsn != second.inp_bsn
