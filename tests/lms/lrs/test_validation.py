"""Statement validation, from the requirements of xAPI 1.0.3 Part Two (Data) and
xAPI 2.0 (IEEE 9274.1.1) section 4.2, and the invalid cases of ADL's LRS conformance
test suite (test/v1_0_3 and test/v2_0 configs).

Each test names the requirement it checks. Agents and Groups are in
test_validation_agents.py, data formats (IRI, UUID, tags, timestamps, durations) in
test_validation_formats.py, other libraries' statements in test_validation_interop.py.
"""

import pytest

from lms.lrs.validation import (
    StatementValidationError,
    validate_statement,
    validate_voiding,
)
from tests.lms.lrs.validation_samples import (
    REF_ID,
    REGISTRATION,
    SHA1,
    VOIDED,
    activity,
    agent,
    anonymous_group,
    assert_invalid,
    attachment,
    both_versions,
    components,
    full_statement,
    group,
    interaction,
    result,
    statement,
    statement_ref,
    substatement,
    verb,
    with_value,
    without,
)

# --- Valid statements are accepted ("nothing well-formed is refused") ----------------


def _valid_statements() -> list:
    return [
        pytest.param(statement(), id="minimal"),
        pytest.param(full_statement(), id="every-property"),
        pytest.param(
            statement(id="9E13CEFD-53D3-4EAC-B5ED-2CF6693903BB"), id="uppercase-id"
        ),
        pytest.param(
            statement(id="00000000-0000-0000-0000-000000000000"), id="nil-uuid"
        ),
        pytest.param(
            statement(id="9e13cefd-53d3-1eac-c5ed-2cf6693903bb"), id="uuid-v1-variant-c"
        ),
        pytest.param(
            statement(verb={"id": "http://adlnet.gov/expapi/verbs/x"}),
            id="verb-without-display",
        ),
        pytest.param(
            statement(object={"id": "https://zaakwijs.example/a"}),
            id="activity-no-objectType",
        ),
        pytest.param(statement(object=activity(definition={})), id="empty-definition"),
        pytest.param(statement(object=agent()), id="object-agent"),
        pytest.param(statement(object=group()), id="object-group"),
        pytest.param(statement(object=anonymous_group()), id="object-anonymous-group"),
        pytest.param(statement(object=statement_ref()), id="object-statementref"),
        pytest.param(statement(object=substatement()), id="object-substatement"),
        pytest.param(
            statement(object=substatement(object=statement_ref())),
            id="substatement-ref",
        ),
        pytest.param(
            statement(
                object=substatement(
                    object=agent(), context={"registration": REGISTRATION}
                )
            ),
            id="substatement-agent-with-context",
        ),
        pytest.param(
            statement(
                object=substatement(
                    timestamp="2999-01-01T00:00:00Z",
                    result=result(),
                    attachments=[attachment()],
                )
            ),
            id="substatement-future-timestamp-result-attachments",
        ),
        pytest.param(statement(actor=group()), id="actor-identified-group"),
        pytest.param(statement(actor=anonymous_group()), id="actor-anonymous-group"),
        pytest.param(
            statement(actor={"mbox": "mailto:a@example.com"}), id="actor-no-objectType"
        ),
        pytest.param(statement(result={}), id="empty-result"),
        pytest.param(statement(result={"score": {}}), id="empty-score"),
        pytest.param(
            statement(result={"score": {"scaled": -1, "raw": -5, "min": -5, "max": 0}}),
            id="score-boundaries",
        ),
        pytest.param(statement(result={"score": {"raw": 1e9}}), id="raw-unbounded"),
        pytest.param(
            statement(result={"duration": "P1DT12H36M0.12567S"}),
            id="duration-precision",
        ),
        pytest.param(statement(context={}), id="empty-context"),
        pytest.param(
            statement(context={"contextActivities": {"parent": activity()}}),
            id="context-activity-single-object",
        ),
        pytest.param(
            statement(context={"contextActivities": {"other": []}}),
            id="context-activities-empty-array",
        ),
        pytest.param(
            statement(
                object={"id": "https://zaakwijs.example/a"},
                context={"revision": "1", "platform": "web"},
            ),
            id="revision-platform-with-implicit-activity",
        ),
        pytest.param(statement(context={"instructor": group()}), id="instructor-group"),
        pytest.param(
            statement(context={"team": anonymous_group()}), id="team-anonymous"
        ),
        pytest.param(
            statement(timestamp="2999-12-31T23:59:59.999Z"), id="future-timestamp"
        ),
        pytest.param(
            statement(timestamp="2008-09-15T15:53:00.601+00:00"), id="rfc3339-offset"
        ),
        pytest.param(
            statement(timestamp="2023-05-04T12:00:00-05:00"), id="negative-offset"
        ),
        pytest.param(statement(version="1.0"), id="version-1.0"),
        pytest.param(statement(version="1.0.9"), id="version-1.0.9"),
        pytest.param(statement(attachments=[]), id="no-attachments"),
        pytest.param(
            statement(attachments=[attachment(sha2="A" * 128, length=0)]),
            id="attachment-sha512-empty",
        ),
        pytest.param(
            statement(
                authority=anonymous_group(
                    member=[
                        agent(),
                        {
                            "account": {
                                "homePage": "https://x.example/oauth",
                                "name": "consumer",
                            }
                        },
                    ]
                )
            ),
            id="oauth-authority",
        ),
        pytest.param(
            statement(
                object=activity(
                    definition={
                        "extensions": {
                            "https://x.example/e": None,
                            "https://x.example/f": "",
                            "https://x.example/g": {},
                        }
                    }
                )
            ),
            id="extension-values-null-empty",
        ),
        pytest.param(
            statement(verb={"id": "http://adlnet.gov/expapi/verbs/x", "display": {}}),
            id="empty-language-map",
        ),
        pytest.param(
            statement(
                verb=verb(id="https://w3id.org/xapi/adl/verbs/logged-in"),
                object=activity(id="https://例え.jp/コース/1"),
            ),
            id="unicode-iri",
        ),
        pytest.param(
            statement(
                object=activity(id="urn:uuid:936a8b4a-4e48-4c4e-9d1f-2f1d4d5d1a2b")
            ),
            id="urn-activity-id",
        ),
    ]


