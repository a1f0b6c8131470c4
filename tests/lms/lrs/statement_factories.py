"""Valid xAPI statements for the Statements resource tests, built as dicts."""

import copy
import itertools
import uuid

_counter = itertools.count(1)

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def agent(name: str | None = None, **ifi) -> dict:
    number = next(_counter)
    result = {"objectType": "Agent", "name": name or f"Learner {number}"}
    result.update(ifi or {"mbox": f"mailto:learner{number}@example.com"})
    return result


def activity(activity_id: str | None = None, *, name: dict | None = None, **definition):
    result = {
        "objectType": "Activity",
        "id": activity_id or f"http://example.com/activities/{next(_counter)}",
    }
    if name is not None or definition:
        result["definition"] = {**({"name": name} if name else {}), **definition}
    return result


def statement(**overrides) -> dict:
    """A minimal valid statement; keyword arguments replace its properties."""
    result = {
        "actor": agent(),
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/experienced",
            "display": {"en-US": "experienced", "nl-NL": "beleefde"},
        },
        "object": activity(name={"en-US": "An activity"}),
    }
    result.update(copy.deepcopy(overrides))
    return result


def voiding(target_id: str, **overrides) -> dict:
    return statement(
        verb={"id": VOIDED, "display": {"en-US": "voided"}},
        object={"objectType": "StatementRef", "id": str(target_id)},
        **overrides,
    )


def new_id() -> str:
    return str(uuid.uuid4())
