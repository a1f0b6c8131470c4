"""Context (1.0.3 Data 2.4.6; 2.0 4.2.2.5, which adds contextAgents and contextGroups)
and Statement References (1.0.3 Data 2.4.4.3)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.activities import validate_activity
from lms.lrs.validation.agents import (
    validate_actor,
    validate_agent_object,
    validate_group_object,
)
from lms.lrs.validation.common import (
    check_keys,
    join,
    require_array,
    require_string,
    type_error,
    validate_extensions,
    validate_iri,
    validate_language_tag,
    validate_uuid,
)
from lms.lrs.validation.errors import StatementValidationError

_CONTEXT_KEYS = frozenset(
    (
        "registration",
        "instructor",
        "team",
        "contextActivities",
        "revision",
        "platform",
        "language",
        "statement",
        "extensions",
    )
)
_CONTEXT_KEYS_2_0 = _CONTEXT_KEYS | {"contextAgents", "contextGroups"}
CONTEXT_ACTIVITY_KEYS = frozenset(("parent", "grouping", "category", "other"))
_CONTEXT_AGENT_KEYS = frozenset(("objectType", "agent", "relevantTypes"))
_CONTEXT_GROUP_KEYS = frozenset(("objectType", "group", "relevantTypes"))
_STATEMENT_REF_KEYS = frozenset(("objectType", "id"))

_A_CONTEXT = gettext_noop("a Context")
_A_STATEMENT_REF = gettext_noop("a Statement Reference")
_A_CONTEXT_AGENT = gettext_noop("a Context Agent")
_A_CONTEXT_GROUP = gettext_noop("a Context Group")
_A_RELEVANT_TYPE = gettext_noop("a Relevant Type IRI")


def validate_context(
    context: object, *, path: str, object_is_activity: bool, v2: bool
) -> None:
    if type(context) is not dict:
        raise type_error(path, _("a Context object"), context)
    p = f"{path}." if path else ""
    if not v2 and ("contextAgents" in context or "contextGroups" in context):
        key = "contextAgents" if "contextAgents" in context else "contextGroups"
        raise StatementValidationError(
            f"{p}{key}",
            _(
                '"%(key)s" exists in xAPI 2.0 only; send the request with '
                "X-Experience-API-Version 2.0.0 (1.0.3 Data 2.4.6.s3, 2.2.s4.b1.b7)."
            )
            % {"key": key},
        )
    check_keys(
        context,
        _CONTEXT_KEYS_2_0 if v2 else _CONTEXT_KEYS,
        path,
        _A_CONTEXT,
        "Data 2.4.6",
    )
    if "registration" in context:
        validate_uuid(context["registration"], path=f"{p}registration")
    if "instructor" in context:
        validate_actor(context["instructor"], path=f"{p}instructor")
    if "team" in context:
        team = context["team"]
        if type(team) is dict and team.get("objectType") != "Group":
            raise StatementValidationError(
                f"{p}team.objectType",
                _(
                    'The team must be a Group, with objectType "Group" (1.0.3 Data '
                    "2.4.6.s3.table1.row3)."
                ),
            )
        validate_group_object(team, path=f"{p}team")
    if "contextActivities" in context:
        _validate_context_activities(
            context["contextActivities"], path=f"{p}contextActivities"
        )
    for key in ("revision", "platform"):
        if key in context:
            require_string(context[key], f"{p}{key}")
            if not object_is_activity:
                raise StatementValidationError(
                    f"{p}{key}",
                    _(
                        'The "%(key)s" property may only be used when the Statement\'s '
                        "object is an Activity (1.0.3 Data 2.4.6.s4.b1, 2.4.6.s4.b2)."
                    )
                    % {"key": key},
                )
    if "language" in context:
        validate_language_tag(context["language"], path=f"{p}language")
    if "statement" in context:
        validate_statement_ref(context["statement"], path=f"{p}statement")
    if "extensions" in context:
        validate_extensions(context["extensions"], path=f"{p}extensions")
    if v2:
        if "contextAgents" in context:
            _validate_context_agents(context["contextAgents"], path=f"{p}contextAgents")
        if "contextGroups" in context:
            _validate_context_groups(context["contextGroups"], path=f"{p}contextGroups")


def _validate_context_activities(value: object, *, path: str) -> None:
    """Keys parent, grouping, category, other; each value one Activity or an array of
    Activities (1.0.3 Data 2.4.6.2.s4.b1, 2.4.6.2.s4.b2)."""
    if type(value) is not dict:
        raise type_error(path, _("a contextActivities object"), value)
    for key, activities in value.items():
        if key not in CONTEXT_ACTIVITY_KEYS:
            raise StatementValidationError(
                join(path, key),
                _(
                    'contextActivities keys must be "parent", "grouping", "category" or '
                    '"other", not "%(key)s" (1.0.3 Data 2.4.6.2.s4.b1).'
                )
                % {"key": key},
            )
        key_path = f"{path}.{key}"
        if type(activities) is list:
            for index, activity in enumerate(activities):
                validate_activity(activity, path=f"{key_path}[{index}]")
        elif type(activities) is dict:
            validate_activity(activities, path=key_path)
        else:
            raise type_error(
                key_path, _("an Activity or an array of Activities"), activities
            )


def validate_statement_ref(ref: object, *, path: str) -> None:
    """A Statement Reference: objectType "StatementRef" and a UUID id
    (1.0.3 Data 2.4.4.3.s4)."""
    if type(ref) is not dict:
        raise type_error(path, _("a Statement Reference object"), ref)
    p = f"{path}." if path else ""
    if ref.get("objectType") != "StatementRef":
        raise StatementValidationError(
            f"{p}objectType",
            _(
                'A Statement Reference must have objectType "StatementRef" (1.0.3 Data '
                "2.4.4.3.s4.b1; values are case sensitive)."
            ),
        )
    check_keys(ref, _STATEMENT_REF_KEYS, path, _A_STATEMENT_REF, "Data 2.4.4.3")
    if "id" not in ref:
        raise StatementValidationError(
            f"{p}id",
            _(
                "A Statement Reference requires the id (a UUID) of a Statement "
                "(1.0.3 Data 2.4.4.3.s4.b2)."
            ),
        )
    validate_uuid(ref["id"], path=f"{p}id")


def _validate_relevant_types(item: dict, item_path: str) -> None:
    if "relevantTypes" not in item:
        return
    types_path = f"{item_path}.relevantTypes"
    relevant_types = require_array(item["relevantTypes"], types_path)
    if not relevant_types:
        raise StatementValidationError(
            types_path,
            _(
                "relevantTypes, when present, must list one or more Relevant Type IRIs "
                "(xAPI 2.0 4.2.2.5 Context Agents and Context Groups)."
            ),
        )
    for index, relevant_type in enumerate(relevant_types):
        validate_iri(
            relevant_type, path=f"{types_path}[{index}]", what=_A_RELEVANT_TYPE
        )


def _validate_context_agents(value: object, *, path: str) -> None:
    """xAPI 2.0: an array of contextAgent objects, each an Agent with relevant types."""
    for index, item in enumerate(require_array(value, path)):
        item_path = f"{path}[{index}]"
        if type(item) is not dict:
            raise type_error(item_path, _("a Context Agent object"), item)
        if item.get("objectType", "contextAgent") != "contextAgent":
            raise StatementValidationError(
                f"{item_path}.objectType",
                _(
                    'The objectType of a Context Agent must be "contextAgent" '
                    "(xAPI 2.0 4.2.2.5)."
                ),
            )
        check_keys(
            item, _CONTEXT_AGENT_KEYS, item_path, _A_CONTEXT_AGENT, "2.0 4.2.2.5"
        )
        if "agent" not in item:
            raise StatementValidationError(
                f"{item_path}.agent",
                _("A Context Agent requires an agent (xAPI 2.0 4.2.2.5)."),
            )
        validate_agent_object(item["agent"], path=f"{item_path}.agent")
        _validate_relevant_types(item, item_path)


def _validate_context_groups(value: object, *, path: str) -> None:
    """xAPI 2.0: an array of contextGroup objects, each a Group with relevant types."""
    for index, item in enumerate(require_array(value, path)):
        item_path = f"{path}[{index}]"
        if type(item) is not dict:
            raise type_error(item_path, _("a Context Group object"), item)
        if item.get("objectType", "contextGroup") != "contextGroup":
            raise StatementValidationError(
                f"{item_path}.objectType",
                _(
                    'The objectType of a Context Group must be "contextGroup" '
                    "(xAPI 2.0 4.2.2.5)."
                ),
            )
        check_keys(
            item, _CONTEXT_GROUP_KEYS, item_path, _A_CONTEXT_GROUP, "2.0 4.2.2.5"
        )
        if "group" not in item:
            raise StatementValidationError(
                f"{item_path}.group",
                _("A Context Group requires a group (xAPI 2.0 4.2.2.5)."),
            )
        validate_group_object(item["group"], path=f"{item_path}.group")
        _validate_relevant_types(item, item_path)