@pytest.mark.parametrize("document", _valid_statements())
@both_versions
def test_valid_statements_are_accepted(document, version):
    """1.0.3 Data 2.2, 2.4 / 2.0 4.2: well-formed statements are not refused."""
    validate_statement(document, version=version)


@both_versions
def test_validation_does_not_modify_the_statement(version):
    """validate_statement is a check, not a normalisation (1.0.3 Data 2.3.1)."""
    document = full_statement()
    before = repr(document)
    validate_statement(document, version=version)
    assert repr(document) == before


def test_unsupported_version_is_a_programming_error():
    with pytest.raises(ValueError):
        validate_statement(statement(), version="0.95")


# --- Data 2.2 Formatting requirements ------------------------------------------------


@pytest.mark.parametrize("document", ["a string", [], 12, None, True])
@both_versions
def test_statement_must_be_a_json_object(document, version):
    """1.0.3 Data 2.1 / conformance XAPI-00014: a statement is a JSON object."""
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version=version)
    assert caught.value.path == ""


@pytest.mark.parametrize("missing", ["actor", "verb", "object"])
@both_versions
def test_actor_verb_and_object_are_required(missing, version):
    """1.0.3 Data 2.2.s2.b3 (XAPI-00003..5): a Statement uses actor, verb and object."""
    assert_invalid(without(statement(), missing), version, missing, "is missing")


@pytest.mark.parametrize(
    "wrong_case",
    [
        "iD",
        "Actor",
        "veRb",
        "oBject",
        "RESULT",
        "conText",
        "timeStamp",
        "STOred",
        "auTHORity",
        "Version",
        "attachmentS",
    ],
)
@both_versions
def test_keys_in_the_wrong_case_are_rejected(wrong_case, version):
    """1.0.3 Data 2.2.s4.b1.b5 (XAPI-00008): the case of a key must match the spec."""
    error = assert_invalid(
        statement(**{wrong_case: "x"}), version, wrong_case, "case sensitive"
    )
    assert wrong_case.lower() in error.rule.lower()


@pytest.mark.parametrize(
    ("path", "document"),
    [
        ("comment", statement(comment="extra")),
        ("actor.age", statement(actor=agent(age=30))),
        ("verb.name", statement(verb=verb(name="completed"))),
        (
            "object.definition.color",
            statement(object=activity(definition={"color": "red"})),
        ),
        ("result.grade", statement(result={"grade": "A"})),
        ("result.score.percent", statement(result={"score": {"percent": 50}})),
        ("context.session", statement(context={"session": "x"})),
        (
            "context.statement.extra",
            statement(context={"statement": statement_ref(extra=1)}),
        ),
        ("attachments[0].size", statement(attachments=[attachment(size=1)])),
        (
            "object.definition.choices[0].label",
            statement(
                object=interaction("choice", choices=[{"id": "a", "label": "A"}])
            ),
        ),
        ("object.actor.age", statement(object=substatement(actor=agent(age=3)))),
    ],
)
@both_versions
def test_properties_the_spec_does_not_define_are_rejected(path, document, version):
    """1.0.3 Data 2.2.s4.b1.b7 and 2.2.s4.b8 (SHOULD*, a shall in 2.0): the LRS rejects
    keys not allowed by the specification."""
    assert_invalid(document, version, path, "is not a property of")


@pytest.mark.parametrize(
    "path",
    [
        "id",
        "actor.name",
        "actor.mbox",
        "verb.id",
        "verb.display",
        "verb.display.en-US",
        "object.id",
        "object.definition",
        "object.definition.moreInfo",
        "result.success",
        "result.score.raw",
        "context.registration",
        "context.platform",
        "timestamp",
        "version",
        "attachments",
    ],
)
@both_versions
def test_null_values_are_rejected_outside_extensions(path, version):
    """1.0.3 Data 2.2.s4.b1.b1 (XAPI-00001): no null values except inside extensions."""
    document = with_value(full_statement(), path, None)
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version=version)
    assert caught.value.path == path.replace(".en-US", '["en-US"]')
    assert "null" in caught.value.rule


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("result.score.max", "one hundred"),
        ("result.score.max", "100"),
        ("result.score.scaled", True),
        (
            "result.success",
            "We regret to inform you that your effort was unsuccessful.",
        ),
        ("result.success", "true"),
        ("result.success", 1),
        ("result.completion", "false"),
        ("result.response", 12345),
        ("result.response", {"key": "invalid"}),
        ("context.revision", 12345),
        ("context.platform", {"key": "should fail"}),
        ("context.language", 12345),
        ("actor.name", 123),
        ("attachments[0].length", "27"),
        ("attachments[0].length", 27.5),
        ("attachments[0].length", True),
        ("attachments[0].sha2", 12345),
        ("attachments[0].contentType", 999),
    ],
)
@both_versions
def test_wrong_data_types_are_rejected(path, value, version):
    """1.0.3 Data 2.2.s4.b1.b2-b3 (XAPI-00006): strings where numbers or booleans are
    required are rejected, even when they contain numbers or booleans."""
    assert_invalid(with_value(full_statement(), path, value), version, path)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@both_versions
def test_non_finite_numbers_are_rejected(value, version):
    """1.0.3 About 3.0: statements are JSON, which has no NaN or Infinity (json.loads
    accepts them, so the validator must not)."""
    assert_invalid(
        statement(result={"score": {"raw": value}}),
        version,
        "result.score.raw",
        "finite",
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("object.definition.interactionType", "true-faLse"),
        ("object.definition.interactionType", "choiCe"),
        ("object.definition.interactionType", "Other"),
    ],
)
@both_versions
def test_enumerated_values_must_match_case(path, value, version):
    """1.0.3 Data 2.2.s4.b1.b6 (XAPI-00009): enumerated values match exactly."""
    document = statement(
        object=interaction("true-false", correctResponsesPattern=["true"])
    )
    assert_invalid(with_value(document, path, value), version, path)


# --- Data 2.3.2 Voiding --------------------------------------------------------------


