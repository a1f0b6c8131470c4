"""Statements built by independent xAPI libraries: what they produce as valid must
validate here (nothing well-formed is refused), and invalid statements that one of
them lets through must be refused here.

Ralph (``ralph.models.xapi``, France Université Numérique's pydantic models of xAPI
1.0.3) and TinCanPython (``tincan``, Rustici's client library).
"""

import datetime
import json
import uuid
from decimal import Decimal

import pytest
import tincan
from pydantic import TypeAdapter
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.concepts.constants import video as video_constants
from ralph.models.xapi.video.statements import VideoPlayed

from lms.lrs.validation import StatementValidationError, validate_statement
from tests.lms.lrs.validation_samples import both_versions

HOME = "https://zaakwijs.example"


def _json_value(value):
    """How a client serialises what ralph's python dump leaves as Python objects."""
    if isinstance(value, datetime.timedelta):
        return TypeAdapter(datetime.timedelta).dump_python(value, mode="json")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(type(value))


def _ralph_json(model) -> dict:
    dumped = model.model_dump(exclude_none=True, by_alias=True)
    return json.loads(json.dumps(dumped, default=_json_value))


def _ralph_statements() -> list:
    learner = {"objectType": "Agent", "account": {"homePage": HOME, "name": "u-1001"}}
    completed = {
        "id": "http://adlnet.gov/expapi/verbs/completed",
        "display": {"en-US": "completed"},
    }
    lesson = {
        "objectType": "Activity",
        "id": f"{HOME}/courses/intake/lessons/1",
        "definition": {
            "name": {"en-US": "Lesson 1", "nl-NL": "Les 1"},
            "type": "http://adlnet.gov/expapi/activities/lesson",
            "extensions": {f"{HOME}/xapi/extensions/level": 2},
        },
    }
    base = {
        "id": str(uuid.uuid4()),
        "actor": learner,
        "verb": completed,
        "object": lesson,
    }
    return [
        pytest.param(base, id="minimal"),
        pytest.param(
            {
                **base,
                "result": {
                    "score": {"scaled": 0.9, "raw": 9, "min": 0, "max": 10},
                    "success": True,
                    "completion": True,
                    "duration": "PT12M3.5S",
                },
                "context": {
                    "registration": str(uuid.uuid4()),
                    "platform": "Zaakwijs",
                    "language": "nl-NL",
                    "contextActivities": {
                        "parent": [{"id": f"{HOME}/courses/intake"}],
                        "category": [
                            {"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}
                        ],
                    },
                    "extensions": {f"{HOME}/xapi/extensions/session": "abc"},
                },
                "timestamp": "2024-05-04T17:00:00.123+00:00",
            },
            id="result-and-context",
        ),
        pytest.param(
            {
                **base,
                "actor": {
                    "objectType": "Group",
                    "name": "Team Noord",
                    "mbox": "mailto:noord@example.com",
                    "member": [
                        {"objectType": "Agent", "mbox": "mailto:ada@example.com"},
                        {
                            "objectType": "Agent",
                            "openid": "https://openid.example.org/b",
                        },
                    ],
                },
            },
            id="group-actor",
        ),
        pytest.param(
            {
                **base,
                "object": {
                    "objectType": "Activity",
                    "id": f"{HOME}/quizzes/1",
                    "definition": {
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "choice",
                        "correctResponsesPattern": ["a[,]b"],
                        "choices": [
                            {"id": "a", "description": {"en-US": "A"}},
                            {"id": "b"},
                        ],
                    },
                },
            },
            id="interaction",
        ),
        pytest.param(
            {
                **base,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                "object": {"objectType": "StatementRef", "id": str(uuid.uuid4())},
            },
            id="voiding",
        ),
        pytest.param(
            {
                **base,
                "object": {
                    "objectType": "SubStatement",
                    "actor": learner,
                    "verb": completed,
                    "object": lesson,
                },
            },
            id="substatement",
        ),
        pytest.param(
            {
                **base,
                "attachments": [
                    {
                        "usageType": "http://adlnet.gov/expapi/attachments/signature",
                        "display": {"en-US": "Signature"},
                        "contentType": "application/octet-stream",
                        "length": 10,
                        "sha2": "a" * 64,
                    }
                ],
            },
            id="attachments",
        ),
    ]


@pytest.mark.parametrize("data", _ralph_statements())
@both_versions
def test_statements_built_by_ralph_models_validate(data, version):
    """Issue 3 item 6 and 1.0.3 Data 2.4: a statement Ralph's models accept and
    serialise is a statement this LRS accepts."""
    model = BaseXapiStatement.model_validate(data)
    validate_statement(_ralph_json(model), version=version)


@both_versions
def test_a_ralph_video_profile_statement_validates(version):
    """Ralph's xAPI Video profile model (verb, activity type and extension IRIs filled
    in by the model) produces a valid statement."""
    model = VideoPlayed.model_validate(
        {
            "id": str(uuid.uuid4()),
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": HOME, "name": "u1"},
            },
            "object": {
                "objectType": "Activity",
                "id": f"{HOME}/videos/1",
                "definition": {"name": {"en-US": "Intro"}},
            },
            "result": {"extensions": {video_constants.RESULT_EXTENSION_TIME: 12.5}},
            "context": {
                "extensions": {
                    video_constants.CONTEXT_EXTENSION_SESSION_ID: str(uuid.uuid4()),
                    video_constants.CONTEXT_EXTENSION_LENGTH: 300.0,
                },
                "contextActivities": {
                    "category": [
                        {
                            "id": "https://w3id.org/xapi/video",
                            "definition": {
                                "type": "http://adlnet.gov/expapi/activities/profile"
                            },
                        }
                    ]
                },
            },
            "timestamp": "2024-05-04T17:00:00Z",
        }
    )
    document = _ralph_json(model)
    assert document["verb"]["id"] == "https://w3id.org/xapi/video/verbs/played"
    validate_statement(document, version=version)


