"""The platform's own recording service and vocabulary (issue 3 items 4 and 6)."""

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.concepts.activity_types import scorm_profile
from ralph.models.xapi.concepts.verbs import adl_vocabulary
from ralph.models.xapi.concepts.verbs import scorm_profile as scorm
from ralph.models.xapi.concepts.verbs import video as ralph_video

from lms.lrs import vocabulary
from lms.lrs.models import ForwardingEndpoint, Statement
from lms.lrs.services import statement_record
from lms.lrs.signals import statement_recorded
from tests.factories import UserFactory
from tests.lms.lrs.fake_lrs import FakeLRS

DOCS = Path(settings.BASE_DIR) / "docs" / "xapi-vocabulary.md"


@pytest.fixture
def learner_user(db):
    return UserFactory(email="j.de.vries@gemeente.test", first_name="Jan")


@pytest.fixture
def coach_user(db):
    return UserFactory(email="coach@gemeente.test")


# --- Identifiers -------------------------------------------------------------------
@pytest.mark.django_db
def test_actor_is_an_account_named_by_the_pseudonym(learner_user):
    """1.0.3 Data 2.4.2.3 / 2.4.2.5 (account IFI: homePage and name); issue 3 item 4:
    the actor is the platform's account for the user, never an e-mail address."""
    actor = vocabulary.actor_for(learner_user)

    assert actor == {
        "objectType": "Agent",
        "account": {
            "homePage": "http://testserver",
            "name": str(learner_user.pseudonym),
        },
    }
    assert "@" not in json.dumps(actor)
    assert "Jan" not in json.dumps(actor)


def test_activity_ids_are_iris_under_the_platform_url():
    """Issue 3 item 4: activity ids are IRIs under the configured base URL."""
    assert (
        vocabulary.activity_iri("lesson", 42)
        == "http://testserver/xapi/activities/lesson/42"
    )
    stable = uuid.UUID("5c3f1f6e-0c1d-4d2b-9a7e-1f2e3d4c5b6a")
    assert vocabulary.activity_iri("scenario", stable).endswith(f"/scenario/{stable}")


@pytest.mark.parametrize(
    ("kind", "stable_id"),
    [
        ("state", 1),  # would collide with the State resource
        ("profile", 1),  # would collide with the Activity Profile resource
        ("page", 1),
        ("lesson", "zaak aanmaken"),
        ("lesson", ""),
        ("lesson", "../1"),
    ],
)
def test_activity_iri_refuses_unstable_or_colliding_ids(kind, stable_id):
    with pytest.raises(ValueError):
        vocabulary.activity_iri(kind, stable_id)


# --- Vocabulary ----------------------------------------------------------------------
def test_every_verb_has_dutch_and_english_display():
    """1.0.3 Data 2.4.3 (verb: id IRI, display language map)."""
    for verb in vocabulary.VERBS:
        assert re.match(r"^https?://", verb.id)
        display = verb.as_dict()["display"]
        assert set(display) == {"nl-NL", "en-US"}
        assert all(display.values())


def test_verbs_and_types_match_the_established_vocabularies():
    """Issue 3 item 4: verbs and activity types come from established vocabularies;
    Ralph's concept models (ADL, SCORM profile, xAPI Video) name the same IRIs."""
    assert vocabulary.ANSWERED.id == adl_vocabulary.AnsweredVerb().id
    assert vocabulary.INITIALIZED.id == scorm.InitializedVerb().id
    assert vocabulary.COMPLETED.id == scorm.CompletedVerb().id
    assert vocabulary.TERMINATED.id == scorm.TerminatedVerb().id
    assert vocabulary.INTERACTED.id == scorm.InteractedVerb().id
    assert vocabulary.PLAYED.id == ralph_video.PlayedVerb().id
    assert vocabulary.PAUSED.id == ralph_video.PausedVerb().id
    fields = scorm_profile.CMIInteractionActivityDefinition.model_fields
    assert vocabulary.QUESTION_TYPE.id == fields["type"].default
    fields = scorm_profile.ModuleActivityDefinition.model_fields
    assert vocabulary.MODULE_TYPE.id == fields["type"].default
    fields = scorm_profile.CourseActivityDefinition.model_fields
    assert vocabulary.LEARNING_PATH_TYPE.id == fields["type"].default


