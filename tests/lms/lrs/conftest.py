import base64
import json

import pytest
from django.test import Client
from django.utils import translation

from lms.lrs.models import LRSCredential, Scope


def make_credential(
    *, scopes=(Scope.ALL,), name="test client", **kwargs
) -> tuple[LRSCredential, str]:
    key, secret = LRSCredential.new_key_and_secret()
    credential = LRSCredential(name=name, key=key, scopes=list(scopes), **kwargs)
    credential.set_secret(secret)
    credential.save()
    return credential, secret


class XAPIClient:
    """Django's test client with Basic auth and the version header on every call."""

    def __init__(self, credential: LRSCredential, secret: str, version: str = "1.0.3"):
        self.client = Client()
        self.credential = credential
        token = base64.b64encode(f"{credential.key}:{secret}".encode()).decode()
        self.headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": version,
        }

    def _call(
        self,
        method,
        path,
        data=None,
        content_type="application/json",
        headers=None,
        **params,
    ):
        body = (
            json.dumps(data)
            if data is not None and not isinstance(data, (str, bytes))
            else data
        )
        url = path
        if params:
            from urllib.parse import urlencode

            url = f"{path}?{urlencode({k: (json.dumps(v) if isinstance(v, (dict, list)) else v) for k, v in params.items()})}"
        kwargs = {"headers": {**self.headers, **(headers or {})}}
        if body is not None:
            kwargs.update(data=body, content_type=content_type)
        return getattr(self.client, method)(url, **kwargs)

    def get(self, path, **kw):
        return self._call("get", path, **kw)

    def post(self, path, data=None, **kw):
        return self._call("post", path, data, **kw)

    def put(self, path, data=None, **kw):
        return self._call("put", path, data, **kw)

    def delete(self, path, **kw):
        return self._call("delete", path, **kw)


@pytest.fixture(autouse=True)
def _english_messages():
    # Tests compare rule texts with their English msgids; the site default is Dutch.
    with translation.override("en"):
        yield


@pytest.fixture
def xapi(db):
    credential, secret = make_credential()
    return XAPIClient(credential, secret)


@pytest.fixture
def xapi2(db):
    credential, secret = make_credential(name="xAPI 2.0 client")
    return XAPIClient(credential, secret, version="2.0.0")
