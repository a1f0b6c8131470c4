"""Agent identity: the Inverse Functional Identifier (IFI) of an Agent or identified Group.

xAPI 1.0.3 §2.4.2.3: an Agent is identified by exactly one of mbox, mbox_sha1sum,
openid or account; two Agents with the same IFI are the same Agent. Queries and
documents therefore key agents by a hash of their canonical IFI.
"""

import hashlib

IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")


def agent_ifi(agent: dict) -> str | None:
    """The canonical IFI string, e.g. ``account:https://x|name``; None if anonymous."""
    if "mbox" in agent:
        return f"mbox:{agent['mbox'].lower()}"
    if "mbox_sha1sum" in agent:
        return f"mbox_sha1sum:{agent['mbox_sha1sum'].lower()}"
    if "openid" in agent:
        return f"openid:{agent['openid']}"
    if "account" in agent:
        account = agent["account"]
        return f"account:{account['homePage']}|{account['name']}"
    return None


def agent_key(agent: dict) -> str | None:
    """A fixed-length index key for the agent's IFI (sha256 hex)."""
    ifi = agent_ifi(agent)
    return hashlib.sha256(ifi.encode()).hexdigest() if ifi else None
