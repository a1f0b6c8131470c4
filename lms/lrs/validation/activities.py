"""Activities and their definitions, interactions included (1.0.3 Data 2.4.4.1)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.common import (
    check_keys,
    require_array,
    require_string,
    type_error,
    validate_extensions,
    validate_iri,
    validate_irl,
    validate_language_map,
)
from lms.lrs.validation.errors import StatementValidationError

_ACTIVITY_KEYS = frozenset(("objectType", "id", "definition"))
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")
_DEFINITION_KEYS = frozenset(
    (
        "name",
        "description",
        "type",
        "moreInfo",
        "interactionType",
        "correctResponsesPattern",
        *COMPONENT_LISTS,
        "extensions",
    )
)
_COMPONENT_KEYS = frozenset(("id", "description"))
_INTERACTION_KEYS = frozenset(
    ("interactionType", "correctResponsesPattern", *COMPONENT_LISTS)
)

_AN_ACTIVITY = gettext_noop("an Activity")
_AN_ACTIVITY_ID = gettext_noop("an Activity id (IRI)")
_A_DEFINITION = gettext_noop("an Activity Definition")
_AN_ACTIVITY_TYPE = gettext_noop("an Activity type IRI")
_A_MORE_INFO = gettext_noop("a moreInfo IRL")
_A_COMPONENT = gettext_noop("an interaction component")

# 1.0.3 Data 2.4.4.1.s15.table2: the interaction component lists each type supports.
INTERACTION_COMPONENT_LISTS: dict[str, frozenset[str]] = {
    "true-false": frozenset(),
    "choice": frozenset(("choices",)),
    "fill-in": frozenset(),
    "long-fill-in": frozenset(),
    "matching": frozenset(("source", "target")),
    "performance": frozenset(("steps",)),
    "sequencing": frozenset(("choices",)),
    "likert": frozenset(("scale",)),
    "numeric": frozenset(),
    "other": frozenset(),
}


def validate_activity(activity: object, *, path: str) -> None:
    """An Activity: objectType "Activity" when present, an IRI id, an optional
    definition (1.0.3 Data 2.4.4.1.s1)."""
    if type(activity) is not dict:
        raise type_error(path, _("an Activity object"), activity)
    p = f"{path}." if path else ""
    if "objectType" in activity and activity["objectType"] != "Activity":
        raise StatementValidationError(
            f"{p}objectType",
            _(
                'The objectType of an Activity must be "Activity" when present '
                "(1.0.3 Data 2.4.4.1.s1.table1.row1; values are case sensitive)."
            ),
        )
    check_keys(activity, _ACTIVITY_KEYS, path, _AN_ACTIVITY, "Data 2.4.4.1")
    if "id" not in activity:
        raise StatementValidationError(
            f"{p}id",
            _(
                "An Activity requires an id, an IRI (1.0.3 Data 2.4.4.1.s1.table1.row2)."
            ),
        )
    validate_iri(activity["id"], path=f"{p}id", what=_AN_ACTIVITY_ID)
    if "definition" in activity:
        validate_activity_definition(activity["definition"], path=f"{p}definition")


def validate_activity_definition(definition: object, *, path: str) -> None:
    """1.0.3 Data 2.4.4.1.s2 and the interaction properties of 2.4.4.1.s8-s16."""
    if type(definition) is not dict:
        raise type_error(path, _("an Activity Definition object"), definition)
    check_keys(definition, _DEFINITION_KEYS, path, _A_DEFINITION, "Data 2.4.4.1")
    p = f"{path}." if path else ""
    if "name" in definition:
        validate_language_map(definition["name"], path=f"{p}name")
    if "description" in definition:
        validate_language_map(definition["description"], path=f"{p}description")
    if "type" in definition:
        validate_iri(definition["type"], path=f"{p}type", what=_AN_ACTIVITY_TYPE)
    if "moreInfo" in definition:
        validate_irl(definition["moreInfo"], path=f"{p}moreInfo", what=_A_MORE_INFO)
    if "extensions" in definition:
        validate_extensions(definition["extensions"], path=f"{p}extensions")
    if _INTERACTION_KEYS.isdisjoint(definition):
        return  # the common case: not an interaction

    interaction_type = definition.get("interactionType")
    if "interactionType" in definition:
        require_string(interaction_type, f"{p}interactionType")
        if interaction_type not in INTERACTION_COMPONENT_LISTS:
            raise StatementValidationError(
                f"{p}interactionType",
                _(
                    "Must be one of true-false, choice, fill-in, long-fill-in, matching, "
                    "performance, sequencing, likert, numeric or other, exactly in this "
                    "case (1.0.3 Data 2.4.4.1.s8.table1.row1, 2.2.s4.b1.b6)."
                ),
            )
    if "correctResponsesPattern" in definition:
        pattern_path = f"{p}correctResponsesPattern"
        patterns = require_array(definition["correctResponsesPattern"], pattern_path)
        for index, pattern in enumerate(patterns):
            require_string(pattern, f"{pattern_path}[{index}]")
        if interaction_type is None:
            raise StatementValidationError(
                f"{p}interactionType",
                _(
                    "An Activity Definition with correctResponsesPattern must have an "
                    "interactionType (1.0.3 Data 2.4.4.1.s8; conformance XAPI-00064)."
                ),
            )
    for list_name in COMPONENT_LISTS:
        if list_name not in definition:
            continue
        list_path = f"{p}{list_name}"
        if interaction_type is None:
            raise StatementValidationError(
                f"{p}interactionType",
                _(
                    'An Activity Definition with "%(list)s" must have an interactionType '
                    "(1.0.3 Data 2.4.4.1.s8; conformance XAPI-00064)."
                )
                % {"list": list_name},
            )
        if list_name not in INTERACTION_COMPONENT_LISTS[interaction_type]:
            supported = sorted(INTERACTION_COMPONENT_LISTS[interaction_type])
            raise StatementValidationError(
                list_path,
                _(
                    'The interactionType "%(type)s" supports %(supported)s, not '
                    '"%(list)s" (1.0.3 Data 2.4.4.1.s15.table2, 2.4.4.1.s13.b3).'
                )
                % {
                    "type": interaction_type,
                    "supported": ", ".join(supported)
                    or _("no interaction component list"),
                    "list": list_name,
                },
            )
        _validate_components(definition[list_name], path=list_path)


def _validate_components(components: object, *, path: str) -> None:
    """An array of interaction components with distinct ids (1.0.3 Data 2.4.4.1.s16)."""
    require_array(components, path)
    seen: set[str] = set()
    for index, component in enumerate(components):
        component_path = f"{path}[{index}]"
        if type(component) is not dict:
            raise type_error(
                component_path, _("an interaction component object"), component
            )
        check_keys(
            component, _COMPONENT_KEYS, component_path, _A_COMPONENT, "Data 2.4.4.1.s15"
        )
        if "id" not in component:
            raise StatementValidationError(
                f"{component_path}.id",
                _(
                    "An interaction component requires an id (1.0.3 Data "
                    "2.4.4.1.s15.table1.row1)."
                ),
            )
        component_id = require_string(component["id"], f"{component_path}.id")
        if component_id in seen:
            raise StatementValidationError(
                f"{component_path}.id",
                _(
                    'The id "%(id)s" is used twice; ids within an interaction component '
                    "list must be distinct (1.0.3 Data 2.4.4.1.s16.b1)."
                )
                % {"id": component_id},
            )
        seen.add(component_id)
        if "description" in component:
            validate_language_map(
                component["description"], path=f"{component_path}.description"
            )
