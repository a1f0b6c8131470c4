"""Statements and SubStatements (1.0.3 Data 2.2-2.4; 2.0 4.2).

The validator of record for every statement the LRS stores: the HTTP Statements
resource and the platform's own recording service both come through here.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.activities import validate_activity
from lms.lrs.validation.agents import (
    IFI_PROPERTIES,
    validate_actor,
    validate_agent,
    validate_agent_object,
    validate_authority,
    validate_group_object,
)
from lms.lrs.validation.attachments import validate_attachments
from lms.lrs.validation.common import (
    check_keys,
    is_v2,
    require_string,
    type_error,
    validate_iri,
    validate_language_map,
    validate_timestamp,
    validate_uuid,
)
from lms.lrs.validation.context import validate_context, validate_statement_ref
from lms.lrs.validation.errors import StatementValidationError
from lms.lrs.validation.result import validate_result

__all__ = ["validate_agent", "validate_statement", "validate_voiding"]

VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided"

_STATEMENT_KEYS = frozenset(
    (
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "stored",
        "authority",
        "version",
        "attachments",
    )
)
_SUBSTATEMENT_FORBIDDEN = ("id", "stored", "version", "authority")
_SUBSTATEMENT_KEYS = _STATEMENT_KEYS.difference(_SUBSTATEMENT_FORBIDDEN) | {
    "objectType"
}
_VERB_KEYS = frozenset(("id", "display"))
_IFI_KEYS = frozenset(IFI_PROPERTIES)
_A_STATEMENT = gettext_noop("a Statement")
_A_SUBSTATEMENT = gettext_noop("a SubStatement")
_A_VERB = gettext_noop("a Verb")
_A_VERB_ID = gettext_noop("a Verb id (IRI)")

# 1.0.3 Data 2.4.10.s3.b2: reject a version that does not start with 1.0; xAPI 2.0
# 4.2.4.3 accepts 1.0.x and 2.0.x. "1.0" alone is a version (conformance XAPI-00101).
_VERSION_1 = re.compile(r"1\.0(?:\.\d+)?", re.ASCII)
_VERSION_2 = re.compile(r"[12]\.0(?:\.\d+)?", re.ASCII)


def validate_statement(statement: object, *, version: str) -> None:
    """Raise StatementValidationError unless ``statement`` is valid for ``version``
    ("1.0.3" or "2.0.0"). Does not modify the statement.

    Checks every shape rule of xAPI Data (properties, types, formats, no unknown or
    null properties outside extensions) and the voiding rule; rules that need stored
    data (immutability, the target of a voiding statement) belong to storage.
    """
    v2 = is_v2(version)
    if type(statement) is not dict:
        raise StatementValidationError("", _("A statement must be a JSON object."))
    check_keys(statement, _STATEMENT_KEYS, "", _A_STATEMENT, "Data 2.4.s1")
    if "id" in statement:
        validate_uuid(statement["id"], path="id")
    _validate_core(statement, path="", v2=v2, version=version)
    if "stored" in statement:
        validate_timestamp(statement["stored"], path="stored", version=version)
    if "authority" in statement:
        validate_authority(statement["authority"], path="authority")
    if "version" in statement:
        statement_version = require_string(statement["version"], "version")
        if (_VERSION_2 if v2 else _VERSION_1).fullmatch(statement_version) is None:
            if v2:
                rule = _('Must be "1.0", "1.0.x", "2.0" or "2.0.x" (xAPI 2.0 4.2.4.3).')
            else:
                rule = _(
                    'Must be "1.0" or "1.0.x"; this LRS rejects any version that does '
                    "not start with 1.0 under X-Experience-API-Version 1.0.x (1.0.3 Data "
                    "2.4.10.s3.b2)."
                )
            raise StatementValidationError("version", rule)
    validate_voiding(statement)


def _validate_core(statement: dict, *, path: str, v2: bool, version: str) -> None:
    """What Statements and SubStatements share (1.0.3 Data 2.4.4.3.s8.b2)."""
    p = f"{path}." if path else ""
    for required in ("actor", "verb", "object"):
        if required not in statement:
            raise StatementValidationError(
                f"{p}{required}",
                _(
                    'A statement requires "actor", "verb" and "object"; "%(key)s" is '
                    "missing (1.0.3 Data 2.2.s2.b3)."
                )
                % {"key": required},
            )
    validate_actor(statement["actor"], path=f"{p}actor")
    _validate_verb(statement["verb"], path=f"{p}verb")
    object_is_activity = _validate_object(
        statement["object"],
        path=f"{p}object",
        in_substatement=bool(path),
        v2=v2,
        version=version,
    )
    if "result" in statement:
        validate_result(statement["result"], path=f"{p}result")
    if "context" in statement:
        validate_context(
            statement["context"],
            path=f"{p}context",
            object_is_activity=object_is_activity,
            v2=v2,
        )
    if "timestamp" in statement:
        validate_timestamp(
            statement["timestamp"], path=f"{p}timestamp", version=version
        )
    if "attachments" in statement:
        validate_attachments(statement["attachments"], path=f"{p}attachments")


def _validate_verb(verb: object, *, path: str) -> None:
    """1.0.3 Data 2.4.3.s3: an IRI id (required) and a display language map."""
    if type(verb) is not dict:
        raise type_error(path, _("a Verb object"), verb)
    check_keys(verb, _VERB_KEYS, path, _A_VERB, "Data 2.4.3")
    p = f"{path}." if path else ""
    if "id" not in verb:
        raise StatementValidationError(
            f"{p}id",
            _("A Verb requires an id, an IRI (1.0.3 Data 2.4.3.s3.table1.row1)."),
        )
    validate_iri(verb["id"], path=f"{p}id", what=_A_VERB_ID)
    if "display" in verb:
        validate_language_map(verb["display"], path=f"{p}display")


def _validate_object(
    obj: object, *, path: str, in_substatement: bool, v2: bool, version: str
) -> bool:
    """Validate a Statement's object by its objectType; return whether it is an
    Activity (which decides whether context revision and platform are allowed)."""
    if type(obj) is not dict:
        raise type_error(path, _("an object (Activity, Agent, Group, ...)"), obj)
    object_type = obj.get("objectType", "Activity")
    if object_type == "Activity":
        if "objectType" not in obj and not _IFI_KEYS.isdisjoint(obj):
            raise StatementValidationError(
                f"{path}.objectType",
                _(
                    "An Agent or Group used as the object must specify objectType; "
                    "without it the object is taken to be an Activity (1.0.3 Data "
                    "2.4.4.2.s1.b1, 2.4.4.s2)."
                ),
            )
        validate_activity(obj, path=path)
        return True
    if object_type == "Agent":
        validate_agent_object(obj, path=path)
    elif object_type == "Group":
        validate_group_object(obj, path=path)
    elif object_type == "StatementRef":
        validate_statement_ref(obj, path=path)
    elif object_type == "SubStatement":
        if in_substatement:
            raise StatementValidationError(
                f"{path}.objectType",
                _(
                    "A SubStatement must not contain a SubStatement of its own (1.0.3 "
                    "Data 2.4.4.3.s8.b4)."
                ),
            )
        _validate_substatement(obj, path=path, v2=v2, version=version)
    else:
        raise StatementValidationError(
            f"{path}.objectType",
            _(
                'The objectType of an object must be "Activity", "Agent", "Group", '
                '"StatementRef" or "SubStatement", exactly in this case (1.0.3 Data '
                "2.4.4.s2, 2.2.s4.b1.b6)."
            ),
        )
    return False


def _validate_substatement(obj: dict, *, path: str, v2: bool, version: str) -> None:
    """1.0.3 Data 2.4.4.3.s8: validated as a Statement, without id, stored, version or
    authority, and not nested."""
    for forbidden in _SUBSTATEMENT_FORBIDDEN:
        if forbidden in obj:
            raise StatementValidationError(
                f"{path}.{forbidden}",
                _(
                    'A SubStatement must not have the "%(key)s" property (1.0.3 Data '
                    "2.4.4.3.s8.b3)."
                )
                % {"key": forbidden},
            )
    check_keys(obj, _SUBSTATEMENT_KEYS, path, _A_SUBSTATEMENT, "Data 2.4.4.3")
    _validate_core(obj, path=path, v2=v2, version=version)


def validate_voiding(statement: dict) -> None:
    """A voiding statement's object must be a StatementRef (1.0.3 Data 2.3.2.s2.b1,
    2.3.2.s2.b2; conformance XAPI-00017). That the target exists and is not itself
    a voiding statement is checked by storage, which has the data."""
    verb = statement.get("verb")
    if type(verb) is not dict or verb.get("id") != VOIDED_VERB:
        return
    target = statement.get("object")
    if type(target) is not dict or target.get("objectType") != "StatementRef":
        raise StatementValidationError(
            "object.objectType",
            _(
                'A voiding statement (verb "%(verb)s") must have a StatementRef as its '
                "object, naming the statement it voids (1.0.3 Data 2.3.2.s2.b1)."
            )
            % {"verb": VOIDED_VERB},
        )
