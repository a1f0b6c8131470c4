import pytest
from django.core.cache import cache

from lms.accounts.roles import Role
from lms.home.demo import home_demo_load
from tests.factories import PASSWORD, FloorFactory, employee


@pytest.fixture(autouse=True)
def _clear_cache():
    # Sign-in rate limits live in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def home_page(db):
    return home_demo_load()


@pytest.fixture
def floor(db):
    return FloorFactory()


@pytest.fixture
def learner(db, floor):
    return employee(floor=floor).user


@pytest.fixture
def coach(db, floor):
    return employee(roles=[Role.COACH], coached_floors=[floor]).user


@pytest.fixture
def hr(db):
    return employee(roles=[Role.HR]).user


@pytest.fixture
def editor(db):
    return employee(roles=[Role.EDITOR]).user


@pytest.fixture
def admin_user(db):
    return employee(roles=[Role.ADMIN]).user


@pytest.fixture
def no_mfa_enforcement(settings):
    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
