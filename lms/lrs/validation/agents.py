"""Agents, Groups, accounts and authority (1.0.3 Data 2.4.2, 2.4.9; 2.0 4.2.2.1).

Child paths are built as ``f"{p}key"`` with ``p`` the parent path plus a dot: one
string per property, no helper calls on the happy path (see common.py).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.common import (
    check_keys,
    require_array,
    require_string,
    type_error,
    validate_irl,
    validate_mbox,
    validate_sha1sum,
    validate_uri,
)
from lms.lrs.validation.errors import StatementValidationError

IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")
_AGENT_KEYS = frozenset(("objectType", "name", *IFI_PROPERTIES))
_GROUP_KEYS = frozenset(("objectType", "name", "member", *IFI_PROPERTIES))
_ACCOUNT_KEYS = frozenset(("homePage", "name"))

_AN_AGENT = gettext_noop("an Agent")
_A_GROUP = gettext_noop("a Group")
_AN_ACCOUNT = gettext_noop("an Account")
_AN_OPENID = gettext_noop("an openid URI")
_A_HOMEPAGE = gettext_noop("a homePage IRL")


def _ifis(obj: dict) -> list[str]:
    return [key for key in IFI_PROPERTIES if key in obj]


def _validate_ifi(obj: dict, key: str, p: str) -> None:
    value = obj[key]
    if key == "mbox":
        validate_mbox(value, path=f"{p}mbox")
    elif key == "mbox_sha1sum":
        validate_sha1sum(value, path=f"{p}mbox_sha1sum")
    elif key == "openid":
        validate_uri(value, path=f"{p}openid", what=_AN_OPENID)
    else:
        validate_account(value, path=f"{p}account")


def validate_account(account: object, *, path: str) -> None:
    """1.0.3 Data 2.4.2.4: homePage (IRL) and name (string) are both required."""
    if type(account) is not dict:
        raise type_error(path, _("an Account object"), account)
    check_keys(account, _ACCOUNT_KEYS, path, _AN_ACCOUNT, "Data 2.4.2.4")
    p = f"{path}." if path else ""
    if "homePage" not in account:
        raise StatementValidationError(
            f"{p}homePage",
            _(
                "An Account requires a homePage IRL (1.0.3 Data 2.4.2.4.s2.table1.row1)."
            ),
        )
    if "name" not in account:
        raise StatementValidationError(
            f"{p}name",
            _("An Account requires a name (1.0.3 Data 2.4.2.4.s2.table1.row2)."),
        )
    validate_irl(account["homePage"], path=f"{p}homePage", what=_A_HOMEPAGE)
    require_string(account["name"], f"{p}name")


def validate_agent_object(agent: object, *, path: str) -> None:
    """An Agent: exactly one inverse functional identifier (1.0.3 Data 2.4.2.1.s2.b1-b2)."""
    if type(agent) is not dict:
        raise type_error(path, _("an Agent object"), agent)
    p = f"{path}." if path else ""
    object_type = agent.get("objectType", "Agent")
    if object_type != "Agent":
        if object_type == "Group":
            rule = _(
                "Must be an Agent; a Group is not allowed here (1.0.3 Data 2.4.2.2.s4.b2, "
                "2.4.2.2.s5.b2)."
            )
        else:
            rule = _(
                'The objectType of an Agent must be "Agent" when present (1.0.3 Data '
                "2.4.2.1.s2.table1.row1; values are case sensitive, Data 2.2.s4.b1.b6)."
            )
        raise StatementValidationError(f"{p}objectType", rule)
    check_keys(agent, _AGENT_KEYS, path, _AN_AGENT, "Data 2.4.2.1")
    ifis = _ifis(agent)
    if len(ifis) != 1:
        raise StatementValidationError(
            path,
            _(
                "An Agent must be identified by exactly one of mbox, mbox_sha1sum, openid "
                "or account; found %(count)s (1.0.3 Data 2.4.2.1.s2.b1, 2.4.2.1.s2.b2)."
            )
            % {"count": len(ifis)},
        )
    if "name" in agent:
        require_string(agent["name"], f"{p}name")
    _validate_ifi(agent, ifis[0], p)


def validate_group_object(
    group: object, *, path: str, allow_anonymous: bool = True
) -> None:
    """A Group: objectType "Group"; identified by exactly one IFI, or anonymous with
    a non-empty member list; members are Agents (1.0.3 Data 2.4.2.2)."""
    if type(group) is not dict:
        raise type_error(path, _("a Group object"), group)
    p = f"{path}." if path else ""
    if group.get("objectType") != "Group":
        raise StatementValidationError(
            f"{p}objectType",
            _(
                'A Group must have objectType "Group" (1.0.3 Data 2.4.2.2.s2.table1.row1; '
                "values are case sensitive, Data 2.2.s4.b1.b6)."
            ),
        )
    check_keys(group, _GROUP_KEYS, path, _A_GROUP, "Data 2.4.2.2")
    if "name" in group:
        require_string(group["name"], f"{p}name")
    ifis = _ifis(group)
    if len(ifis) > 1:
        raise StatementValidationError(
            path,
            _(
                "An Identified Group must include exactly one of mbox, mbox_sha1sum, "
                "openid or account; found %(count)s (1.0.3 Data 2.4.2.2.s5.b1)."
            )
            % {"count": len(ifis)},
        )
    if ifis:
        _validate_ifi(group, ifis[0], p)
    elif not allow_anonymous:
        raise StatementValidationError(
            path,
            _(
                "Must be an Agent or an Identified Group (with one of mbox, mbox_sha1sum, "
                "openid or account); an Anonymous Group cannot be looked up."
            ),
        )
    if "member" in group:
        members = require_array(group["member"], f"{p}member")
        for index, member in enumerate(members):
            validate_agent_object(member, path=f"{p}member[{index}]")
    if not ifis and not group.get("member"):
        raise StatementValidationError(
            f"{p}member",
            _(
                "An Anonymous Group (one without mbox, mbox_sha1sum, openid or account) "
                "must list at least one Agent in member (1.0.3 Data 2.4.2.2.s4.b1)."
            ),
        )


def validate_actor(actor: object, *, path: str, allow_anonymous: bool = True) -> None:
    """An Agent or a Group; without objectType it is an Agent (1.0.3 Data 2.4.2)."""
    if type(actor) is not dict:
        raise type_error(path, _("an Agent or Group object"), actor)
    object_type = actor.get("objectType", "Agent")
    if object_type == "Agent":
        validate_agent_object(actor, path=path)
    elif object_type == "Group":
        validate_group_object(actor, path=path, allow_anonymous=allow_anonymous)
    else:
        raise StatementValidationError(
            f"{path}.objectType" if path else "objectType",
            _(
                'The objectType of an Agent or Group must be "Agent" or "Group" (1.0.3 '
                "Data 2.4.2.1, 2.4.2.2; values are case sensitive, Data 2.2.s4.b1.b6)."
            ),
        )


def validate_authority(authority: object, *, path: str) -> None:
    """An Agent, or for 3-legged OAuth an anonymous Group of exactly two Agents, one of
    them the OAuth consumer identified by account (1.0.3 Data 2.4.9.s3.b1, 2.4.9.s7)."""
    if type(authority) is not dict:
        raise type_error(path, _("an Agent or Group object"), authority)
    if authority.get("objectType") != "Group":
        validate_actor(authority, path=path)
        return
    validate_group_object(authority, path=path)
    member_path = f"{path}.member" if path else "member"
    if _ifis(authority):
        raise StatementValidationError(
            path,
            _(
                "An authority that is a Group must be an anonymous Group of the OAuth "
                "consumer and the user, not an Identified Group (1.0.3 Data 2.4.9.s3.b1)."
            ),
        )
    members = authority["member"]
    if len(members) != 2:
        raise StatementValidationError(
            member_path,
            _(
                "An authority that is a Group must contain exactly two Agents, found "
                "%(count)s (1.0.3 Data 2.4.9.s3.b1)."
            )
            % {"count": len(members)},
        )
    if not any("account" in member for member in members):
        raise StatementValidationError(
            member_path,
            _(
                "One member of a Group authority must be the OAuth consumer, identified "
                "by account (1.0.3 Data 2.4.9.s7.b2)."
            ),
        )


def validate_agent(
    agent: object, *, path: str, version: str, allow_anonymous_group: bool = False
) -> None:
    """Validate an Agent or Group given as a query parameter or document API parameter.

    Lookups need an identity, so an Anonymous Group is refused unless
    ``allow_anonymous_group``. ``version`` is accepted for symmetry with
    ``validate_statement``; Agents have the same rules in 1.0.3 and 2.0.
    """
    if type(agent) is not dict:
        raise StatementValidationError(
            path, _("An Agent must be a JSON object (1.0.3 Data 2.4.2.1).")
        )
    validate_actor(agent, path=path, allow_anonymous=allow_anonymous_group)