def test_ralph_json_dump_writes_decimals_as_strings_which_the_spec_refuses():
    """1.0.3 Data 2.2.s4.b1.b2: numbers must be JSON numbers, even if strings contain
    numbers. Ralph's own model_dump_json writes Decimal scores as strings, so code
    that emits statements must serialise numbers itself (as _ralph_json does)."""
    model = BaseXapiStatement.model_validate(
        {
            "actor": {"mbox": "mailto:ada@example.com"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/scored"},
            "object": {"id": f"{HOME}/quizzes/1"},
            "result": {"score": {"scaled": 0.5}},
        }
    )
    document = json.loads(model.model_dump_json(exclude_none=True, by_alias=True))
    assert document["result"]["score"]["scaled"] == "0.5"
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version="1.0.3")
    assert caught.value.path == "result.score.scaled"


def _tincan_statement(**overrides) -> tincan.Statement:
    fields = {
        "id": uuid.uuid4(),
        "actor": tincan.Agent(
            name="Ada", account=tincan.AgentAccount(home_page=HOME, name="u-1001")
        ),
        "verb": tincan.Verb(
            id="http://adlnet.gov/expapi/verbs/answered",
            display=tincan.LanguageMap({"en-US": "answered"}),
        ),
        "object": tincan.Activity(
            id=f"{HOME}/quizzes/1",
            definition=tincan.ActivityDefinition(
                name=tincan.LanguageMap({"en-US": "Question 1"}),
                type="http://adlnet.gov/expapi/activities/cmi.interaction",
                interaction_type="choice",
                correct_responses_pattern=["a"],
                choices=tincan.InteractionComponentList(
                    [
                        tincan.InteractionComponent(
                            id="a", description=tincan.LanguageMap({"en-US": "A"})
                        ),
                        tincan.InteractionComponent(id="b"),
                    ]
                ),
                extensions=tincan.Extensions({f"{HOME}/xapi/extensions/level": 1}),
            ),
        ),
        "result": tincan.Result(
            score=tincan.Score(scaled=0.5, raw=5, min=0, max=10),
            success=True,
            completion=True,
            response="a",
            duration=datetime.timedelta(minutes=3, seconds=2.5),
        ),
        "context": tincan.Context(
            registration=uuid.uuid4(),
            instructor=tincan.Agent(mbox="mailto:ida@example.com"),
            team=tincan.Group(member=[tincan.Agent(mbox="mailto:bo@example.com")]),
            context_activities=tincan.ContextActivities(
                parent=tincan.ActivityList([tincan.Activity(id=f"{HOME}/courses/1")])
            ),
            language="nl-NL",
            statement=tincan.StatementRef(id=uuid.uuid4()),
            extensions=tincan.Extensions({f"{HOME}/xapi/extensions/session": "abc"}),
        ),
        "timestamp": datetime.datetime(
            2024, 5, 4, 17, 0, 0, 123000, tzinfo=datetime.UTC
        ),
        "attachments": [
            tincan.Attachment(
                usage_type="http://adlnet.gov/expapi/attachments/signature",
                display=tincan.LanguageMap({"en-US": "Signature"}),
                content_type="application/octet-stream",
                length=10,
                sha2="a" * 64,
            )
        ],
    }
    fields.update(overrides)
    return tincan.Statement(**fields)


