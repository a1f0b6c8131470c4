import pytest
from django.conf import settings
from django.utils import translation

from tests.courses.factories import catalogue_page, module_page


@pytest.fixture(autouse=True)
def english(client):
    """Assertions read the English source texts (Dutch is the lead's catalogue)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(home_page):
    return catalogue_page(home_page)


@pytest.fixture
def module(catalogue):
    return module_page(catalogue, pass_mark=70, max_attempts=2)


@pytest.fixture
def other_module(catalogue):
    return module_page(catalogue, pass_mark=70, max_attempts=2)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
