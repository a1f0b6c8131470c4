"""The format parameter and language filtering: xAPI 1.0.3 Communication §2.1.3
(table row 12) and §2.1.3.s4 (2.0 §4.1.6.1)."""

import pytest

from lms.lrs.formats import (
    accept_language_parse,
    agent_ids,
    language_map_filter,
    statement_format,
)
from tests.lms.lrs.statement_factories import activity, agent, new_id, statement

URL = "/xapi/statements"

ANN = {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.com"}
GROUP = {
    "objectType": "Group",
    "name": "Team",
    "mbox": "mailto:team@example.com",
    "member": [ANN],
}
VERB = {
    "id": "http://example.com/verbs/did",
    "display": {"en-US": "did", "en-GB": "did (GB)", "nl-NL": "deed"},
}
CHOICE = {
    "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "interactionType": "choice",
    "correctResponsesPattern": ["a"],
    "choices": [
        {"id": "a", "description": {"en-US": "A", "en-GB": "A (GB)"}},
        {"id": "b", "description": {"en-US": "B", "en-GB": "B (GB)"}},
    ],
}


def _sub_statement_with_group() -> dict:
    return statement(
        actor=ANN,
        verb=VERB,
        object={
            "objectType": "SubStatement",
            "actor": GROUP,
            "verb": VERB,
            "object": activity(
                "http://example.com/activities/choice",
                name={"en-US": "Choose", "en-GB": "Choose (GB)"},
                description={"en-US": "Pick", "en-GB": "Pick (GB)"},
                **CHOICE,
            ),
        },
    )


def _fetch(xapi, data, **params):
    statement_id = new_id()
    assert xapi.post(URL, {**data, "id": statement_id}).status_code == 200
    response = xapi.get(URL, statementId=statement_id, **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_format_exact_is_the_default_and_returns_what_was_stored(xapi):
    """Communication §2.1.3 row 12 (XAPI-00168, XAPI-00170): exact returns Agent,
    Activity, Verb and Group objects as received."""
    data = _sub_statement_with_group()
    for params in ({}, {"format": "exact"}):
        result = _fetch(xapi, data, **params)
        assert result["actor"] == ANN
        assert result["verb"] == VERB
        assert result["object"]["actor"] == GROUP
        assert result["object"]["object"] == data["object"]["object"]


def test_format_ids_keeps_only_identifiers(xapi):
    """Communication §2.1.3 row 12 (XAPI-00171): ids includes only what identifies
    Agents, Groups, Activities and Verbs."""
    result = _fetch(xapi, _sub_statement_with_group(), format="ids")
    assert result["actor"] == {"objectType": "Agent", "mbox": "mailto:ann@example.com"}
    assert result["verb"] == {"id": VERB["id"]}
    assert result["object"]["actor"] == {
        "objectType": "Group",
        "mbox": "mailto:team@example.com",
    }
    assert result["object"]["verb"] == {"id": VERB["id"]}
    assert result["object"]["object"] == {"id": "http://example.com/activities/choice"}
    assert set(result["authority"]) <= {"objectType", "account"}


def test_format_ids_keeps_the_members_of_an_anonymous_group():
    """Communication §2.1.3 row 12: for an anonymous Group, ids keeps the minimum
    needed to identify each member."""
    group = {"objectType": "Group", "name": "Anon", "member": [ANN, agent(name="B")]}
    reduced = agent_ids(group)
    assert reduced["objectType"] == "Group"
    assert reduced["member"][0] == {
        "objectType": "Agent",
        "mbox": "mailto:ann@example.com",
    }
    assert "name" not in reduced


def test_format_canonical_filters_every_language_map(xapi):
    """Communication §2.1.3.s4 (XAPI-00169, XAPI-00172): canonical returns one
    language per map, chosen with Accept-Language, in activities (name,
    description, interaction components) and verbs; agents stay exact."""
    data = _sub_statement_with_group()
    data["context"] = {
        "contextActivities": {
            "category": [
                activity(
                    "http://example.com/activities/category",
                    name={"en-US": "Cat", "en-GB": "Cat (GB)"},
                    description={"en-US": "C", "en-GB": "C (GB)"},
                )
            ]
        }
    }
    statement_id = new_id()
    xapi.post(URL, {**data, "id": statement_id})
    response = xapi.get(
        URL,
        statementId=statement_id,
        format="canonical",
        headers={"Accept-Language": "en-GB"},
    )
    result = response.json()
    assert result["actor"] == ANN
    assert result["verb"] == {"id": VERB["id"], "display": {"en-GB": "did (GB)"}}
    sub_activity = result["object"]["object"]
    assert sub_activity["definition"]["name"] == {"en-GB": "Choose (GB)"}
    assert sub_activity["definition"]["description"] == {"en-GB": "Pick (GB)"}
    assert [c["description"] for c in sub_activity["definition"]["choices"]] == [
        {"en-GB": "A (GB)"},
        {"en-GB": "B (GB)"},
    ]
    assert sub_activity["definition"]["correctResponsesPattern"] == ["a"]
    category = result["context"]["contextActivities"]["category"][0]
    assert category["definition"] == {
        "name": {"en-GB": "Cat (GB)"},
        "description": {"en-GB": "C (GB)"},
    }


def test_accept_language_does_not_filter_exact(xapi):
    """XAPI-00172: without format=canonical, Accept-Language changes nothing."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id, verb=VERB))
    response = xapi.get(
        URL, statementId=statement_id, headers={"Accept-Language": "en-GB"}
    )
    assert response.json()["verb"]["display"] == VERB["display"]


def test_canonical_uses_the_lrs_definition_not_the_statements(xapi):
    """Communication §2.1.3 row 12: canonical returns the Activity's canonical
    definition as the LRS determined it (Data §2.4.4.1.s4: merged over time)."""
    activity_id = "http://example.com/activities/evolving"
    first, second = new_id(), new_id()
    xapi.post(
        URL,
        statement(id=first, object=activity(activity_id, name={"en-US": "Old"})),
    )
    xapi.post(
        URL,
        statement(id=second, object=activity(activity_id, name={"nl-NL": "Nieuw"})),
    )
    response = xapi.get(
        URL, statementId=first, format="canonical", headers={"Accept-Language": "nl"}
    )
    assert response.json()["object"]["definition"]["name"] == {"nl-NL": "Nieuw"}


@pytest.mark.parametrize(
    "header,expected",
    [
        ("en-GB", "en-GB"),
        ("nl", "nl-NL"),
        ("fr, nl;q=0.5, en;q=0.9", "en-US"),
        ("de", "en-US"),  # nothing acceptable: still one language
        ("*", "en-US"),
        ("en-US;q=0, en;q=0.8", "en-GB"),
        (None, "en-US"),
    ],
)
def test_language_choice_follows_rfc_2616(header, expected):
    """Communication §2.1.3.s4.b5: Accept-Language as RFC 2616 §14.4 describes,
    applied to each language map on its own; only one language is returned."""
    language_map = {"en-US": "us", "en-GB": "gb", "nl-NL": "nl"}
    chosen = language_map_filter(language_map, accept_language_parse(header))
    assert list(chosen) == [expected]


def test_accept_language_parsing_orders_by_quality():
    assert accept_language_parse("da, en-gb;q=0.8, en;q=0.7") == [
        ("da", 1.0),
        ("en-gb", 0.8),
        ("en", 0.7),
    ]


def test_format_of_a_statement_without_definitions_adds_none():
    data = statement(object={"objectType": "Activity", "id": "http://example.com/x"})
    result = statement_format(data, format="canonical", accept=[], definitions={})
    assert "definition" not in result["object"]


def test_format_parameter_applies_to_statement_results(xapi):
    xapi.post(URL, statement(verb=VERB))
    response = xapi.get(URL, format="ids")
    assert response.json()["statements"][0]["verb"] == {"id": VERB["id"]}
