import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from lms.accounts.roles import Role
from tests.factories import employee
from tests.totp import totp_code

LOGIN = "/accounts/login/"


def sign_in(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def test_learner_signs_in_with_email_and_password_and_out_again(
    client, home_page, learner, password
):
    response = sign_in(client, learner.email.upper(), password)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    client.post(reverse("account_logout"))
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused_with_a_message(client, home_page, learner):
    response = sign_in(client, learner.email, "not-the-password")
    assert response.status_code == 200
    assert "wachtwoord is niet correct" in response.content.decode()
    assert client.get("/").status_code == 302


def test_failed_sign_ins_are_throttled_per_account(
    client, home_page, learner, password
):
    for _attempt in range(5):
        sign_in(client, learner.email, "wrong-password")
    # Even the right password is refused while the account is throttled.
    response = sign_in(client, learner.email, password)
    assert response.status_code in (200, 429)
    assert client.get("/").status_code == 302


def test_there_is_no_open_sign_up(client, db):
    client.post(
        "/accounts/signup/",
        {
            "email": "indringer@example.com",
            "password1": "x" * 16,
            "password2": "x" * 16,
        },
    )
    assert not get_user_model().objects.filter(email="indringer@example.com").exists()


def test_password_reset_mail_goes_out(client, learner):
    response = client.post("/accounts/password/reset/", {"email": learner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert learner.email in mail.outbox[0].to


def _activate_totp(client, password) -> str:
    # Changing 2FA asks for the password again (allauth's reauthentication).
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": password})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(
        r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page
    ) or re.search(r'value="([A-Z2-7]{32})"', page)
    assert secret, "the activation page shows the secret for manual entry"
    secret = secret.group(1)
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.mark.parametrize("role", [Role.COACH, Role.HR, Role.EDITOR, Role.ADMIN])
def test_staff_roles_must_set_up_two_factor_before_anything_else(
    client, home_page, password, role
):
    user = employee(roles=[role]).user
    sign_in(client, user.email, password)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get("/cms/").status_code == 302


def test_learner_is_not_forced_to_use_two_factor(client, home_page, learner, password):
    sign_in(client, learner.email, password)
    assert client.get("/").status_code == 200


def test_enforcement_can_be_switched_off(client, home_page, hr, password, settings):
    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
    sign_in(client, hr.email, password)
    assert client.get("/").status_code == 200


def test_sign_in_with_two_factor(client, home_page, hr, password, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    sign_in(client, hr.email, password)
    secret = _activate_totp(client, password)
    assert client.get("/").status_code == 200

    client.post(reverse("account_logout"))
    response = sign_in(client, hr.email, password)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # The password alone does not sign in.
    assert client.get("/").status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert client.get("/").status_code == 302
    # A code from the next period: the activation code cannot be replayed.
    client.post(LOGIN, {"login": hr.email, "password": password})
    response = client.post(
        reverse("mfa_authenticate"), {"code": totp_code(secret, offset_periods=1)}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_every_learner_can_choose_two_factor(client, home_page, learner, password):
    sign_in(client, learner.email, password)
    _activate_totp(client, password)
    from allauth.mfa.models import Authenticator

    assert Authenticator.objects.filter(
        user=learner, type=Authenticator.Type.TOTP
    ).exists()
