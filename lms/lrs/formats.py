"""The ``format`` parameter of GET /statements (xAPI 1.0.3 Communication §2.1.3,
2.0 §4.1.6.1) and the language filtering of the canonical format (§2.1.3.s4).

* ``exact``: the statement as it was stored.
* ``ids``: Agents, Groups, Activities and Verbs reduced to what identifies them; an
  anonymous Group keeps its members (identified by their IFIs).
* ``canonical``: Activities carry the LRS's canonical definition and Verbs their
  display, each language map reduced to the one language the ``Accept-Language``
  header prefers (RFC 2616 §14.4, applied to every map on its own); Agents and Groups
  as in ``exact``.
"""

from collections.abc import Callable
from typing import Any

from lms.lrs.comparison import context_activity_list
from lms.lrs.identity import IFI_PROPERTIES

FORMATS = ("exact", "ids", "canonical")
_INTERACTION_COMPONENTS = ("choices", "scale", "source", "target", "steps")

AcceptLanguage = list[tuple[str, float]]


def accept_language_parse(header: str | None) -> AcceptLanguage:
    """The language ranges of an Accept-Language header, most wanted first.

    Ranges are lower-cased; q defaults to 1; malformed entries are skipped.
    """
    ranges: list[tuple[str, float, int]] = []
    for position, item in enumerate((header or "").split(",")):
        tag, *params = (p.strip() for p in item.split(";"))
        if not tag:
            continue
        quality = 1.0
        for param in params:
            name, _eq, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((tag.lower(), quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(tag, quality) for tag, quality, _position in ranges]


def _matches(language_range: str, tag: str) -> bool:
    tag = tag.lower()
    return (
        language_range == "*"
        or tag == language_range
        or tag.startswith(language_range + "-")
    )


def language_map_filter(language_map: object, accept: AcceptLanguage) -> object:
    """One entry of ``language_map``: the one the client prefers, else the first."""
    if not isinstance(language_map, dict) or len(language_map) <= 1:
        return language_map
    refused = {
        tag
        for tag in language_map
        for language_range, quality in accept
        if quality <= 0 and language_range != "*" and _matches(language_range, tag)
    }
    for language_range, quality in accept:
        if quality <= 0:
            continue
        for tag, text in language_map.items():
            if tag not in refused and _matches(language_range, tag):
                return {tag: text}
    # No acceptable language: the spec still wants one language per map.
    tag = next(iter(language_map))
    return {tag: language_map[tag]}


def _definition_filter(definition: dict, accept: AcceptLanguage) -> dict:
    filtered = dict(definition)
    for key in ("name", "description"):
        if key in filtered:
            filtered[key] = language_map_filter(filtered[key], accept)
    for key in _INTERACTION_COMPONENTS:
        components = filtered.get(key)
        if isinstance(components, list):
            filtered[key] = [
                {**c, "description": language_map_filter(c["description"], accept)}
                if isinstance(c, dict) and "description" in c
                else c
                for c in components
            ]
    return filtered


def agent_ids(agent: object) -> object:
    """An Agent or Group with only what identifies it (format=ids)."""
    if not isinstance(agent, dict):
        return agent
    reduced: dict[str, Any] = {}
    if "objectType" in agent:
        reduced["objectType"] = agent["objectType"]
    ifi = next((p for p in IFI_PROPERTIES if p in agent), None)
    if ifi is not None:
        reduced[ifi] = agent[ifi]
    elif isinstance(agent.get("member"), list):
        # An anonymous Group is identified by its members.
        reduced["member"] = [agent_ids(m) for m in agent["member"]]
    return reduced


class _Formatter:
    def __init__(
        self,
        *,
        agent: Callable[[object], object],
        verb: Callable[[dict], dict],
        activity: Callable[[dict], dict],
    ):
        self.agent = agent
        self.verb = verb
        self.activity = activity

    def statement(self, statement: dict) -> dict:
        result = dict(statement)
        for key in ("actor", "authority"):
            if key in result:
                result[key] = self.agent(result[key])
        if isinstance(result.get("verb"), dict):
            result["verb"] = self.verb(result["verb"])
        if isinstance(result.get("object"), dict):
            result["object"] = self.object(result["object"])
        if isinstance(result.get("context"), dict):
            result["context"] = self.context(result["context"])
        return result

    def object(self, obj: dict) -> dict:
        object_type = obj.get("objectType", "Activity")
        if object_type == "Activity":
            return self.activity(obj)
        if object_type in ("Agent", "Group"):
            return self.agent(obj)
        if object_type == "SubStatement":
            return self.statement(obj)
        return obj

    def context(self, context: dict) -> dict:
        result = dict(context)
        for key in ("instructor", "team"):
            if key in result:
                result[key] = self.agent(result[key])
        activities = result.get("contextActivities")
        if isinstance(activities, dict):
            result["contextActivities"] = {
                kind: [
                    self.activity(a) if isinstance(a, dict) else a
                    for a in context_activity_list(value)
                ]
                for kind, value in activities.items()
            }
        for key, inner in (("contextAgents", "agent"), ("contextGroups", "group")):
            entries = result.get(key)
            if isinstance(entries, list):
                result[key] = [
                    {**e, inner: self.agent(e[inner])}
                    if isinstance(e, dict) and inner in e
                    else e
                    for e in entries
                ]
        return result


def statement_format(
    statement: dict,
    *,
    format: str,
    accept: AcceptLanguage | None = None,
    definitions: dict[str, dict] | None = None,
) -> dict:
    """``statement`` as ``format`` asks; ``definitions`` maps activity ids to the
    canonical definitions (needed for ``canonical``)."""
    if format == "exact":
        return statement
    if format == "ids":
        return _Formatter(
            agent=agent_ids,
            verb=lambda verb: {"id": verb["id"]} if "id" in verb else verb,
            activity=lambda activity: (
                {"id": activity["id"]} if "id" in activity else activity
            ),
        ).statement(statement)
    if format == "canonical":
        accept = accept or []
        definitions = definitions or {}

        def verb(verb: dict) -> dict:
            result = dict(verb)
            if "display" in result:
                result["display"] = language_map_filter(result["display"], accept)
            return result

        def activity(activity: dict) -> dict:
            result = dict(activity)
            definition = definitions.get(activity.get("id"), activity.get("definition"))
            if definition:
                result["definition"] = _definition_filter(definition, accept)
            else:
                result.pop("definition", None)
            return result

        return _Formatter(agent=lambda a: a, verb=verb, activity=activity).statement(
            statement
        )
    raise ValueError(f"Unknown format {format!r}")


def statement_activity_ids(statement: dict) -> set[str]:
    """Every activity id a statement mentions (for loading canonical definitions)."""
    ids: set[str] = set()

    def collect(activity: dict) -> dict:
        if isinstance(activity.get("id"), str):
            ids.add(activity["id"])
        return activity

    _Formatter(agent=lambda a: a, verb=lambda v: v, activity=collect).statement(
        statement
    )
    return ids