@both_versions
def test_voiding_statement_with_statementref_is_accepted(version):
    """1.0.3 Data 2.3.2.s2.b1 (XAPI-00019, XAPI-00020): a voiding statement names the
    voided statement by StatementRef; its absence is not a reason to reject."""
    validate_statement(
        statement(
            verb={"id": VOIDED, "display": {"en-US": "voided"}}, object=statement_ref()
        ),
        version=version,
    )


@pytest.mark.parametrize(
    "target",
    [activity(), agent(), substatement(), {"id": REF_ID}],
    ids=["activity", "agent", "substatement", "ref-without-objectType"],
)
@both_versions
def test_voiding_statement_object_must_be_a_statementref(target, version):
    """1.0.3 Data 2.3.2.s2.b1-b2 (XAPI-00017): a voiding statement's object is a
    StatementRef; otherwise 400."""
    document = statement(verb={"id": VOIDED}, object=target)
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version=version)
    assert caught.value.path.startswith("object")


def test_validate_voiding_on_its_own():
    """1.0.3 Data 2.3.2.s2.b1: the voiding rule is callable by storage on its own."""
    validate_voiding(statement())
    validate_voiding(statement(verb={"id": VOIDED}, object=statement_ref()))
    with pytest.raises(StatementValidationError) as caught:
        validate_voiding(statement(verb={"id": VOIDED}))
    assert caught.value.path == "object.objectType"
    assert "StatementRef" in caught.value.rule


@both_versions
def test_voided_verb_in_a_substatement_is_not_a_voiding_statement(version):
    """1.0.3 Data 2.3.2: only a statement (not a SubStatement) voids another."""
    validate_statement(
        statement(object=substatement(verb={"id": VOIDED}, object=activity())),
        version=version,
    )


# --- Data 2.4.1 id -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "AA97B177-9383-4934-8543-0F91A7A028368",
        "MA97B177-9383-4934-8543-0F91A7A02836",
        "9e13cefd53d34eacb5ed2cf6693903bb",
        "{9e13cefd-53d3-4eac-b5ed-2cf6693903bb}",
        "urn:uuid:9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
        "9e13cefd-53d3-4eac-b5ed-2cf6693903bb\n",
        "",
        12345,
        {"key": "should fail"},
    ],
)
@both_versions
def test_statement_id_must_be_a_uuid_string(value, version):
    """1.0.3 Data 2.4.1 and 4.4 (XAPI-00027..30): a UUID in standard string form."""
    assert_invalid(statement(id=value), version, "id")


# --- Data 2.4.3 Verb -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (statement(verb={"display": {"en-US": "x"}}), "verb.id"),
        (statement(verb=verb(id="ab=c://should.fail.com")), "verb.id"),
        (statement(verb=verb(id="adlnet.gov/expapi/verbs/attended")), "verb.id"),
        (statement(verb=verb(display=12345)), "verb.display"),
        (statement(verb=verb(display="a12345 attended")), "verb.display"),
        (
            statement(verb=verb(display={"something": "besucht"})),
            "verb.display.something",
        ),
        (statement(verb=verb(display={"en-US": 1})), 'verb.display["en-US"]'),
        (statement(verb="http://adlnet.gov/expapi/verbs/completed"), "verb"),
        (statement(object=substatement(verb={})), "object.verb.id"),
        (
            statement(object=substatement(verb=verb(display={"s-something": "x"}))),
            'object.verb.display["s-something"]',
        ),
    ],
)
@both_versions
def test_verb_requires_an_iri_id_and_a_language_map_display(document, path, version):
    """1.0.3 Data 2.4.3.s3.table1 (XAPI-00044, XAPI-00045, XAPI-00013): the Verb id is
    a required IRI; display is a Language Map with RFC 5646 keys."""
    assert_invalid(document, version, path)


# --- Data 2.4.4 Object ---------------------------------------------------------------


@pytest.mark.parametrize(
    "object_type",
    ["activity", "agent", "group", "statementref", "substatement", "Person", 12],
)
@both_versions
def test_object_type_must_be_one_of_the_five(object_type, version):
    """1.0.3 Data 2.4.4.s2 (XAPI-00046): objectType is Activity, Agent, Group,
    SubStatement or StatementRef, exactly in that case."""
    assert_invalid(
        statement(object=activity(objectType=object_type)), version, "object.objectType"
    )


@pytest.mark.parametrize("object_", [agent(), group()], ids=["agent", "group"])
@both_versions
def test_agent_or_group_as_object_must_specify_object_type(object_, version):
    """1.0.3 Data 2.4.4.2.s1.b1 (XAPI-00065): an Agent or Group used as object
    specifies objectType."""
    object_ = dict(object_)
    del object_["objectType"]
    assert_invalid(
        statement(object=object_),
        version,
        "object.objectType",
        "must specify objectType",
    )
    assert_invalid(
        statement(object=substatement(object=object_)),
        version,
        "object.object.objectType",
        "must specify objectType",
    )


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (statement(object={"objectType": "Activity"}), "object.id"),
        (statement(object=activity(id="ab=c://should.fail.com")), "object.id"),
        (statement(object=activity(id="www.example.com/meetings/1")), "object.id"),
        (statement(object=activity(id="http://example.com/a b")), "object.id"),
        (statement(object=activity(id="")), "object.id"),
        (statement(object=activity(definition="should error")), "object.definition"),
        (
            statement(object=activity(definition={"name": 12345})),
            "object.definition.name",
        ),
        (
            statement(object=activity(definition={"name": "Lesson"})),
            "object.definition.name",
        ),
        (
            statement(object=activity(definition={"name": {"something": "x"}})),
            "object.definition.name.something",
        ),
        (
            statement(
                object=activity(definition={"description": {"en-something-AU": "x"}})
            ),
            'object.definition.description["en-something-AU"]',
        ),
        (
            statement(object=activity(definition={"description": 12345})),
            "object.definition.description",
        ),
        (
            statement(object=activity(definition={"type": "should error"})),
            "object.definition.type",
        ),
        (
            statement(object=activity(definition={"moreInfo": "should error"})),
            "object.definition.moreInfo",
        ),
        (
            statement(
                object=activity(definition={"moreInfo": "virtualmeeting.example.com/1"})
            ),
            "object.definition.moreInfo",
        ),
        (
            statement(object=activity(definition={"extensions": "should error"})),
            "object.definition.extensions",
        ),
        (
            statement(
                object=activity(
                    definition={"extensions": {"id": "valid", "description": {}}}
                )
            ),
            "object.definition.extensions.id",
        ),
        (
            statement(
                object=activity(
                    definition={"extensions": {"not.valid.com/extension": 1}}
                )
            ),
            'object.definition.extensions["not.valid.com/extension"]',
        ),
    ],
)
@both_versions
def test_activity_requires_an_iri_id_and_a_valid_definition(document, path, version):
    """1.0.3 Data 2.4.4.1.s1-s2 (XAPI-00047, 00048, 00056, 00057, 00059, 00060, 00061,
    00011): id is a required IRI; definition is an object whose name and description
    are Language Maps, type an IRI, moreInfo an IRL, extensions keyed by IRIs."""
    assert_invalid(document, version, path)


