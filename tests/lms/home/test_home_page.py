import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from lms.home.models import HomePage


@pytest.mark.django_db
class TestHomePageTree(WagtailPageTestCase):
    def test_home_page_can_only_live_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_is_renderable(self):
        from lms.home.demo import home_demo_load
        from tests.factories import employee

        home = home_demo_load()
        self.client.force_login(employee().user)
        self.assertPageIsRenderable(home)


def test_anonymous_visitor_is_sent_to_sign_in(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_learner_is_greeted_in_dutch_with_their_place_and_coach(
    client, home_page, learner, coach
):
    client.force_login(learner)
    response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert f"Goed je te zien, {learner.first_name}" in content
    assert (
        coach.email in content
    )  # "Hulp op je verdieping" names the floor's ICT expert
    assert "Organisatie" not in content  # a learner gets no organisation management


def test_coach_sees_the_floors_they_coach(
    client, home_page, coach, floor, no_mfa_enforcement
):
    client.force_login(coach)
    content = client.get("/").content.decode()
    assert str(floor) in content


def test_hr_sees_organisation_totals_and_import_link(
    client, home_page, hr, no_mfa_enforcement
):
    client.force_login(hr)
    content = client.get("/").content.decode()
    assert "/cms/organisation/import/" in content