def _tincan_valid() -> list:
    return [
        pytest.param(_tincan_statement(), id="every-property"),
        pytest.param(
            _tincan_statement(
                object=tincan.SubStatement(
                    actor=tincan.Agent(mbox="mailto:bo@example.com"),
                    verb=tincan.Verb(id="http://adlnet.gov/expapi/verbs/attempted"),
                    object=tincan.Activity(id=f"{HOME}/quizzes/2"),
                ),
                context=None,
            ),
            id="substatement",
        ),
        pytest.param(
            _tincan_statement(
                verb=tincan.Verb(id="http://adlnet.gov/expapi/verbs/voided"),
                object=tincan.StatementRef(id=uuid.uuid4()),
                result=None,
                context=None,
            ),
            id="voiding",
        ),
        pytest.param(
            _tincan_statement(
                actor=tincan.Group(
                    name="Team",
                    mbox="mailto:team@example.com",
                    member=[
                        tincan.Agent(
                            mbox_sha1sum="cd9b00a5611f94eaa7b1661edab976068e364975"
                        )
                    ],
                ),
                object=tincan.Agent(openid="https://openid.example.org/ada"),
                context=None,
            ),
            id="group-and-agent-object",
        ),
    ]


@pytest.mark.parametrize("built", _tincan_valid())
@both_versions
def test_statements_built_by_tincan_validate(built, version):
    """Issue 3 item 6: a third-party client library's statements are accepted (1.0.3
    Data 2.4; 2.0 accepts version 1.0.x statements, 4.2.4.3)."""
    validate_statement(json.loads(built.to_json("1.0.3")), version=version)


