import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache

from lms.accounts.roles import Role
from lms.home.demo import home_demo_load
from tests.factories import PASSWORD, FloorFactory, employee


def _chromium_path() -> str | None:
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        shutil.which("chromium"),
        "/usr/bin/chromium",
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


# Browser tests (tests/e2e) need Debian's Chromium; the run says plainly if it is missing.
CHROMIUM = _chromium_path()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if CHROMIUM is None:
                item.add_marker(
                    pytest.mark.skip(
                        reason="no chromium found (install Debian's 'chromium' or set "
                        "CHROMIUM_PATH): browser tests skipped"
                    )
                )


def pytest_report_header(config):
    if CHROMIUM:
        return f"browser tests: Chromium at {CHROMIUM}"
    return "browser tests: SKIPPED, no chromium found (apt-get install chromium)"


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
