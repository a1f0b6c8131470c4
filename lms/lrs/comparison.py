"""Statement comparison (xAPI 1.0.3 Data §2.3.1 "Statement Comparison Requirements";
2.0 §4.2.4.1 / §4.2.7).

Used when a statement id arrives again (204 if it matches, 409 if not: Communication
§2.1.1.s2.b3) and when a signed statement is checked against its JWS payload (Data
§2.6.s5.b3.b2). Differences that the exceptions to immutability could cause are
ignored (§2.3.1.s9.b1); every other difference counts (§2.3.1.s9.b2):

* ``id``, ``authority``, ``stored``, ``version`` and a ``timestamp`` the LRS may have
  filled in (§2.3.1.b1); timestamps are compared as points in time (§2.3.1.b4);
* Activity definitions and Verb ``display`` (§2.3.1.b2, b3);
* the order of a Group's members (§2.3.1.b5);
* attachments (§2.3.1.b6);
* case where it carries no meaning: the domain of an e-mail address, UUIDs (§2.3.1.b7);
* a single context Activity versus an array of one (Data §2.4.6.2.s4.b3, b4);
* duration precision beyond 0.01 s (Data §4.6.s1.b5).
"""

import json
import re
from typing import Any

from lms.lrs.timestamps import timestamp_parse

_LRS_ASSIGNED = ("id", "authority", "stored", "version", "attachments", "timestamp")
_DURATION_SECONDS = re.compile(r"(\d+)(?:\.(\d*))?S$")


def statements_equivalent(first: dict, second: dict) -> bool:
    """True when the two statements are the same statement per Data §2.3.1.s9."""
    if _comparable(first) != _comparable(second):
        return False
    return _same_instant_if_both(first.get("timestamp"), second.get("timestamp"))


def _same_instant_if_both(first: object, second: object) -> bool:
    # A missing timestamp may have been filled in by the LRS (§2.3.1.b1).
    if first is None or second is None:
        return True
    first_time, second_time = timestamp_parse(first), timestamp_parse(second)
    if first_time is None or second_time is None:
        return first == second
    return first_time == second_time


def _comparable(statement: dict) -> dict:
    result = {k: v for k, v in statement.items() if k not in _LRS_ASSIGNED}
    return _statement_body(result)


def _statement_body(statement: dict) -> dict:
    """Normalise the parts shared by a Statement and a SubStatement."""
    body = dict(statement)
    if isinstance(body.get("actor"), dict):
        body["actor"] = _agent(body["actor"])
    if isinstance(body.get("verb"), dict):
        body["verb"] = {k: v for k, v in body["verb"].items() if k != "display"}
    if isinstance(body.get("object"), dict):
        body["object"] = _object(body["object"])
    if isinstance(body.get("context"), dict):
        body["context"] = _context(body["context"])
    if isinstance(body.get("result"), dict):
        body["result"] = _result(body["result"])
    return body


def _object(obj: dict) -> dict:
    object_type = obj.get("objectType", "Activity")
    if object_type == "Activity":
        return _activity(obj)
    if object_type in ("Agent", "Group"):
        return _agent(obj)
    if object_type == "StatementRef":
        return _statement_ref(obj)
    if object_type == "SubStatement":
        sub = {k: v for k, v in obj.items() if k not in ("attachments", "timestamp")}
        sub = _statement_body(sub)
        # Only the point in time counts (§2.3.1.b4).
        timestamp = timestamp_parse(obj.get("timestamp"))
        sub["timestamp"] = (
            timestamp.isoformat() if timestamp is not None else obj.get("timestamp")
        )
        return sub
    return obj


def _activity(activity: object) -> object:
    if not isinstance(activity, dict):
        return activity
    return {k: v for k, v in activity.items() if k != "definition"}


def _statement_ref(ref: dict) -> dict:
    normal = dict(ref)
    if isinstance(normal.get("id"), str):
        normal["id"] = normal["id"].lower()
    return normal


def _agent(agent: object) -> object:
    if not isinstance(agent, dict):
        return agent
    normal = dict(agent)
    mbox = normal.get("mbox")
    if isinstance(mbox, str) and "@" in mbox:
        local, _at, domain = mbox.rpartition("@")
        normal["mbox"] = f"{local}@{domain.lower()}"
    if isinstance(normal.get("mbox_sha1sum"), str):
        normal["mbox_sha1sum"] = normal["mbox_sha1sum"].lower()
    members = normal.get("member")
    if isinstance(members, list):
        normal["member"] = sorted(
            (_agent(m) for m in members), key=lambda m: json.dumps(m, sort_keys=True)
        )
    return normal


def _context(context: dict) -> dict:
    normal = dict(context)
    if isinstance(normal.get("registration"), str):
        normal["registration"] = normal["registration"].lower()
    for role in ("instructor", "team"):
        if isinstance(normal.get(role), dict):
            normal[role] = _agent(normal[role])
    if isinstance(normal.get("statement"), dict):
        normal["statement"] = _statement_ref(normal["statement"])
    activities = normal.get("contextActivities")
    if isinstance(activities, dict):
        normal["contextActivities"] = {
            kind: [_activity(a) for a in context_activity_list(value)]
            for kind, value in activities.items()
        }
    # xAPI 2.0 contextAgents / contextGroups.
    for key, inner in (("contextAgents", "agent"), ("contextGroups", "group")):
        entries = normal.get(key)
        if isinstance(entries, list):
            normal[key] = [
                {**e, inner: _agent(e[inner])}
                if isinstance(e, dict) and inner in e
                else e
                for e in entries
            ]
    return normal


def _result(result: dict) -> dict:
    normal = dict(result)
    if isinstance(normal.get("duration"), str):
        normal["duration"] = duration_truncated(normal["duration"])
    return normal


def duration_truncated(duration: str) -> str:
    """The duration with seconds cut to hundredths, for comparison (Data §4.6.s1.b5)."""

    def cut(match: re.Match) -> str:
        whole, fraction = match.group(1), (match.group(2) or "")[:2].rstrip("0")
        return f"{whole}.{fraction}S" if fraction else f"{whole}S"

    return _DURATION_SECONDS.sub(cut, duration)


def context_activity_list(value: Any) -> list:
    """A contextActivities value as a list: a single Activity becomes a list of one
    (Data §2.4.6.2.s4.b3-b4)."""
    if isinstance(value, list):
        return value
    return [value]
