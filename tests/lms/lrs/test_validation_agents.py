"""Agents and Groups in every position, from xAPI 1.0.3 Data 2.4.2 (Actor), 2.4.2.3
(Inverse Functional Identifier), 2.4.2.4 (Account) and the conformance suite's
agents.js, groups.js, ifis.js and accountobjects.js configs; and validate_agent for
query and document parameters."""

import pytest

from lms.lrs.validation import (
    StatementValidationError,
    validate_agent,
    validate_statement,
)
from tests.lms.lrs.validation_samples import (
    SHA1,
    account_agent,
    agent,
    anonymous_group,
    assert_invalid,
    both_versions,
    group,
    statement,
    substatement,
)

IFIS = {
    "mbox": "mailto:xapi@adlnet.gov",
    "mbox_sha1sum": SHA1,
    "openid": "http://openid.example.org/12345",
    "account": {"homePage": "http://www.example.com", "name": "xAPI account name"},
}


def _placements(actor: dict) -> list[tuple[dict, str]]:
    """The statement positions an Agent or Group can take, with their JSON paths
    (the positions the conformance suite exercises)."""
    return [
        (statement(actor=actor), "actor"),
        (statement(authority=actor), "authority"),
        (statement(context={"instructor": actor}), "context.instructor"),
        (statement(object=actor), "object"),
        (statement(object=substatement(actor=actor)), "object.actor"),
        (statement(object=substatement(object=actor)), "object.object"),
        (
            statement(object=substatement(context={"instructor": actor})),
            "object.context.instructor",
        ),
    ]


def _group_placements(actor: dict) -> list[tuple[dict, str]]:
    return [
        *_placements(actor),
        (statement(context={"team": actor}), "context.team"),
        (
            statement(object=substatement(context={"team": actor})),
            "object.context.team",
        ),
    ]


# --- Valid agents and groups -----------------------------------------------------------


@pytest.mark.parametrize("ifi", list(IFIS))
@both_versions
def test_an_agent_with_any_one_ifi_is_accepted_everywhere(ifi, version):
    """1.0.3 Data 2.4.2.1.s2.b1 and 2.4.2.3: an Agent is identified by one of mbox,
    mbox_sha1sum, openid or account."""
    actor = {"objectType": "Agent", "name": "xAPI", ifi: IFIS[ifi]}
    for document, _path in _placements(actor):
        validate_statement(document, version=version)


@pytest.mark.parametrize("ifi", list(IFIS))
@both_versions
def test_an_identified_group_with_any_one_ifi_is_accepted_everywhere(ifi, version):
    """1.0.3 Data 2.4.2.2.s5 (XAPI-00037): an Identified Group has exactly one IFI and
    may list members."""
    for actor in (
        {"objectType": "Group", ifi: IFIS[ifi], "member": [agent()]},
        {"objectType": "Group", ifi: IFIS[ifi]},
        {"objectType": "Group", ifi: IFIS[ifi], "member": []},
    ):
        for document, path in _group_placements(actor):
            if path == "authority":
                continue  # an authority Group must be anonymous (test below)
            validate_statement(document, version=version)


@pytest.mark.parametrize(
    "mbox",
    [
        "mailto:xapi@adlnet.gov",
        "mailto:first.last+tag@sub.example.co.uk",
        "MAILTO:Ada@Example.COM",
        "mailto:user@localhost",
        "mailto:o'brien@example.ie",
        "mailto:jörg@bücher.example",
    ],
)
@both_versions
def test_mbox_accepts_mailto_iris(mbox, version):
    """1.0.3 Data 2.4.2.3.s3.table1.row1: the format is "mailto:email address"."""
    validate_statement(statement(actor={"mbox": mbox}), version=version)


@both_versions
def test_anonymous_group_is_accepted_with_members(version):
    """1.0.3 Data 2.4.2.2.s2.table1 and s4: an Anonymous Group lists its Agents."""
    for document, path in _group_placements(anonymous_group()):
        if path == "authority":
            continue
        validate_statement(document, version=version)