def test_the_vocabulary_page_lists_every_verb_and_activity_type():
    """Issue 3 item 4: a page in docs/ lists every verb and activity type emitted."""
    page = DOCS.read_text()
    for concept in (*vocabulary.VERBS, *vocabulary.ACTIVITY_TYPES):
        assert concept.id in page, concept
    for kind in vocabulary.ACTIVITY_KINDS:
        assert f"`{kind}`" in page, kind


def test_language_map_of_a_translatable_text_has_dutch_and_english():
    # Any text in the message catalogues; course pages bring their own.
    assert vocabulary.language_map(gettext_lazy("Departments")) == {
        "nl-NL": "Afdelingen",
        "en-US": "Departments",
    }
    assert vocabulary.language_map("Zaak aanmaken") == {"nl-NL": "Zaak aanmaken"}
    assert vocabulary.language_map({"en-US": "x"}) == {"en-US": "x"}


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (timedelta(0), "PT0S"),
        (timedelta(seconds=5.25), "PT5.25S"),
        (timedelta(minutes=1, seconds=5), "PT1M5S"),
        (timedelta(hours=2, seconds=0.5), "PT2H0.5S"),
    ],
)
def test_durations_are_iso_8601(duration, text):
    """1.0.3 Data 4.6 (ISO 8601 durations, 0.01 s precision)."""
    assert vocabulary.xapi_duration(duration) == text


# --- Recording -------------------------------------------------------------------------
@pytest.mark.django_db
def test_statement_record_stores_the_statement_as_the_platform(learner_user):
    """Issue 3 item 4 / 1.0.3 Data 2.4.9 (authority): the platform is the authority
    of the statements it records; registration and context activities are set."""
    registration = uuid.uuid4()
    module = vocabulary.activity_iri("module", 7)
    path = vocabulary.activity_iri("learning-path", 3)
    question = vocabulary.activity_iri("question", 31)

    row = statement_record(
        user=learner_user,
        verb=vocabulary.ANSWERED,
        activity_id=question,
        activity_type=vocabulary.QUESTION_TYPE,
        activity_name=gettext_lazy("Departments"),
        result={"success": True, "response": "b", "score": {"scaled": 0.5}},
        registration=registration,
        parent_activity_ids=[module],
        grouping_activity_ids=[path],
    )

    assert isinstance(row, Statement)
    payload = row.payload
    assert payload["actor"] == vocabulary.actor_for(learner_user)
    assert payload["verb"] == {
        "id": "http://adlnet.gov/expapi/verbs/answered",
        "display": {"nl-NL": "beantwoordde", "en-US": "answered"},
    }
    assert payload["object"] == {
        "objectType": "Activity",
        "id": question,
        "definition": {
            "name": {"nl-NL": "Afdelingen", "en-US": "Departments"},
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        },
    }
    assert payload["result"]["score"] == {"scaled": 0.5}
    context = payload["context"]
    assert context["registration"] == str(registration)
    assert context["platform"] == "Zaakwijs"
    assert context["contextActivities"]["parent"] == [
        {"objectType": "Activity", "id": module}
    ]
    assert context["contextActivities"]["grouping"] == [
        {"objectType": "Activity", "id": path}
    ]
    assert payload["authority"] == {
        "objectType": "Agent",
        "name": "Zaakwijs",
        "account": {"homePage": "http://testserver", "name": "zaakwijs"},
    }
    assert payload["stored"]
    assert row.registration == registration
    assert row.object_activity_id == question
    assert row.verb_id == vocabulary.ANSWERED.id
    assert row.credential is None
    assert learner_user.email not in json.dumps(payload)


@pytest.mark.django_db
def test_a_domain_change_and_its_statement_commit_together_or_not_at_all(learner_user):
    """Issue 3 item 4: the statement is stored in the caller's transaction; when it
    rolls back, the domain change and the statement are both gone."""

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        learner_user.first_name = "Johanna"
        learner_user.save(update_fields=["first_name"])
        statement_record(
            user=learner_user,
            verb=vocabulary.COMPLETED,
            activity_id=vocabulary.activity_iri("module", 7),
        )
        assert Statement.objects.count() == 1
        raise Abandoned

    learner_user.refresh_from_db()
    assert learner_user.first_name == "Jan"
    assert not Statement.objects.exists()

    with transaction.atomic():
        learner_user.first_name = "Johanna"
        learner_user.save(update_fields=["first_name"])
        statement_record(
            user=learner_user,
            verb=vocabulary.COMPLETED,
            activity_id=vocabulary.activity_iri("module", 7),
        )
    learner_user.refresh_from_db()
    assert learner_user.first_name == "Johanna"
    assert Statement.objects.count() == 1


