import pytest
from django.conf import settings
from django.utils import translation

from lms.accounts.roles import Role
from tests.factories import FloorFactory, employee


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _no_mfa(no_mfa_enforcement):
    """ICT experts, HR and admins would be sent to 2FA set-up first."""


@pytest.fixture
def other_floor(db):
    return FloorFactory()


@pytest.fixture
def other_coach(db, other_floor):
    return employee(roles=[Role.COACH], coached_floors=[other_floor]).user


@pytest.fixture
def other_learner(db, other_floor):
    return employee(floor=other_floor).user


@pytest.fixture
def colleague(db, floor):
    """A second learner on the coach's floor."""
    return employee(floor=floor).user


@pytest.fixture
def competence(db):
    from badges.demo import framework_demo_load

    framework_demo_load()
    from badges.models import Competence

    return Competence.objects.get(code="zgw-intake")


def client_for(client, user):
    client.force_login(user)
    return client
