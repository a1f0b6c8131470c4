import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from badges.credentials.keys import generate_secret_key
from lms.accounts.roles import Role, user_roles
from lms.organisation.models import EmployeeProfile, Floor

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "production-test-secret-not-real-0123456789",
    "DJANGO_ALLOWED_HOSTS": "leren.gemeente.test",
    "LMS_BASE_URL": "https://leren.gemeente.test",
    "DATABASE_URL": "sqlite:////tmp/zaakwijs-deploy-check.sqlite3",
    # A fresh throwaway key: no key material lives in the repository.
    "LMS_BADGES_SIGNING_KEY": generate_secret_key(),
}


def _manage(*args, env):
    clean_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LMS_"))
    }
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_deploy_check_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "LMS_BADGES_SIGNING_KEY"]
)
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_demo_data_is_refused_with_production_settings():
    result = _manage("load_demo_data", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "Refusing to load demo data" in result.stderr


@pytest.mark.django_db
def test_demo_data_is_complete_and_idempotent():
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    counts = (get_user_model().objects.count(), EmployeeProfile.objects.count())
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (get_user_model().objects.count(), EmployeeProfile.objects.count()) == counts

    users = get_user_model().objects
    assert Role.HR in user_roles(users.get(email="hr@zaakwijs.test"))
    assert Role.EDITOR in user_roles(users.get(email="redacteur@zaakwijs.test"))
    assert Role.ADMIN in user_roles(users.get(email="beheer@zaakwijs.test"))
    coach = users.get(email="ict-expert@zaakwijs.test")
    assert list(coach.profile.coached_floors.values_list("number", flat=True)) == [1]
    # An ICT expert on every floor, at least three departments and a dozen learners.
    assert not Floor.objects.filter(coaches__isnull=True).exists()
    assert Floor.objects.count() >= 4
    learners_only = [u for u in users.all() if user_roles(u) == {Role.LEARNER}]
    assert len(learners_only) >= 12
    assert all(u.check_password("zaakwijs-demo") for u in users.all())