def _tincan_invalid() -> list:
    return [
        pytest.param(
            _tincan_statement(verb=tincan.Verb(id="completed")),
            "verb.id",
            id="verb-id-not-an-iri",
        ),
        pytest.param(
            _tincan_statement(object=tincan.Activity(id="quiz 1")),
            "object.id",
            id="activity-id-not-an-iri",
        ),
        pytest.param(
            _tincan_statement(actor=tincan.Agent(mbox="ada")),
            "actor.mbox",
            id="mbox-without-address",
        ),
        pytest.param(
            _tincan_statement(result=tincan.Result(score=tincan.Score(scaled=5))),
            "result.score.scaled",
            id="scaled-out-of-range",
        ),
        pytest.param(
            _tincan_statement(
                result=tincan.Result(score=tincan.Score(raw=50, min=0, max=10))
            ),
            "result.score.raw",
            id="raw-above-max",
        ),
        pytest.param(
            _tincan_statement(
                verb=tincan.Verb(
                    id="http://adlnet.gov/expapi/verbs/answered",
                    display=tincan.LanguageMap({"english": "answered"}),
                )
            ),
            "verb.display.english",
            id="language-tag",
        ),
        pytest.param(
            _tincan_statement(
                actor=tincan.Agent(
                    mbox="mailto:ada@example.com", openid="https://openid.example.org/a"
                )
            ),
            "actor",
            id="agent-with-two-ifis",
        ),
        pytest.param(
            _tincan_statement(actor=tincan.Group(name="Anonymous, no members")),
            "actor.member",
            id="anonymous-group-without-members",
        ),
        pytest.param(
            _tincan_statement(
                actor=tincan.Agent(
                    account=tincan.AgentAccount(home_page="zaakwijs", name="u1")
                )
            ),
            "actor.account.homePage",
            id="account-home-page-not-an-irl",
        ),
        pytest.param(
            _tincan_statement(
                context=tincan.Context(team=tincan.Agent(mbox="mailto:bo@example.com"))
            ),
            "context.team.objectType",
            id="team-that-is-an-agent",
        ),
        pytest.param(
            _tincan_statement(
                object=tincan.Activity(
                    id=f"{HOME}/quizzes/1",
                    definition=tincan.ActivityDefinition(more_info="the intranet"),
                )
            ),
            "object.definition.moreInfo",
            id="more-info-not-an-irl",
        ),
        pytest.param(
            _tincan_statement(
                result=tincan.Result(extensions=tincan.Extensions({"attempts": 2}))
            ),
            "result.extensions.attempts",
            id="extension-key-not-an-iri",
        ),
        pytest.param(
            _tincan_statement(
                verb=tincan.Verb(id="http://adlnet.gov/expapi/verbs/voided"),
                context=None,
            ),
            "object.objectType",
            id="voiding-an-activity",
        ),
        pytest.param(
            _tincan_statement(
                object=tincan.Agent(mbox="mailto:bo@example.com"),
                context=tincan.Context(platform="Zaakwijs"),
            ),
            "context.platform",
            id="platform-with-agent-object",
        ),
        pytest.param(
            _tincan_statement(
                object=tincan.Activity(
                    id=f"{HOME}/quizzes/1",
                    definition=tincan.ActivityDefinition(
                        interaction_type="likert",
                        choices=tincan.InteractionComponentList(
                            [tincan.InteractionComponent(id="a")]
                        ),
                    ),
                )
            ),
            "object.definition.choices",
            id="component-list-for-another-type",
        ),
        pytest.param(
            _tincan_statement(
                attachments=[
                    tincan.Attachment(
                        usage_type="signature",
                        display=tincan.LanguageMap({"en-US": "Signature"}),
                        content_type="application/octet-stream",
                        length=10,
                        sha2="a" * 64,
                    )
                ]
            ),
            "attachments[0].usageType",
            id="attachment-usage-type",
        ),
        pytest.param(
            _tincan_statement(
                attachments=[
                    tincan.Attachment(
                        usage_type="http://adlnet.gov/expapi/attachments/signature",
                        display=tincan.LanguageMap({"en-US": "Signature"}),
                        content_type="application/octet-stream",
                        length=10,
                        sha2="not a hash",
                    )
                ]
            ),
            "attachments[0].sha2",
            id="attachment-sha2-not-a-hash",
        ),
    ]


@pytest.mark.parametrize(("built", "path"), _tincan_invalid())
@both_versions
def test_invalid_statements_tincan_lets_through_are_refused(built, path, version):
    """1.0.3 Data 2.2.s4.b1 (reject non-format-following values), 2.3.2.s2.b1, 2.4.3,
    2.4.5.1, 2.4.6.s4, 2.4.4.1.s15 and 4.2: TinCanPython serialises these statements
    without complaint; the LRS refuses them and names the field."""
    document = json.loads(built.to_json("1.0.3"))
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version=version)
    assert caught.value.path == path