@pytest.mark.django_db
def test_listeners_hear_of_a_statement_only_after_commit(
    learner_user, django_capture_on_commit_callbacks
):
    """Issue 3 item 4: listeners (badges, coaching, forwarding) run after commit, and
    never for a statement whose transaction rolled back."""
    heard = []

    def listener(statement, **kwargs):
        heard.append(statement.statement_id)

    statement_recorded.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(RuntimeError), transaction.atomic():
                statement_record(
                    user=learner_user,
                    verb=vocabulary.COMPLETED,
                    activity_id=vocabulary.activity_iri("module", 1),
                )
                raise RuntimeError
            row = statement_record(
                user=learner_user,
                verb=vocabulary.COMPLETED,
                activity_id=vocabulary.activity_iri("module", 2),
            )
            assert heard == []
    finally:
        statement_recorded.disconnect(listener)

    assert heard == [row.statement_id]


@pytest.mark.django_db
def test_recording_again_with_the_same_id_is_harmless(learner_user):
    """1.0.3 Communication 2.1.2 (a statement id already stored with the same
    content): a retried domain action does not record twice."""
    statement_id = uuid.uuid4()
    when = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    kwargs = {
        "user": learner_user,
        "verb": vocabulary.EXPERIENCED,
        "activity_id": vocabulary.activity_iri("lesson", 12),
        "timestamp": when,
        "statement_id": statement_id,
    }
    first = statement_record(**kwargs)
    second = statement_record(**kwargs)

    assert first.pk == second.pk
    assert Statement.objects.count() == 1
    assert first.payload["timestamp"] == "2025-03-01T09:30:00.000Z"


def test_a_naive_timestamp_is_refused(learner_user):
    with pytest.raises(ValueError):
        statement_record(
            user=learner_user,
            verb=vocabulary.EXPERIENCED,
            activity_id=vocabulary.activity_iri("lesson", 12),
            timestamp=datetime(2025, 3, 1, 9, 30),  # noqa: DTZ001 (the point)
        )


def _emitted_statements(learner, coach) -> list[dict]:
    """One of each statement the platform emits, as docs/xapi-vocabulary.md lists."""
    module = vocabulary.activity_iri("module", 7)
    path = vocabulary.activity_iri("learning-path", 3)
    lesson = vocabulary.activity_iri("lesson", 12)
    scenario = vocabulary.activity_iri("scenario", uuid.uuid4())
    registration = uuid.uuid4()
    in_module = {
        "registration": registration,
        "parent_activity_ids": [module],
        "grouping_activity_ids": [path],
    }
    in_scenario = {"registration": uuid.uuid4(), "parent_activity_ids": [scenario]}
    badge = vocabulary.activity_iri("badge", uuid.uuid4())
    return [
        {
            "verb": vocabulary.LAUNCHED,
            "activity_id": module,
            "activity_type": vocabulary.MODULE_TYPE,
            "activity_name": {"nl-NL": "Zaakgericht werken", "en-US": "Case work"},
            "registration": registration,
            "grouping_activity_ids": [path],
        },
        {
            "verb": vocabulary.INITIALIZED,
            "activity_id": module,
            "activity_type": vocabulary.MODULE_TYPE,
            "registration": registration,
        },
        {
            "verb": vocabulary.EXPERIENCED,
            "activity_id": lesson,
            "activity_type": vocabulary.LESSON_TYPE,
            "activity_name": "Wat is een zaak?",
            **in_module,
        },
        {
            "verb": vocabulary.ANSWERED,
            "activity_id": vocabulary.activity_iri("question", 31),
            "activity_type": vocabulary.QUESTION_TYPE,
            "result": {
                "success": False,
                "response": "a",
                "score": {"raw": 0, "min": 0, "max": 1, "scaled": 0},
            },
            **in_module,
        },
        {
            "verb": vocabulary.PASSED,
            "activity_id": module,
            "activity_type": vocabulary.MODULE_TYPE,
            "result": {
                "success": True,
                "completion": True,
                "score": {"scaled": 0.8},
                "duration": vocabulary.xapi_duration(timedelta(minutes=23)),
            },
            "registration": registration,
            "grouping_activity_ids": [path],
        },
        {
            "verb": vocabulary.FAILED,
            "activity_id": module,
            "activity_type": vocabulary.MODULE_TYPE,
            "result": {"success": False, "score": {"scaled": 0.4}},
            "registration": registration,
        },
        {
            "verb": vocabulary.COMPLETED,
            "activity_id": module,
            "activity_type": vocabulary.MODULE_TYPE,
            "result": {"completion": True},
            "registration": registration,
        },
        {
            "verb": vocabulary.ATTEMPTED,
            "activity_id": scenario,
            "activity_type": vocabulary.SCENARIO_TYPE,
            "activity_name": "Omgevingsvergunning behandelen",
            "registration": in_scenario["registration"],
        },
        {
            "verb": vocabulary.INTERACTED,
            "activity_id": vocabulary.activity_iri("sandbox-action", "status-zetten"),
            "activity_type": vocabulary.SANDBOX_ACTION_TYPE,
            "context": {
                "extensions": {
                    vocabulary.extension_iri("zaak-status"): "In behandeling"
                }
            },
            **in_scenario,
        },
        {
            "verb": vocabulary.COMPLETED,
            "activity_id": scenario,
            "activity_type": vocabulary.SCENARIO_TYPE,
            "result": {
                "completion": True,
                "success": True,
                "score": {"raw": 7, "min": 0, "max": 8, "scaled": 0.875},
                "duration": "PT41M12S",
            },
            "registration": in_scenario["registration"],
        },
        {
            "verb": vocabulary.EARNED,
            "activity_id": badge,
            "activity_type": vocabulary.BADGE_TYPE,
            "activity_name": {"nl-NL": "Zaakbehandelaar niveau 1"},
            "result": {
                "extensions": {
                    vocabulary.OPEN_BADGES_ASSERTION_EXTENSION: {
                        "@id": f"{badge}/assertion/1"
                    }
                }
            },
            "context": {
                "contextActivities": {
                    "category": [
                        {"objectType": "Activity", "id": vocabulary.OPEN_BADGES_RECIPE}
                    ]
                }
            },
        },
        {
            "verb": vocabulary.ACHIEVED,
            "activity_id": vocabulary.activity_iri("competence", uuid.uuid4()),
            "activity_type": vocabulary.COMPETENCE_TYPE,
            "instructor": coach,
            "context": {"extensions": {vocabulary.extension_iri("level"): 2}},
        },
    ]