# --- Invalid agents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "subpath", "fragment"),
    [
        ({"objectType": "Agent", "name": "no ifi"}, "", "found 0"),
        (agent(mbox_sha1sum=SHA1), "", "found 2"),
        (agent(openid="http://openid.example.org/1"), "", "found 2"),
        (agent(account=IFIS["account"]), "", "found 2"),
        (
            {
                "objectType": "Agent",
                "openid": IFIS["openid"],
                "account": IFIS["account"],
            },
            "",
            "found 2",
        ),
        (agent(objectType="agent"), ".objectType", "objectType"),
        (agent(objectType=123), ".objectType", "objectType"),
        (agent(objectType={"key": "value"}), ".objectType", "objectType"),
        (agent(name=123), ".name", "string"),
        (agent(name={"key": "value"}), ".name", "string"),
        (agent(mbox="http://should.fail.com"), ".mbox", "mailto"),
        (agent(mbox="mailto:should.fail.com"), ".mbox", "mailto"),
        (agent(mbox="xapi@adlnet.gov"), ".mbox", "mailto"),
        (agent(mbox="mailto:a b@example.com"), ".mbox", "mailto"),
        (agent(mbox="mailto:"), ".mbox", "mailto"),
        (agent(mbox=12345), ".mbox", "string"),
        (
            {"objectType": "Agent", "mbox_sha1sum": {"key": "value"}},
            ".mbox_sha1sum",
            "string",
        ),
        ({"objectType": "Agent", "mbox_sha1sum": "xyz"}, ".mbox_sha1sum", "SHA-1"),
        ({"objectType": "Agent", "mbox_sha1sum": SHA1 + "0"}, ".mbox_sha1sum", "SHA-1"),
        ({"objectType": "Agent", "openid": "ab=c://should.fail.com"}, ".openid", "URI"),
        ({"objectType": "Agent", "openid": "open.id.com/testUser"}, ".openid", "URI"),
        ({"objectType": "Agent", "openid": "http://例え.jp/id"}, ".openid", "URI"),
        ({"objectType": "Agent", "account": "u1"}, ".account", "Account"),
        (
            {"objectType": "Agent", "account": {"name": "xAPI account name"}},
            ".account.homePage",
            "requires a homePage",
        ),
        (
            {"objectType": "Agent", "account": {"homePage": "http://www.example.com"}},
            ".account.name",
            "requires a name",
        ),
        (
            {
                "objectType": "Agent",
                "account": {"homePage": "ab=c://should.fail.com", "name": "x"},
            },
            ".account.homePage",
            "IRL",
        ),
        (
            {
                "objectType": "Agent",
                "account": {"homePage": "homePage.com/testUser", "name": "123456"},
            },
            ".account.homePage",
            "IRL",
        ),
        (
            {
                "objectType": "Agent",
                "account": {"homePage": "http://www.example.com", "name": {"k": "v"}},
            },
            ".account.name",
            "string",
        ),
        (
            {
                "objectType": "Agent",
                "account": {"homePage": "http://x.example", "name": "x", "id": 1},
            },
            ".account.id",
            "not a property",
        ),
        (agent(member=[agent()]), ".member", "not a property"),
        (agent(Mbox="mailto:x@example.com"), ".Mbox", "case sensitive"),
    ],
)
@both_versions
def test_invalid_agents_are_rejected_everywhere(actor, subpath, fragment, version):
    """1.0.3 Data 2.4.2.1 (XAPI-00031..34), 2.4.2.3 (XAPI-00038..40) and 2.4.2.4
    (XAPI-00041..43): exactly one IFI; objectType "Agent"; name a string; mbox a
    mailto IRI; mbox_sha1sum 40 hex digits; openid a URI; account with a homePage IRL
    and a string name; nothing else."""
    for document, path in _placements(actor):
        if path in ("object", "object.object") and "objectType" not in actor:
            continue  # an object without objectType is an Activity (tested elsewhere)
        assert_invalid(document, version, f"{path}{subpath}", fragment)