@pytest.mark.parametrize(
    ("interaction_type", "definition"),
    [
        ("true-false", {"correctResponsesPattern": ["true"]}),
        (
            "choice",
            {
                "correctResponsesPattern": ["golf[,]tetris"],
                "choices": components("golf", "tetris", "chess"),
            },
        ),
        (
            "fill-in",
            {"correctResponsesPattern": ["{case_matters=false}Bob's your uncle"]},
        ),
        ("long-fill-in", {"correctResponsesPattern": ["{lang=en}Long answer"]}),
        (
            "matching",
            {
                "correctResponsesPattern": ["ben[.]3[,]chris[.]2"],
                "source": components("ben", "chris"),
                "target": components("2", "3"),
            },
        ),
        (
            "performance",
            {
                "correctResponsesPattern": ["pong[.]1:[,]dg[.]:10"],
                "steps": components("pong", "dg"),
            },
        ),
        (
            "sequencing",
            {
                "correctResponsesPattern": ["tim[,]mike"],
                "choices": components("tim", "mike"),
            },
        ),
        (
            "likert",
            {
                "correctResponsesPattern": ["likert_3"],
                "scale": components("likert_0", "likert_3"),
            },
        ),
        ("numeric", {"correctResponsesPattern": ["4[:]"]}),
        ("other", {"correctResponsesPattern": ["(35.937432,-86.868896)"]}),
        ("choice", {"correctResponsesPattern": []}),
        ("choice", {"choices": []}),
        ("other", {}),
    ],
)
@both_versions
def test_interaction_activities_are_accepted(interaction_type, definition, version):
    """1.0.3 Data 2.4.4.1.s8-s15 (XAPI-00049) and Appendix C: every interactionType with
    its supported component lists; response patterns are not validated (s12, s13.b4)."""
    validate_statement(
        statement(object=interaction(interaction_type, **definition)), version=version
    )
    validate_statement(
        statement(
            object=substatement(object=interaction(interaction_type, **definition))
        ),
        version=version,
    )


@pytest.mark.parametrize(
    ("definition", "path", "fragment"),
    [
        (
            {"interactionType": "http://adlnet.gov/expapi/activities/cmi.interaction"},
            "object.definition.interactionType",
            "Must be one of",
        ),
        ({"interactionType": 12345}, "object.definition.interactionType", "string"),
        (
            {"interactionType": {"something": "value"}},
            "object.definition.interactionType",
            "string",
        ),
        (
            {"interactionType": "should error"},
            "object.definition.interactionType",
            "Must be one of",
        ),
        (
            {"correctResponsesPattern": ["true"]},
            "object.definition.interactionType",
            "XAPI-00064",
        ),
        (
            {"choices": components("a")},
            "object.definition.interactionType",
            "XAPI-00064",
        ),
        ({"scale": components("a")}, "object.definition.interactionType", "XAPI-00064"),
        (
            {"source": components("a")},
            "object.definition.interactionType",
            "XAPI-00064",
        ),
        (
            {"target": components("a")},
            "object.definition.interactionType",
            "XAPI-00064",
        ),
        ({"steps": components("a")}, "object.definition.interactionType", "XAPI-00064"),
        (
            {"interactionType": "likert", "choices": components("a")},
            "object.definition.choices",
            "supports scale",
        ),
        (
            {"interactionType": "true-false", "choices": components("a")},
            "object.definition.choices",
            "no interaction component list",
        ),
        (
            {"interactionType": "choice", "steps": components("a")},
            "object.definition.steps",
            "supports choices",
        ),
        (
            {"interactionType": "choice", "correctResponsesPattern": "a"},
            "object.definition.correctResponsesPattern",
            "array",
        ),
        (
            {"interactionType": "choice", "correctResponsesPattern": [1]},
            "object.definition.correctResponsesPattern[0]",
            "string",
        ),
        (
            {"interactionType": "choice", "choices": {"id": "a"}},
            "object.definition.choices",
            "array",
        ),
        (
            {"interactionType": "choice", "choices": [{"description": {"en": "x"}}]},
            "object.definition.choices[0].id",
            "requires an id",
        ),
        (
            {"interactionType": "choice", "choices": [{"id": 1}]},
            "object.definition.choices[0].id",
            "string",
        ),
        (
            {"interactionType": "choice", "choices": components("a", "b", "a")},
            "object.definition.choices[2].id",
            "distinct",
        ),
        (
            {
                "interactionType": "performance",
                "steps": [{"id": "lunch", "description": {"something": "x"}}],
            },
            "object.definition.steps[0].description.something",
            "RFC 5646",
        ),
        (
            {"interactionType": "choice", "choices": ["a"]},
            "object.definition.choices[0]",
            "object",
        ),
    ],
)
@both_versions
def test_interaction_definitions_are_checked(definition, path, fragment, version):
    """1.0.3 Data 2.4.4.1.s8 (XAPI-00049, XAPI-00064), s13.b1 (a valid interactionType),
    s13.b3 (component lists as listed for the type), s15 and s16.b1 (components with
    distinct ids and Language Map descriptions)."""
    document = statement(
        object={"id": "https://zaakwijs.example/q", "definition": definition}
    )
    assert_invalid(document, version, path, fragment)


