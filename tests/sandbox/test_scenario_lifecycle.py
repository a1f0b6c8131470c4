"""Attempts: start (seeded, isolated workspace), events, hand in (assessment),
reset, retry, delete, xAPI statements, and the report to a lesson."""

import pytest

from lms.lrs import vocabulary
from lms.lrs.models import Statement
from sandbox.models import Attempt, Workspace, Zaak
from sandbox.scenarios.services import (
    attempt_delete,
    attempt_finish,
    attempt_reset,
    attempt_retry,
    attempt_start,
)
from tests.sandbox import scenario_support
from tests.sandbox.scenario_support import play_mor

demo_scenarios = scenario_support.demo_scenarios


def _verbs(attempt):
    return [
        s.payload["verb"]["id"].rsplit("/", 1)[-1]
        for s in Statement.objects.filter(registration=attempt.registration).order_by(
            "seq"
        )
    ]


def test_a_good_mor_attempt_passes(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    assert attempt.workspace.owner == learner
    assert attempt.workspace.clock.date().isoformat() == "2026-03-02"
    play_mor(attempt, learner)
    attempt = attempt_finish(attempt=attempt, actor=learner)
    failed = [r for r in attempt.results if not r["passed"]]
    assert failed == []
    assert attempt.passed is True
    assert attempt.score == 1.0


def test_a_careless_mor_attempt_fails_with_feedback(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    play_mor(attempt, learner, good=False)
    attempt = attempt_finish(attempt=attempt, actor=learner)
    assert attempt.passed is False
    failed = {r["type"] for r in attempt.results if not r["passed"]}
    assert {"zaaktype", "intake", "no_bsn_in_free_text", "resultaat"} <= failed
    assert all(r["feedback"] for r in attempt.results if not r["passed"])


def test_every_seeded_scenario_starts_and_is_consistent(demo_scenarios, learner):
    from sandbox.scenarios.authoring import definition_problems

    assert set(demo_scenarios) == {
        "mor-melding-eenvoudig",
        "woo-verzoek-verdaging",
        "klacht-afhandelen",
        "omgevingsvergunning-aanvullen",
        "bezwaar-ontvankelijkheid",
        "wmo-aanvraag-privacy",
    }
    for scenario in demo_scenarios.values():
        assert definition_problems(scenario) == [], scenario.slug
        scenario.full_clean()
        attempt = attempt_start(scenario=scenario, learner=learner)
        assert attempt.workspace is not None
        assert len(attempt.definition["checks"]) >= 5
        assert all(c["id"] for c in attempt.definition["checks"])
    bezwaar = Attempt.objects.get(scenario__slug="bezwaar-ontvankelijkheid")
    vergunning = Zaak.objects.get(
        workspace=bezwaar.workspace, identificatie=bezwaar.seeded["vergunning"]
    )
    assert vergunning.is_closed and vergunning.besluiten.count() == 1


def test_loading_the_scenarios_twice_changes_nothing(demo_scenarios):
    from sandbox.scenarios.demo import scenarios_load

    ids = {s.slug: [c.id for c in s.checks] for s in demo_scenarios.values()}
    again = {s.slug: [c.id for c in s.checks] for s in scenarios_load()}
    assert ids == again


def test_attempt_start_records_launched_and_initialized(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    statements = list(
        Statement.objects.filter(
            registration=attempt.registration,
            object_activity_id=vocabulary.activity_iri(
                "scenario", "mor-melding-eenvoudig"
            ),
        ).order_by("seq")
    )
    assert [s.payload["verb"]["id"] for s in statements] == [
        vocabulary.LAUNCHED.id,
        vocabulary.INITIALIZED.id,
    ]
    assert statements[0].payload["object"]["id"] == vocabulary.activity_iri(
        "scenario", "mor-melding-eenvoudig"
    )
    assert (
        statements[0].payload["object"]["definition"]["type"]
        == vocabulary.SCENARIO_TYPE.id
    )


def test_every_learner_action_is_a_statement_in_the_attempt(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    play_mor(attempt, learner)
    actions = [
        s.payload
        for s in Statement.objects.filter(registration=attempt.registration)
        if s.payload["verb"]["id"] == vocabulary.INTERACTED.id
    ]
    learner_steps = attempt.workspace.actions.filter(actor=learner).count()
    assert len(actions) == learner_steps
    first = actions[0]
    assert first["context"]["registration"] == str(attempt.registration)
    assert first["context"]["contextActivities"]["parent"][0][
        "id"
    ] == vocabulary.activity_iri("scenario", "mor-melding-eenvoudig")
    assert vocabulary.extension_iri("sandbox-time") in first["context"]["extensions"]
    assert first["object"]["definition"]["type"] == vocabulary.SANDBOX_ACTION_TYPE.id


def test_refused_actions_are_recorded_as_unsuccessful(demo_scenarios, learner):
    from sandbox.errors import SandboxRuleError
    from sandbox.models import ResultaatType
    from sandbox.services import zaak_close

    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    zaak = play_mor(attempt, learner, good=False)
    with pytest.raises(SandboxRuleError):
        zaak_close(zaak=zaak, actor=learner)
    last = (
        Statement.objects.filter(registration=attempt.registration)
        .order_by("-seq")
        .first()
    )
    assert last.payload["result"]["success"] is False
    assert ResultaatType.objects.exists()


def test_handing_in_records_completed_and_passed(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    play_mor(attempt, learner)
    attempt_finish(attempt=attempt, actor=learner)
    statements = {
        s.verb_id: s.payload
        for s in Statement.objects.filter(
            registration=attempt.registration,
            object_activity_id=vocabulary.activity_iri(
                "scenario", "mor-melding-eenvoudig"
            ),
        )
    }
    passed = statements[vocabulary.PASSED.id]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"]["scaled"] == 1.0
    completed = statements[vocabulary.COMPLETED.id]
    assert completed["result"]["completion"] is True
    assert completed["result"]["duration"].startswith("PT")
    checks = Statement.objects.filter(
        registration=attempt.registration,
        payload__object__definition__type=vocabulary.SANDBOX_CHECK_TYPE.id,
    )
    assert checks.count() == len(attempt.definition["checks"])


def test_a_failed_attempt_records_failed(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    play_mor(attempt, learner, good=False)
    attempt = attempt_finish(attempt=attempt, actor=learner)
    failed = Statement.objects.get(
        registration=attempt.registration,
        verb_id=vocabulary.FAILED.id,
        object_activity_id=vocabulary.activity_iri("scenario", "mor-melding-eenvoudig"),
    )
    assert failed.payload["result"]["success"] is False
    assert 0 <= failed.payload["result"]["score"]["scaled"] < 0.7


def test_handing_in_twice_changes_nothing(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    first = attempt_finish(attempt=attempt, actor=learner)
    count = Statement.objects.filter(registration=attempt.registration).count()
    second = attempt_finish(attempt=first, actor=learner)
    assert second.finished_at == first.finished_at
    assert Statement.objects.filter(registration=attempt.registration).count() == count


def test_only_the_learner_hands_in(demo_scenarios, learner, coach):
    from django.core.exceptions import PermissionDenied

    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    with pytest.raises(PermissionDenied):
        attempt_finish(attempt=attempt, actor=coach)
    with pytest.raises(PermissionDenied):
        attempt_reset(attempt=attempt, actor=coach)
    with pytest.raises(PermissionDenied):
        attempt_delete(attempt=attempt, actor=coach)


def test_events_arrive_when_the_clock_reaches_them(demo_scenarios, learner):
    from sandbox.scenarios.services import attempt_inbox
    from sandbox.services import workspace_clock_advance

    attempt = attempt_start(
        scenario=demo_scenarios["omgevingsvergunning-aanvullen"], learner=learner
    )
    documents_before = attempt.workspace.documenten.count()
    assert len(attempt_inbox(attempt)) == 0
    workspace_clock_advance(workspace=attempt.workspace, actor=learner, working_days=4)
    attempt.refresh_from_db()
    assert attempt.events_delivered == 0
    workspace_clock_advance(workspace=attempt.workspace, actor=learner, working_days=1)
    attempt.refresh_from_db()
    assert attempt.events_delivered == 1
    assert attempt.workspace.documenten.count() == documents_before + 1
    assert attempt.workspace.actions.filter(action="scenario_event").count() == 1
    assert attempt_inbox(attempt)[0]["onderwerp"].startswith("Aanvulling")


def test_reset_gives_a_fresh_workspace(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    old_workspace = attempt.workspace
    play_mor(attempt, learner)
    attempt = attempt_reset(attempt=attempt, actor=learner)
    assert attempt.workspace != old_workspace
    assert not Workspace.objects.filter(pk=old_workspace.pk).exists()
    assert not Zaak.objects.filter(workspace=attempt.workspace).exists()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_retry_is_a_new_attempt_with_its_own_registration(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    attempt = attempt_finish(attempt=attempt, actor=learner)
    new = attempt_retry(attempt=attempt, actor=learner)
    assert new.number == 2
    assert new.registration != attempt.registration
    assert new.workspace != attempt.workspace


def test_deleting_an_attempt_deletes_its_workspace(demo_scenarios, learner):
    attempt = attempt_start(
        scenario=demo_scenarios["mor-melding-eenvoudig"], learner=learner
    )
    workspace_pk = attempt.workspace.pk
    attempt_delete(attempt=attempt, actor=learner)
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert not Workspace.objects.filter(pk=workspace_pk).exists()


def test_editing_a_scenario_does_not_change_a_started_attempt(demo_scenarios, learner):
    scenario = demo_scenarios["mor-melding-eenvoudig"]
    attempt = attempt_start(scenario=scenario, learner=learner)
    scenario.pass_mark = 100
    scenario.save()
    play_mor(attempt, learner)
    attempt = attempt_finish(attempt=attempt, actor=learner)
    assert attempt.definition["pass_mark"] == 70


@pytest.mark.parametrize("slug", sorted(scenario_support.GOOD_RUNS))
def test_every_seeded_scenario_can_be_passed_with_full_marks(
    demo_scenarios, learner, slug
):
    attempt = attempt_start(scenario=demo_scenarios[slug], learner=learner)
    scenario_support.GOOD_RUNS[slug](attempt, learner)
    attempt = attempt_finish(attempt=attempt, actor=learner)
    assert [r for r in attempt.results if not r["passed"]] == []
    assert attempt.passed
