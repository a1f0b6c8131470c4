"""Builders for valid xAPI objects, for the validation tests.

Every builder returns a fresh, valid object; tests break one thing at a time.
"""

import copy

import pytest

from lms.lrs.validation import StatementValidationError, validate_statement

VERSIONS = ("1.0.3", "2.0.0")
both_versions = pytest.mark.parametrize("version", VERSIONS)

STATEMENT_ID = "9e13cefd-53d3-4eac-b5ed-2cf6693903bb"
REF_ID = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"
REGISTRATION = "ec531277-b57b-4c15-8d91-d292c5b2b8f7"
SHA1 = "cd9b00a5611f94eaa7b1661edab976068e364975"
SHA256 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def agent(**overrides) -> dict:
    return {
        "objectType": "Agent",
        "name": "Ada Learner",
        "mbox": "mailto:ada@example.com",
        **overrides,
    }


def account_agent(name: str = "u-1001") -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": "https://zaakwijs.example", "name": name},
    }


def group(**overrides) -> dict:
    return {
        "objectType": "Group",
        "name": "Team Noord",
        "mbox": "mailto:noord@example.com",
        "member": [agent(), account_agent()],
        **overrides,
    }


def anonymous_group(**overrides) -> dict:
    return {
        "objectType": "Group",
        "member": [agent(), account_agent()],
        **overrides,
    }


def verb(**overrides) -> dict:
    return {
        "id": "http://adlnet.gov/expapi/verbs/completed",
        "display": {"en-US": "completed", "nl-NL": "voltooid"},
        **overrides,
    }


def activity(**overrides) -> dict:
    return {
        "objectType": "Activity",
        "id": "https://zaakwijs.example/courses/intake/lessons/1",
        "definition": {
            "name": {"en-US": "Lesson 1", "nl": "Les 1"},
            "description": {"en-US": "The first lesson"},
            "type": "http://adlnet.gov/expapi/activities/lesson",
            "moreInfo": "https://zaakwijs.example/courses/intake",
            "extensions": {"https://zaakwijs.example/xapi/extensions/level": 2},
        },
        **overrides,
    }


def interaction(interaction_type: str, **definition) -> dict:
    return {
        "objectType": "Activity",
        "id": "https://zaakwijs.example/quizzes/q1",
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": interaction_type,
            **definition,
        },
    }


def components(*ids: str) -> list[dict]:
    return [{"id": each, "description": {"en-US": f"Option {each}"}} for each in ids]


def statement_ref(**overrides) -> dict:
    return {"objectType": "StatementRef", "id": REF_ID, **overrides}


def substatement(**overrides) -> dict:
    return {
        "objectType": "SubStatement",
        "actor": agent(),
        "verb": verb(id="http://adlnet.gov/expapi/verbs/attempted"),
        "object": activity(),
        **overrides,
    }


def result(**overrides) -> dict:
    return {
        "score": {"scaled": 0.95, "raw": 95, "min": 0, "max": 100},
        "success": True,
        "completion": True,
        "response": "We agreed on some example actions.",
        "duration": "PT1H0M0S",
        "extensions": {"https://zaakwijs.example/xapi/extensions/attempts": 2},
        **overrides,
    }


def context(**overrides) -> dict:
    return {
        "registration": REGISTRATION,
        "instructor": agent(name="Ida Instructor", mbox="mailto:ida@example.com"),
        "team": group(),
        "contextActivities": {
            "parent": [{"id": "https://zaakwijs.example/courses/intake"}],
            "grouping": [
                {"objectType": "Activity", "id": "https://zaakwijs.example/p"}
            ],
            "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}],
            "other": [{"id": "https://zaakwijs.example/other"}],
        },
        "revision": "rev-3",
        "platform": "Zaakwijs",
        "language": "nl-NL",
        "statement": statement_ref(),
        "extensions": {"https://zaakwijs.example/xapi/extensions/session": "abc"},
        **overrides,
    }


def attachment(**overrides) -> dict:
    return {
        "usageType": "http://adlnet.gov/expapi/attachments/signature",
        "display": {"en-US": "A test attachment"},
        "description": {"en-US": "A test attachment (description)"},
        "contentType": "text/plain; charset=ascii",
        "length": 27,
        "sha2": SHA256,
        "fileUrl": "https://files.example.com/file.txt",
        **overrides,
    }


def statement(**overrides) -> dict:
    """A minimal valid statement; pass properties to add or replace."""
    return {"actor": agent(), "verb": verb(), "object": activity(), **overrides}


def full_statement() -> dict:
    """A statement using every property that is valid in both versions."""
    return statement(
        id=STATEMENT_ID,
        result=result(),
        context=context(),
        timestamp="2024-05-04T17:00:00.123Z",
        stored="2024-05-04T17:00:01.000Z",
        authority=account_agent("oauth-consumer"),
        version="1.0.0",
        attachments=[attachment()],
    )


def with_value(document: dict, path: str, value: object) -> dict:
    """A deep copy of ``document`` with the dotted ``path`` set to ``value``
    (``[n]`` indexes a list)."""
    copied = copy.deepcopy(document)
    *parents, last = _split(path)
    target = copied
    for step in parents:
        target = target[step]
    target[last] = value
    return copied


def without(document: dict, path: str) -> dict:
    copied = copy.deepcopy(document)
    *parents, last = _split(path)
    target = copied
    for step in parents:
        target = target[step]
    del target[last]
    return copied


def _split(path: str) -> list:
    steps: list = []
    for part in path.split("."):
        while "[" in part:
            name, _, rest = part.partition("[")
            if name:
                steps.append(name)
            index, _, part = rest.partition("]")
            steps.append(int(index))
        if part:
            steps.append(part)
    return steps


def assert_invalid(
    document: object, version: str, path: str, fragment: str = ""
) -> StatementValidationError:
    """The statement is refused, the error names ``path`` and its rule contains
    ``fragment``."""
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(document, version=version)
    error = caught.value
    assert error.path == path, f"{error.path!r} != {path!r}: {error.rule}"
    assert fragment in error.rule, error.rule
    return error