# --- Invalid groups -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "subpath", "fragment"),
    [
        ({"objectType": "Group", "name": "GroupAnonymous"}, ".member", "at least one"),
        ({"objectType": "Group", "member": []}, ".member", "at least one"),
        (group(member=agent()), ".member", "array"),
        (group(member={"objectType": "Group"}), ".member", "array"),
        (group(member=[group()]), ".member[0].objectType", "Group is not allowed"),
        (
            anonymous_group(member=[{"objectType": "Group", "name": "GroupAnonymous"}]),
            ".member[0].objectType",
            "Group is not allowed",
        ),
        (group(member=[agent(), "x"]), ".member[1]", "Agent object"),
        (group(member=[{"name": "no ifi"}]), ".member[0]", "found 0"),
        (group(mbox_sha1sum=SHA1), "", "found 2"),
        (group(openid=IFIS["openid"]), "", "found 2"),
        (group(account=IFIS["account"]), "", "found 2"),
        (group(mbox="mailto:should.fail.com"), ".mbox", "mailto"),
        (group(mbox="http://should.fail.com"), ".mbox", "mailto"),
        (group(objectType="group"), ".objectType", "Group"),
        (group(name=["x"]), ".name", "string"),
        (group(members=[agent()]), ".members", "not a property"),
        (
            {
                "objectType": "Group",
                "account": {"homePage": "http://www.example.com"},
                "member": [agent()],
            },
            ".account.name",
            "requires a name",
        ),
    ],
)
@both_versions
def test_invalid_groups_are_rejected_everywhere(actor, subpath, fragment, version):
    """1.0.3 Data 2.4.2.2 (XAPI-00035..37): an Anonymous Group has at least one member;
    an Identified Group exactly one IFI; member is an array of Agents (never Groups)."""
    for document, path in _group_placements(actor):
        assert_invalid(document, version, f"{path}{subpath}", fragment)


@pytest.mark.parametrize("value", ["agent", "group", "Person", "", 12])
@both_versions
def test_actor_object_type_is_agent_or_group(value, version):
    """1.0.3 Data 2.4.2 (XAPI-00031): an actor's objectType is "Agent" or "Group"."""
    assert_invalid(
        statement(actor=agent(objectType=value)), version, "actor.objectType", "Agent"
    )


@both_versions
def test_team_must_be_a_group(version):
    """1.0.3 Data 2.4.6.s3.table1.row3 (XAPI-00088): the team is a Group."""
    assert_invalid(
        statement(context={"team": agent()}),
        version,
        "context.team.objectType",
        "Group",
    )


# --- validate_agent: query and document parameters -----------------------------------


@pytest.mark.parametrize(
    "value",
    [
        agent(),
        {"mbox": "mailto:a@example.com"},
        account_agent(),
        {"objectType": "Agent", "openid": "https://openid.example.org/u"},
        {"objectType": "Agent", "mbox_sha1sum": SHA1},
        group(),
        {"objectType": "Group", "mbox": "mailto:team@example.com"},
    ],
)
@both_versions
def test_validate_agent_accepts_agents_and_identified_groups(value, version):
    """1.0.3 Communication 2.1.3 (agent filter: Agent or identified Group) and 2.3, 2.6
    (State and Agent Profile resources): the parameter follows the Agent rules
    (Data 2.2.s4.b4: parameters are validated like statement values)."""
    validate_agent(value, path="agent", version=version)


@pytest.mark.parametrize(
    ("value", "path", "fragment"),
    [
        ("mailto:a@example.com", "agent", "JSON object"),
        ([agent()], "agent", "JSON object"),
        ({"objectType": "Agent"}, "agent", "found 0"),
        (agent(mbox="a@example.com"), "agent.mbox", "mailto"),
        (agent(objectType="Person"), "agent.objectType", "Agent"),
        (
            {"objectType": "Agent", "account": {"name": "x"}},
            "agent.account.homePage",
            "",
        ),
        (anonymous_group(), "agent", "Anonymous Group"),
        (agent(extra=1), "agent.extra", "not a property"),
    ],
)
@both_versions
def test_validate_agent_rejects_what_cannot_identify_an_agent(
    value, path, fragment, version
):
    """1.0.3 Data 2.2.s4.b4 (XAPI-00012): parameter values are validated to the same
    standards as in statements; lookups need an IFI, so an Anonymous Group is refused."""
    with pytest.raises(StatementValidationError) as caught:
        validate_agent(value, path="agent", version=version)
    assert caught.value.path == path
    assert fragment in caught.value.rule


def test_validate_agent_may_allow_anonymous_groups():
    validate_agent(
        anonymous_group(), path="agent", version="2.0.0", allow_anonymous_group=True
    )


def test_validate_agent_without_a_path_names_the_property_alone():
    with pytest.raises(StatementValidationError) as caught:
        validate_agent(agent(mbox="x"), path="", version="1.0.3")
    assert caught.value.path == "mbox"