# --- Data 2.4.4.3 StatementRef and SubStatement ----------------------------------------


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (statement(object={"objectType": "StatementRef"}), "object.id"),
        (statement(object=statement_ref(id="should fail")), "object.id"),
        (statement(object=statement_ref(id=12345)), "object.id"),
        (statement(object=statement_ref(definition={})), "object.definition"),
        (
            statement(object=substatement(object={"objectType": "StatementRef"})),
            "object.object.id",
        ),
        (
            statement(
                object=substatement(
                    object=statement_ref(id="MA97B177-9383-4934-8543-0F91A7A02836")
                )
            ),
            "object.object.id",
        ),
    ],
)
@both_versions
def test_statement_reference_requires_a_uuid_id(document, path, version):
    """1.0.3 Data 2.4.4.3.s4 (XAPI-00072, XAPI-00073): a StatementRef has objectType
    StatementRef and the UUID of a statement as id."""
    assert_invalid(document, version, path)


@pytest.mark.parametrize("forbidden", ["id", "stored", "version", "authority"])
@both_versions
def test_substatement_must_not_have_id_stored_version_or_authority(forbidden, version):
    """1.0.3 Data 2.4.4.3.s8.b3 (XAPI-00067..70)."""
    value = {
        "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
        "stored": "2013-05-18T05:32:34.804Z",
        "version": "1.0.0",
        "authority": agent(),
    }[forbidden]
    assert_invalid(
        statement(object=substatement(**{forbidden: value})),
        version,
        f"object.{forbidden}",
        "must not have",
    )


@both_versions
def test_substatement_cannot_be_nested(version):
    """1.0.3 Data 2.4.4.3.s8.b4 (XAPI-00071): a SubStatement has no SubStatement."""
    assert_invalid(
        statement(object=substatement(object=substatement())),
        version,
        "object.object.objectType",
        "must not contain a SubStatement",
    )


@pytest.mark.parametrize("missing", ["actor", "verb", "object"])
@both_versions
def test_substatement_is_validated_as_a_statement(missing, version):
    """1.0.3 Data 2.4.4.3.s8.b2 (XAPI-00066): a SubStatement follows the requirements of
    all Statements: actor, verb and object are required, and so on."""
    assert_invalid(
        statement(object=without(substatement(), missing)), version, f"object.{missing}"
    )
    assert_invalid(
        statement(object=substatement(timestamp="01/011/2015")),
        version,
        "object.timestamp",
    )
    assert_invalid(
        statement(object=substatement(result={"success": "true"})),
        version,
        "object.result.success",
    )


# --- Data 2.4.5 Result ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("result_", "path", "fragment"),
    [
        ("should fail", "result", "object"),
        ({"score": 12345}, "result.score", "object"),
        ({"score": "should fail"}, "result.score", "object"),
        ({"score": {"scaled": 1.01}}, "result.score.scaled", "between -1 and 1"),
        ({"score": {"scaled": -1.00001}}, "result.score.scaled", "between -1 and 1"),
        (
            {"score": {"raw": 0.6767676, "max": 0.6567676}},
            "result.score.raw",
            "greater than max",
        ),
        (
            {"score": {"raw": 0.6767676, "min": 1.4067676}},
            "result.score.raw",
            "less than min",
        ),
        (
            {"score": {"min": 0.6767676, "max": 0.6767355, "raw": 0.6767643}},
            "result.score.min",
            "less than max",
        ),
        ({"score": {"min": 5, "max": 5}}, "result.score.min", "less than max"),
        ({"duration": "PA1H0M0S"}, "result.duration", "ISO 8601"),
        ({"duration": "P4W1D"}, "result.duration", "ISO 8601"),
        ({"duration": "P0003-01-29T04:35:59"}, "result.duration", "ISO 8601"),
        ({"duration": 12345}, "result.duration", "string"),
        ({"duration": {"key": "invalid"}}, "result.duration", "string"),
        ({"extensions": 12345}, "result.extensions", "extensions"),
        (
            {"extensions": {"should fail": True}},
            'result.extensions["should fail"]',
            "IRI",
        ),
        (
            {"extensions": {"example.com/extension/wrong": 1}},
            'result.extensions["example.com/extension/wrong"]',
            "IRI",
        ),
    ],
)
@both_versions
def test_result_properties_are_checked(result_, path, fragment, version):
    """1.0.3 Data 2.4.5 and 2.4.5.1 (XAPI-00074..83, 00124): success and completion are
    booleans, response a string, duration ISO 8601, score an object with scaled in
    [-1, 1], min < max, min <= raw <= max; extension keys are IRIs."""
    assert_invalid(statement(result=result_), version, path, fragment)
    assert_invalid(
        statement(object=substatement(result=result_)),
        version,
        f"object.{path}",
        fragment,
    )


@pytest.mark.parametrize(
    "duration",
    [
        "PT1H0M0.1S",
        "PT4H35M59.14S",
        "PT16559.14S",
        "P3Y1M29DT4H35M59.14S",
        "P3Y",
        "P4W",
        "PT0S",
    ],
)
@both_versions
def test_iso_8601_durations_are_accepted(duration, version):
    """1.0.3 Data 4.6 (XAPI-00124) and its examples: ISO 8601:2004 4.4.3.2 durations;
    extra precision is not a reason to reject (4.6.s1.b4)."""
    validate_statement(statement(result={"duration": duration}), version=version)