@pytest.mark.django_db
def test_emitted_statements_pass_ralphs_xapi_models(learner_user, coach_user):
    """Issue 3 item 6: statements the platform emits pass the validation of an
    independent xAPI model library (Ralph's ralph.models.xapi)."""
    for kwargs in _emitted_statements(learner_user, coach_user):
        row = statement_record(user=learner_user, **kwargs)
        model = BaseXapiStatement.model_validate(row.payload)
        assert str(model.id) == str(row.statement_id)
        assert str(model.verb.id) == kwargs["verb"].id


@pytest.mark.django_db
def test_a_coach_sign_off_names_the_coach_as_instructor(learner_user, coach_user):
    """Issue 3 item 4 (coaching): the sign-off has the learner as actor and the coach
    as context instructor (1.0.3 Data 2.4.6.1), both as pseudonymous accounts."""
    row = statement_record(
        user=learner_user,
        verb=vocabulary.ACHIEVED,
        activity_id=vocabulary.activity_iri("competence", "zaak-registreren"),
        activity_type=vocabulary.COMPETENCE_TYPE,
        instructor=coach_user,
    )
    assert row.payload["actor"] == vocabulary.actor_for(learner_user)
    assert row.payload["context"]["instructor"] == vocabulary.actor_for(coach_user)
    assert coach_user.email not in json.dumps(row.payload)


@pytest.mark.django_db
def test_a_recorded_statement_reaches_an_external_lrs_after_commit(
    learner_user, django_capture_on_commit_callbacks, settings
):
    """Issue 3 items 4 and 5: after the commit the statement is forwarded (the test
    settings run tasks immediately)."""
    settings.LRS_FORWARDING_SETTLE_SECONDS = 0
    remote = FakeLRS().start()
    try:
        ForwardingEndpoint.objects.create(name="Ralph", url=remote.url)
        with django_capture_on_commit_callbacks(execute=True):
            row = statement_record(
                user=learner_user,
                verb=vocabulary.COMPLETED,
                activity_id=vocabulary.activity_iri("module", 7),
            )
            assert remote.requests == []
    finally:
        remote.stop()

    assert remote.stored_ids == [str(row.statement_id)]
    assert remote.stored[str(row.statement_id)] == row.payload
