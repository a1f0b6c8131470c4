"""Shared by the document-resource tests: example agents, activities and calls."""

import hashlib
import json
import uuid

from tests.lms.lrs.conftest import XAPIClient

STATE = "/xapi/activities/state"
ACTIVITY_PROFILE = "/xapi/activities/profile"
AGENT_PROFILE = "/xapi/agents/profile"
ACTIVITY_ID = "http://www.example.com/activities/meeting"


def an_agent(name: str | None = None, **ifi) -> dict:
    agent = {"objectType": "Agent"}
    if name:
        agent["name"] = name
    agent.update(
        ifi
        or {
            "account": {
                "homePage": "http://www.example.com/agentId/1",
                "name": f"learner-{uuid.uuid4()}",
            }
        }
    )
    return agent


def state_params(**overrides) -> dict:
    params = {
        "activityId": ACTIVITY_ID,
        "agent": an_agent(),
        "stateId": f"state-{uuid.uuid4()}",
    }
    params.update(overrides)
    return {name: value for name, value in params.items() if value is not None}


def sha1(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()  # noqa: S324 - the spec's ETag


def quoted_etag(response) -> str:
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"'), etag
    return etag


def error_message(response) -> str:
    return response.json()["error"]["message"]


def head(xapi: XAPIClient, path: str, **params):
    from urllib.parse import urlencode

    query = urlencode(
        {
            k: (json.dumps(v) if isinstance(v, (dict, list)) else v)
            for k, v in params.items()
        }
    )
    return xapi.client.head(f"{path}?{query}", headers=xapi.headers)