# --- Data 2.4.6 Context ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("context_", "path", "fragment"),
    [
        ("should fail", "context", "object"),
        ({"registration": {"key": "should fail"}}, "context.registration", "string"),
        ({"registration": "should fail"}, "context.registration", "UUID"),
        (
            {"registration": "AA97B177-9383-4934-8543-0F91A7A028368"},
            "context.registration",
            "UUID",
        ),
        (
            {"instructor": {"key": "should fail"}},
            "context.instructor.key",
            "not a property",
        ),
        ({"instructor": "should fail"}, "context.instructor", "Agent or Group"),
        ({"team": agent()}, "context.team.objectType", "Group"),
        ({"team": {"key": "should fail"}}, "context.team.objectType", "Group"),
        ({"team": "should fail"}, "context.team", "Group"),
        ({"contextActivities": "should fail"}, "context.contextActivities", "object"),
        (
            {"contextActivities": {"consequences": activity()}},
            "context.contextActivities.consequences",
            "parent",
        ),
        (
            {"contextActivities": {"Parent": [activity()]}},
            "context.contextActivities.Parent",
            "parent",
        ),
        (
            {"contextActivities": {"other": [activity(), {"key": "should fail"}]}},
            "context.contextActivities.other[1].key",
            "not a property",
        ),
        (
            {"contextActivities": {"parent": "https://zaakwijs.example/c"}},
            "context.contextActivities.parent",
            "Activity",
        ),
        (
            {
                "contextActivities": {
                    "parent": [{"objectType": "Agent", "id": "https://x.example"}]
                }
            },
            "context.contextActivities.parent[0].objectType",
            "Activity",
        ),
        (
            {"contextActivities": {"parent": [{"id": "not an iri"}]}},
            "context.contextActivities.parent[0].id",
            "IRI",
        ),
        ({"revision": 12345}, "context.revision", "string"),
        ({"platform": {"key": "should fail"}}, "context.platform", "string"),
        ({"language": 12345}, "context.language", "string"),
        ({"language": {"a12345": "should fail"}}, "context.language", "string"),
        ({"language": "something"}, "context.language", "RFC 5646"),
        (
            {"statement": {"objectType": "statementref", "id": REF_ID}},
            "context.statement.objectType",
            "StatementRef",
        ),
        ({"statement": {"id": REF_ID}}, "context.statement.objectType", "StatementRef"),
        (
            {"statement": statement_ref(id="should fail")},
            "context.statement.id",
            "UUID",
        ),
        ({"statement": statement_ref(id=12345)}, "context.statement.id", "string"),
        (
            {"extensions": {"should fail": True}},
            'context.extensions["should fail"]',
            "IRI",
        ),
    ],
)
@both_versions
def test_context_properties_are_checked(context_, path, fragment, version):
    """1.0.3 Data 2.4.6.s3 and 2.4.6.2 (XAPI-00086..94, 00087-1/2, 00118): registration a
    UUID, instructor an Agent or Group, team a Group, contextActivities keyed by parent,
    grouping, category or other with Activities as values, revision and platform
    strings, language an RFC 5646 tag, statement a StatementRef."""
    assert_invalid(statement(context=context_), version, path, fragment)
    assert_invalid(
        statement(object=substatement(context=context_)),
        version,
        f"object.{path}",
        fragment,
    )


@pytest.mark.parametrize("key", ["revision", "platform"])
@pytest.mark.parametrize(
    "object_",
    [agent(), group(), statement_ref(), substatement()],
    ids=["agent", "group", "statementref", "substatement"],
)
@both_versions
def test_revision_and_platform_only_with_an_activity_object(key, object_, version):
    """1.0.3 Data 2.4.6.s4.b1-b2 (XAPI-00084, XAPI-00085): revision and platform only
    when the statement's object is an Activity."""
    assert_invalid(
        statement(object=object_, context={key: "x"}),
        version,
        f"context.{key}",
        "only be used when",
    )


@pytest.mark.parametrize("key", ["revision", "platform"])
@both_versions
def test_revision_and_platform_in_a_substatement_follow_its_own_object(key, version):
    """1.0.3 Data 2.4.6.s4 applied to a SubStatement (XAPI-00084, XAPI-00085)."""
    validate_statement(
        statement(object=substatement(context={key: "x"})), version=version
    )
    assert_invalid(
        statement(object=substatement(object=agent(), context={key: "x"})),
        version,
        f"object.context.{key}",
    )


CONTEXT_AGENTS = [
    {
        "objectType": "contextAgent",
        "agent": {"objectType": "Agent", "mbox": "mailto:player-1@example.com"},
        "relevantTypes": [
            "https://example.com/xapi/american-footbal/activity-types/personnel/player"
        ],
    },
    {"agent": {"account": {"homePage": "https://x.example", "name": "coach"}}},
]
CONTEXT_GROUPS = [
    {
        "objectType": "contextGroup",
        "group": {
            "objectType": "Group",
            "mbox": "mailto:team-1@example.com",
            "member": [{"objectType": "Agent", "mbox": "mailto:player-1@example.com"}],
        },
        "relevantTypes": ["https://example.com/xapi/activity-types/team/a"],
    },
    {"objectType": "contextGroup", "group": anonymous_group()},
]


def test_context_agents_and_groups_are_accepted_in_2_0():
    """2.0 4.2.2.5: contextAgents and contextGroups are arrays of contextAgent and
    contextGroup objects; relevantTypes is optional."""
    document = statement(
        context={"contextAgents": CONTEXT_AGENTS, "contextGroups": CONTEXT_GROUPS}
    )
    validate_statement(document, version="2.0.0")
    validate_statement(
        statement(object=substatement(context=document["context"])), version="2.0.0"
    )


@pytest.mark.parametrize("key", ["contextAgents", "contextGroups"])
def test_context_agents_and_groups_do_not_exist_in_1_0_3(key):
    """1.0.3 Data 2.4.6.s3: the Context table has no contextAgents or contextGroups, so
    they are properties the LRS rejects (2.2.s4.b1.b7)."""
    document = statement(
        context={"contextAgents": CONTEXT_AGENTS, "contextGroups": CONTEXT_GROUPS}
    )
    assert_invalid(
        statement(context={key: document["context"][key]}),
        "1.0.3",
        f"context.{key}",
        "2.0 only",
    )


