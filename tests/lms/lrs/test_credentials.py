"""LRS credentials for operators and for launched content (issue 3 §3; xAPI 1.0.3
Part 3 §4 authentication, §4.2 scopes). Each test names the requirement it checks."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from lms.accounts.roles import Role
from lms.lrs.models import LRSCredential, Scope
from lms.lrs.services_credentials import (
    LAUNCH_SCOPES,
    lrs_credential_create,
    lrs_launch_credential_issue,
)
from lms.lrs.vocabulary import actor_for
from tests.lms.lrs.conftest import XAPIClient
from tests.lms.lrs.documents_support import STATE, state_params

ABOUT_AND_STATE_SCOPES = ["state", "profile"]


def works(credential: LRSCredential, secret: str) -> bool:
    """Whether the credential authenticates at the State resource (401 when not)."""
    response = XAPIClient(credential, secret).get(STATE, **state_params())
    return response.status_code != 401


# --- management command ----------------------------------------------------------


def test_the_command_prints_key_and_secret_as_the_last_line(db):
    """Issue 3 §3: `manage.py create_lrs_credential NAME --scope SCOPE [--scope ...]`
    prints the key and secret as the last line, separated by a space."""
    out = StringIO()

    call_command(
        "create_lrs_credential",
        "Ralph",
        "--scope",
        "state",
        "--scope",
        "profile",
        stdout=out,
    )

    key, secret = out.getvalue().strip().splitlines()[-1].split(" ")
    credential = LRSCredential.objects.get(key=key)
    assert credential.name == "Ralph"
    assert credential.scopes == ["state", "profile"]
    assert credential.expires_at is None
    assert secret not in credential.secret_hash
    assert works(credential, secret)


def test_the_command_sets_an_expiry(db):
    """Issue 3 §3: --expires-in-days N."""
    out = StringIO()

    call_command(
        "create_lrs_credential",
        "CI",
        "--scope",
        "all",
        "--expires-in-days",
        "7",
        stdout=out,
    )

    key = out.getvalue().strip().splitlines()[-1].split(" ")[0]
    expires_at = LRSCredential.objects.get(key=key).expires_at
    assert (
        timedelta(days=6, hours=23) < expires_at - timezone.now() <= timedelta(days=7)
    )


@pytest.mark.parametrize(
    "args",
    [
        ["NoScope"],
        ["Bad", "--scope", "statements/everything"],
        ["Past", "--scope", "all", "--expires-in-days", "0"],
        ["   ", "--scope", "all"],
    ],
    ids=["no-scope", "unknown-scope", "no-days", "blank-name"],
)
def test_the_command_refuses_bad_input(db, args):
    """xAPI 1.0.3 Part 3 §4.2.s2: scopes come from the xAPI scope list; a credential
    needs a name, a scope and an expiry in the future."""
    with pytest.raises(CommandError):
        call_command(
            "create_lrs_credential", *args, stdout=StringIO(), stderr=StringIO()
        )
    assert not LRSCredential.objects.exists()


# --- services ------------------------------------------------------------------


def test_create_returns_the_secret_and_stores_only_its_hash(db, admin_user):
    """Issue 3 §3: admins manage key-and-secret credentials; the secret is not stored."""
    credential, secret = lrs_credential_create(
        name="Learning Locker", scopes=[Scope.STATEMENTS_READ], created_by=admin_user
    )

    stored = LRSCredential.objects.get(pk=credential.pk)
    assert stored.check_secret(secret)
    assert secret not in stored.secret_hash
    assert stored.created_by == admin_user
    assert works(stored, secret)
    assert not works(stored, secret + "x")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scopes": []}, "at least one scope"),
        ({"scopes": ["everything"]}, "Unknown scope"),
        ({"scopes": ["all"], "name": ""}, "name"),
        (
            {"scopes": ["all"], "expires_at": timezone.now() - timedelta(days=1)},
            "future",
        ),
        ({"scopes": ["all"], "registration": "not-a-uuid"}, "UUID"),
    ],
)
def test_create_refuses_bad_input(db, kwargs, message):
    """xAPI 1.0.3 Part 3 §4.2.s2: known scopes only; a name; an expiry in the future."""
    kwargs = {"name": "x", **kwargs}
    with pytest.raises(ValidationError, match=message):
        lrs_credential_create(**kwargs)


def test_an_expired_or_inactive_credential_is_refused(db):
    """1.0.3 Part 3 §4.0 and §3.2.s2.b2: refused credentials get 401."""
    credential, secret = lrs_credential_create(name="x", scopes=["all"])
    assert works(credential, secret)

    LRSCredential.objects.filter(pk=credential.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert not works(credential, secret)

    LRSCredential.objects.filter(pk=credential.pk).update(
        expires_at=None, is_active=False
    )
    assert not works(credential, secret)


def test_a_launch_credential_is_short_lived_and_limited_to_the_learner(learner):
    """Issue 3 §3: content launched by a learner gets a short-lived credential limited
    to that learner and registration, with the scopes launched content needs."""
    registration = uuid.uuid4()

    credential, secret = lrs_launch_credential_issue(
        user=learner, registration=registration
    )

    assert set(credential.scopes) == set(LAUNCH_SCOPES)
    assert credential.user == learner
    assert credential.registration == registration
    assert (
        timedelta(hours=7, minutes=59)
        < credential.expires_at - timezone.now()
        <= timedelta(hours=8)
    )
    assert works(credential, secret)


def test_the_learners_agent_is_a_pseudonymous_account_on_the_platform(
    learner, settings
):
    """Issue 3 §4: actors are an account (homePage = the platform's URL, name = a
    stable pseudonymous id), never an e-mail address."""
    agent = actor_for(learner)

    assert agent == {
        "objectType": "Agent",
        "account": {"homePage": settings.LMS_BASE_URL, "name": str(learner.pseudonym)},
    }
    assert learner.email not in str(agent)


def test_a_launch_credential_cannot_touch_another_learners_state(learner):
    """Issue 3 §3: limited to that learner (state and profiles are enforced here)."""
    registration = uuid.uuid4()
    launched = XAPIClient(
        *lrs_launch_credential_issue(user=learner, registration=registration)
    )
    own = state_params(agent=actor_for(learner), registration=str(registration))

    assert launched.put(STATE, {"a": 1}, **own).status_code == 204
    assert (
        launched.put(
            STATE, {"a": 1}, **state_params(registration=str(registration))
        ).status_code
        == 403
    )


# --- admin screen --------------------------------------------------------------

INDEX = "lrs_credential:index"
ADD = "lrs_credential:add"
EDIT = "lrs_credential:edit"
DEACTIVATE = "lrs_credential:deactivate"


@pytest.fixture
def admin_client(client, admin_user, no_mfa_enforcement):
    client.force_login(admin_user)
    return client


def test_the_beheerder_role_carries_the_credential_permissions(db):
    """Issue 3 §3: admins manage credentials (Beheerder role)."""
    group = Group.objects.get(name=Role.ADMIN.value)

    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {"add_lrscredential", "change_lrscredential"} <= codenames


def test_the_list_shows_operator_credentials_with_scopes_state_and_use(
    admin_client, learner
):
    """Issue 3 §3: the admin lists credentials (name, scopes, active, expiry, last use);
    launch credentials issue and expire by themselves and are not listed."""
    lrs_credential_create(
        name="Ralph forwarding",
        scopes=["statements/read", "state"],
        expires_at=timezone.now().replace(year=2099),
    )
    launch, _secret = lrs_launch_credential_issue(
        user=learner, registration=uuid.uuid4()
    )

    response = admin_client.get(reverse(INDEX))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ralph forwarding" in html
    assert "statements/read, state" in html
    assert "2099" in html
    assert "launch " not in html
    assert admin_client.get(reverse(EDIT, args=[launch.pk])).status_code == 404


def test_create_shows_the_secret_once(admin_client, admin_user):
    """Issue 3 §3: the admin creates a credential and sees its secret once, never again."""
    response = admin_client.post(
        reverse(ADD),
        {
            "name": "Storyline pilot",
            "scopes": ["statements/write", "state"],
            "expires_at": "",
        },
    )

    assert response.status_code == 200
    credential = LRSCredential.objects.get(name="Storyline pilot")
    secret = response.context["secret"]
    html = response.content.decode()
    assert credential.key in html and secret in html
    assert "no-store" in response["Cache-Control"]
    assert credential.created_by == admin_user
    assert credential.scopes == ["statements/write", "state"]
    assert works(credential, secret)

    for url in (reverse(INDEX), reverse(EDIT, args=[credential.pk])):
        assert secret not in admin_client.get(url).content.decode()


def test_create_refuses_a_credential_without_scopes(admin_client):
    """xAPI 1.0.3 Part 3 §4.2: a credential has scopes."""
    response = admin_client.post(reverse(ADD), {"name": "No scopes", "expires_at": ""})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not LRSCredential.objects.exists()


def test_deactivate_stops_the_credential(admin_client):
    """Issue 3 §3: the admin deactivates a credential; it no longer authenticates."""
    credential, secret = lrs_credential_create(name="Old tool", scopes=["all"])

    confirm = admin_client.get(reverse(DEACTIVATE, args=[credential.pk]))
    response = admin_client.post(reverse(DEACTIVATE, args=[credential.pk]))

    assert confirm.status_code == 200
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.is_active is False
    assert not works(credential, secret)


def test_edit_changes_scopes_but_not_the_secret(admin_client):
    """Issue 3 §3: scopes can be changed; key and secret stay valid."""
    credential, secret = lrs_credential_create(name="Tool", scopes=["all"])

    response = admin_client.post(
        reverse(EDIT, args=[credential.pk]),
        {"name": "Tool", "scopes": ["state"], "expires_at": "", "is_active": "on"},
    )

    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.scopes == ["state"]
    assert works(credential, secret)


def test_only_users_with_the_permission_reach_the_screen(
    client, hr, no_mfa_enforcement
):
    """Issue 3 §3: only administrators manage credentials (HR has the CMS, not this)."""
    credential, _secret = lrs_credential_create(name="x", scopes=["all"])
    client.force_login(hr)

    for url in (
        reverse(INDEX),
        reverse(ADD),
        reverse(DEACTIVATE, args=[credential.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert client.post(reverse(DEACTIVATE, args=[credential.pk])).status_code in (
        302,
        403,
    )
    credential.refresh_from_db()
    assert credential.is_active
