"""A practice assignment in a lesson starts the scenario with the enrolment's
registration; handing in reports the result to the lesson and links back."""

from django.urls import reverse

from courses.models import AssignmentResult
from courses.selectors import _scenario_launch_url
from courses.services import enrolment_start
from sandbox.models import Attempt
from tests.courses import factories as f
from tests.sandbox import scenario_support
from tests.sandbox.scenario_support import play_mor
from tests.sandbox.views_support import signed_in

demo_scenarios = scenario_support.demo_scenarios


def _lesson(home_page):
    catalogue = f.catalogue_page(home_page)
    module = f.module_page(catalogue, pass_mark=70, max_attempts=2)
    assignment = f.practice_assignment("mor-melding-eenvoudig")
    lesson = f.lesson_page(module, f.text(), assignment)
    return module, lesson, assignment["id"]


def test_the_launch_url_carries_registration_and_assignment(
    demo_scenarios, learner, home_page
):
    module, lesson, assignment_id = _lesson(home_page)
    enrolment = enrolment_start(user=learner, module=module)
    url = _scenario_launch_url(
        scenario_id="mor-melding-eenvoudig",
        enrolment=enrolment,
        assignment_id=assignment_id,
    )
    assert url.startswith(
        reverse("sandbox:scenario", kwargs={"slug": "mor-melding-eenvoudig"})
    )
    assert f"registration={enrolment.registration}" in url
    assert f"assignment={assignment_id}" in url
    assert _scenario_launch_url(scenario_id="bestaat-niet", enrolment=enrolment) is None


def test_a_lesson_attempt_reports_back_and_links_to_the_lesson(
    demo_scenarios, learner, home_page
):
    module, lesson, assignment_id = _lesson(home_page)
    enrolment = enrolment_start(user=learner, module=module)
    client = signed_in(learner)
    launch = _scenario_launch_url(
        scenario_id="mor-melding-eenvoudig",
        enrolment=enrolment,
        assignment_id=assignment_id,
    )
    page = client.get(launch).content.decode()
    assert "reported back" in page
    client.post(
        reverse("sandbox:scenario", kwargs={"slug": "mor-melding-eenvoudig"}),
        {"registration": str(enrolment.registration), "assignment": assignment_id},
    )
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.course_registration == enrolment.registration
    assert attempt.return_url == lesson.url
    play_mor(attempt, learner)
    client.post(reverse("sandbox:attempt_finish", kwargs={"attempt": attempt.uuid}))
    result = AssignmentResult.objects.get(enrolment=enrolment)
    assert result.passed is True
    assert result.sandbox_registration == attempt.registration
    body = client.get(
        reverse("sandbox:attempt_result", kwargs={"attempt": attempt.uuid})
    ).content.decode()
    assert f'href="{lesson.url}"' in body
    assert "Back to the lesson" in body


def test_someone_elses_registration_starts_a_plain_attempt(
    demo_scenarios, learner, home_page
):
    from tests.factories import employee

    module, lesson, assignment_id = _lesson(home_page)
    enrolment = enrolment_start(user=employee().user, module=module)
    signed_in(learner).post(
        reverse("sandbox:scenario", kwargs={"slug": "mor-melding-eenvoudig"}),
        {"registration": str(enrolment.registration), "assignment": assignment_id},
    )
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.course_registration is None and attempt.return_url == ""


def test_a_garbled_link_starts_a_plain_attempt(demo_scenarios, learner):
    signed_in(learner).post(
        reverse("sandbox:scenario", kwargs={"slug": "mor-melding-eenvoudig"}),
        {"registration": "x", "assignment": "y"},
    )
    assert Attempt.objects.get(learner=learner).course_registration is None