@pytest.mark.parametrize(
    ("context_", "path", "fragment"),
    [
        ({"contextAgents": CONTEXT_AGENTS[0]}, "context.contextAgents", "array"),
        (
            {"contextAgents": [{"objectType": "Should fail", "agent": agent()}]},
            "context.contextAgents[0].objectType",
            "contextAgent",
        ),
        (
            {
                "contextAgents": [
                    {"objectType": "contextAgent", "agent": {"key": "Should fail"}}
                ]
            },
            "context.contextAgents[0].agent.key",
            "not a property",
        ),
        (
            {"contextAgents": [{"objectType": "contextAgent"}]},
            "context.contextAgents[0].agent",
            "requires an agent",
        ),
        (
            {"contextAgents": [{"objectType": "contextAgent", "agent": group()}]},
            "context.contextAgents[0].agent.objectType",
            "Group is not allowed",
        ),
        (
            {
                "contextAgents": [
                    {
                        "objectType": "contextAgent",
                        "agent": agent(),
                        "relevantTypes": [],
                    }
                ]
            },
            "context.contextAgents[0].relevantTypes",
            "one or more",
        ),
        (
            {
                "contextAgents": [
                    {
                        "objectType": "contextAgent",
                        "agent": agent(),
                        "relevantTypes": ["abc"],
                    }
                ]
            },
            "context.contextAgents[0].relevantTypes[0]",
            "IRI",
        ),
        (
            {
                "contextAgents": [
                    {"objectType": "contextAgent", "agent": agent(), "role": "x"}
                ]
            },
            "context.contextAgents[0].role",
            "not a property",
        ),
        (
            {"contextGroups": [{"objectType": "Should fail", "group": group()}]},
            "context.contextGroups[0].objectType",
            "contextGroup",
        ),
        (
            {
                "contextGroups": [
                    {"objectType": "contextGroup", "group": {"key": "Should fail"}}
                ]
            },
            "context.contextGroups[0].group.objectType",
            "Group",
        ),
        (
            {"contextGroups": [{"objectType": "contextGroup", "group": agent()}]},
            "context.contextGroups[0].group.objectType",
            "Group",
        ),
        (
            {
                "contextGroups": [
                    {
                        "objectType": "contextGroup",
                        "group": group(),
                        "relevantTypes": [],
                    }
                ]
            },
            "context.contextGroups[0].relevantTypes",
            "one or more",
        ),
        (
            {
                "contextGroups": [
                    {
                        "objectType": "contextGroup",
                        "group": group(),
                        "relevantTypes": ["abc"],
                    }
                ]
            },
            "context.contextGroups[0].relevantTypes[0]",
            "IRI",
        ),
        ({"contextGroups": ["x"]}, "context.contextGroups[0]", "object"),
    ],
)
def test_context_agents_and_groups_are_checked_in_2_0(context_, path, fragment):
    """2.0 4.2.2.5 (conformance contextagents.js, contextgroups.js): objectType
    contextAgent / contextGroup, a valid Agent / Group, relevantTypes a non-empty array
    of IRIs when present."""
    assert_invalid(statement(context=context_), "2.0.0", path, fragment)
    assert_invalid(
        statement(object=substatement(context=context_)),
        "2.0.0",
        f"object.{path}",
        fragment,
    )


# --- Data 2.4.7 timestamp, 2.4.8 stored ----------------------------------------------


@pytest.mark.parametrize("key", ["timestamp", "stored"])
@pytest.mark.parametrize(
    "value",
    [
        "should fail",
        "01/011/2015",
        "2008-09-15T15:53:00.601-00",
        "2008-09-15T15:53:00.601-0000",
        "2008-09-15T15:53:00.601-00:00",
        "2015-02-30T10:00:00Z",
        "2015-01-01T25:00:00Z",
        "2015-01-01",
        "",
        12345,
    ],
)
@both_versions
def test_timestamps_must_be_iso_8601(key, value, version):
    """1.0.3 Data 2.4.7, 2.4.8, 4.5 (XAPI-00022, XAPI-00023, XAPI-00123): a Timestamp is
    an ISO 8601 date and time; -00:00 ("unknown offset") is not an offset."""
    assert_invalid(statement(**{key: value}), version, key)


@pytest.mark.parametrize(
    "value",
    [
        "2015-01-01T10:00:00",
        "2015-01-01T10:00:00.123",
        "20150101T100000Z",
        "2015-01-01T10:00+0100",
        "2015-01-01T10:00:00+01",
    ],
)
def test_timestamp_without_offset_or_in_basic_format_is_accepted_in_1_0_3(value):
    """1.0.3 Data 4.5.s1.b1 (MUST be ISO 8601, extended or basic: XAPI-00123) and b2, b4
    (RFC 3339 and a time zone are SHOULD*): such timestamps are valid in 1.0.3."""
    validate_statement(statement(timestamp=value), version="1.0.3")


@pytest.mark.parametrize(
    "value",
    [
        "2015-01-01T10:00:00",
        "2015-01-01T10:00:00.123",
        "20150101T100000Z",
        "2015-01-01T10:00+01:00",
        "2015-01-01T10:00:00+0100",
        "2015-01-01T24:00:00Z",
    ],
)
def test_timestamp_must_be_rfc_3339_with_time_zone_in_2_0(value):
    """2.0 4.2.7 Timestamps: 1.0.3's SHOULD* become shall; a Timestamp is RFC 3339 and
    includes the time zone."""
    assert_invalid(statement(timestamp=value), "2.0.0", "timestamp", "RFC 3339")
    assert_invalid(
        statement(object=substatement(timestamp=value)), "2.0.0", "object.timestamp"
    )


# --- Data 2.4.9 authority ------------------------------------------------------------


@pytest.mark.parametrize(
    ("authority", "path", "fragment"),
    [
        ("should fail", "authority", "Agent or Group"),
        ({"key": "value"}, "authority.key", "not a property"),
        (group(), "authority", "not an Identified Group"),
        (
            anonymous_group(
                member=[
                    {
                        "account": {
                            "homePage": "http://example.com/xAPI/OAuth/Token",
                            "name": "c",
                        }
                    }
                ]
            ),
            "authority.member",
            "exactly two",
        ),
        (
            anonymous_group(
                member=[
                    {"account": {"homePage": "https://x.example/o", "name": "c"}},
                    agent(),
                    agent(mbox="mailto:b@example.com"),
                ]
            ),
            "authority.member",
            "exactly two",
        ),
        ({"objectType": "Group", "name": "x"}, "authority.member", "at least one"),
        (
            anonymous_group(member=[agent(), agent(mbox="mailto:b@example.com")]),
            "authority.member",
            "account",
        ),
        (
            {
                "objectType": "Group",
                "name": "xAPI Group",
                "mbox": "mailto:xapigroup@example.com",
                "member": [agent(), agent(mbox="mailto:b@example.com")],
            },
            "authority",
            "not an Identified Group",
        ),
    ],
)
@both_versions
def test_authority_is_an_agent_or_an_oauth_group_of_two(
    authority, path, fragment, version
):
    """1.0.3 Data 2.4.9.s3.b1 and 2.4.9.s7 (XAPI-00024, XAPI-00098, XAPI-00100): the
    authority is an Agent, or an anonymous Group of exactly two Agents (3-legged OAuth)
    one of which is the consumer identified by account."""
    assert_invalid(statement(authority=authority), version, path, fragment)


# --- Data 2.4.10 version -------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["should fail", "0.9.9", "1.1.0", "1.0.x", "2.0.0", "1", 1.0]
)
def test_version_must_start_with_1_0_in_1_0_3(value):
    """1.0.3 Data 2.4.10.s3.b2 (XAPI-00101): reject a version that does not start with
    1.0 (under X-Experience-API-Version 1.0.x)."""
    assert_invalid(statement(version=value), "1.0.3", "version")


@pytest.mark.parametrize(
    "value", ["1.0", "1.0.0", "1.0.3", "1.0.9", "2.0", "2.0.0", "2.0.7"]
)
def test_version_1_0_x_and_2_0_x_are_accepted_in_2_0(value):
    """2.0 4.2.4.3: the LRS accepts statements whose version is 1.0.x or 2.0.x."""
    validate_statement(statement(version=value), version="2.0.0")


@pytest.mark.parametrize("value", ["should fail", "0.9.9", "1.1.0", "3.0.0", "2.1.0"])
def test_other_versions_are_rejected_in_2_0(value):
    """2.0 4.2.4.3: any other version is rejected."""
    assert_invalid(statement(version=value), "2.0.0", "version")


# --- Data 2.4.11 attachments ---------------------------------------------------------


@pytest.mark.parametrize(
    ("attachments", "path", "fragment"),
    [
        (attachment(), "attachments", "array"),
        ([12345], "attachments[0]", "object"),
        (["should fail"], "attachments[0]", "object"),
        ([without(attachment(), "usageType")], "attachments[0].usageType", "requires"),
        ([without(attachment(), "display")], "attachments[0].display", "requires"),
        (
            [without(attachment(), "contentType")],
            "attachments[0].contentType",
            "requires",
        ),
        ([without(attachment(), "length")], "attachments[0].length", "requires"),
        ([without(attachment(), "sha2")], "attachments[0].sha2", "requires"),
        ([attachment(usageType="should fail")], "attachments[0].usageType", "IRI"),
        (
            [attachment(usageType="example.com/attachment-usage/test")],
            "attachments[0].usageType",
            "IRI",
        ),
        ([attachment(display=12345)], "attachments[0].display", "language map"),
        ([attachment(display="should fail")], "attachments[0].display", "language map"),
        (
            [attachment(display={"en-US": "x", "something": "y"})],
            "attachments[0].display.something",
            "RFC 5646",
        ),
        (
            [attachment(description={"a12345678": "x"})],
            "attachments[0].description.a12345678",
            "RFC 5646",
        ),
        (
            [attachment(description="should error")],
            "attachments[0].description",
            "language map",
        ),
        ([attachment(contentType=12345)], "attachments[0].contentType", "string"),
        ([attachment(contentType="text")], "attachments[0].contentType", "Media Type"),
        ([attachment(length="should fail")], "attachments[0].length", "integer"),
        ([attachment(length=-1)], "attachments[0].length", "integer"),
        ([attachment(sha2=12345)], "attachments[0].sha2", "string"),
        ([attachment(sha2="not a hash")], "attachments[0].sha2", "SHA-2"),
        ([attachment(sha2=SHA1)], "attachments[0].sha2", "SHA-2"),
        ([attachment(fileUrl="should fail")], "attachments[0].fileUrl", "IRL"),
        (
            [attachment(fileUrl="over.there.com/file.txt")],
            "attachments[0].fileUrl",
            "IRL",
        ),
    ],
)
@both_versions
def test_attachments_are_checked(attachments, path, fragment, version):
    """1.0.3 Data 2.4.11 (XAPI-00025, 00102..00107): attachments is an array of
    Attachments with a usageType IRI, a display Language Map, an Internet Media Type,
    an integer length, a SHA-2 hash and an optional fileUrl IRL."""
    assert_invalid(statement(attachments=attachments), version, path, fragment)


# --- Data 4.1 extensions, 4.2 language maps everywhere ---------------------------------


@pytest.mark.parametrize(
    "value", [None, "", {}, [], True, 12345, {"key": "valid"}, [None], "x" * 10_000]
)
@pytest.mark.parametrize(
    "location",
    ["object.definition.extensions", "result.extensions", "context.extensions"],
)
@both_versions
def test_extension_values_are_never_a_reason_to_reject(value, location, version):
    """1.0.3 Data 4.1.s3.b2 (XAPI-00119, XAPI-00120): any extension value, null and
    empty ones included, is accepted."""
    document = with_value(full_statement(), location, {"http://example.com/ex": value})
    validate_statement(document, version=version)


@both_versions
def test_extensions_may_be_empty(version):
    """1.0.3 Data 4.1 (XAPI-00119): an empty extensions object is valid."""
    validate_statement(
        statement(
            object=activity(definition={"extensions": {}}),
            result={"extensions": {}},
            context={"extensions": {}},
        ),
        version=version,
    )


@pytest.mark.parametrize(
    "tag",
    [
        "de",
        "de-DE",
        "zh-Hant",
        "sr-Latn-RS",
        "cmn",
        "ase",
        "es-419",
        "zh-Hans-CN",
        "tlh",
        "i-klingon",
        "x-zaakwijs",
        "en-GB-oed",
    ],
)
@both_versions
def test_language_map_keys_may_be_any_well_formed_tag(tag, version):
    """1.0.3 Data 4.2 and 2.2.s4.b2 (XAPI-00013, XAPI-00121): RFC 5646 tags, including
    three-letter, script, region, UN M.49 and grandfathered ones."""
    document = statement(
        verb=verb(display={tag: "x"}),
        object=activity(definition={"name": {tag: "x"}, "description": {tag: "x"}}),
        context={"language": tag},
        attachments=[attachment(display={tag: "x"}, description={tag: "x"})],
    )
    validate_statement(document, version=version)
