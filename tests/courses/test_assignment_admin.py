"""HR assigns training in the Wagtail admin; editors and HR build learning paths."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.models import Assignment, LearningPath
from courses.selectors import assignments_for
from lms.accounts.roles import Role
from tests.courses import factories as f
from tests.factories import DepartmentFactory, JobFunctionFactory, employee

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mfa_enforcement")]

DUE = timezone.localdate() + timedelta(days=30)
ADD_URL = "courses_assignment:add"


def _form(**fields) -> dict:
    data = {
        "what": "module",
        "path": "",
        "module": "",
        "target_type": "persons",
        "department": "",
        "job_function": "",
        "due_date": DUE.isoformat(),
        "mandatory": "on",
        **fields,
    }
    return data


@pytest.mark.parametrize("role", [None, Role.COACH, Role.EDITOR])
def test_only_hr_and_administrators_reach_the_assignment_screens(client, module, role):
    person = employee(roles=[role] if role else []).user
    client.force_login(person)

    for name in ("courses_assignment:index", ADD_URL):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/cms/" in response.url
    client.post(
        reverse(ADD_URL),
        {**_form(module=module.pk), "people": [person.pk]},
    )
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN])
def test_hr_and_administrators_open_the_assignment_screens(client, role):
    client.force_login(employee(roles=[role]).user)

    assert client.get(reverse("courses_assignment:index")).status_code == 200
    assert client.get(reverse(ADD_URL)).status_code == 200


def test_hr_assigns_a_module_to_people(client, hr, module, learner):
    client.force_login(hr)

    response = client.post(
        reverse(ADD_URL), {**_form(module=module.pk), "people": [learner.pk]}
    )

    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.module.pk == module.pk and assignment.path is None
    assert assignment.due_date == DUE and assignment.mandatory
    assert assignment.assigned_by == hr
    assert list(assignments_for(user=learner)) == [assignment]


def test_hr_assigns_a_learning_path_to_a_department(client, hr, module):
    path = f.learning_path(module, title="Leerpad vergunningverlener")
    vergunningen = DepartmentFactory(name="Vergunningen")
    member = employee(department=vergunningen).user
    client.force_login(hr)

    client.post(
        reverse(ADD_URL),
        _form(
            what="path",
            path=path.pk,
            module=module.pk,  # left over from switching: ignored
            target_type="department",
            department=vergunningen.pk,
        ),
    )

    assignment = Assignment.objects.get()
    assert assignment.path == path and assignment.module is None
    assert assignment.department == vergunningen
    assert list(assignments_for(user=member)) == [assignment]


def test_hr_assigns_to_a_job_function(client, hr, module):
    kcc = JobFunctionFactory(name="Medewerker KCC")
    client.force_login(hr)

    client.post(
        reverse(ADD_URL),
        _form(module=module.pk, target_type="function", job_function=kcc.pk),
    )

    assert Assignment.objects.get().job_function == kcc


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"target_type": "department"}, "department"),
        ({"target_type": "function"}, "job_function"),
        ({"target_type": "persons"}, "people"),
        ({"what": "path"}, "path"),
        ({"due_date": "2000-01-01"}, "due_date"),
    ],
)
def test_an_incomplete_assignment_is_refused(client, hr, module, fields, error_field):
    client.force_login(hr)
    data = _form(module=module.pk, **fields)
    if error_field != "people":
        data["people"] = [hr.pk]

    response = client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert error_field in response.context["form"].errors
    assert not Assignment.objects.exists()


def test_hr_moves_the_due_date(client, hr, module, learner):
    assignment = f.assign(due_date=DUE, module=module, people=[learner])
    client.force_login(hr)
    later = DUE + timedelta(days=14)

    client.post(
        reverse("courses_assignment:edit", args=[assignment.pk]),
        {"due_date": later.isoformat(), "mandatory": ""},
    )

    assignment.refresh_from_db()
    assert assignment.due_date == later and not assignment.mandatory
    assert list(assignment.people.all()) == [learner]


def test_hr_withdraws_an_assignment(client, hr, module, learner):
    assignment = f.assign(due_date=DUE, module=module, people=[learner])
    client.force_login(hr)

    client.post(reverse("courses_assignment:delete", args=[assignment.pk]))

    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None and assignment.withdrawn_by == hr
    assert list(assignments_for(user=learner)) == []
    index = client.get(reverse("courses_assignment:index"))
    assert list(index.context["object_list"]) == []


@pytest.mark.parametrize("role", [Role.EDITOR, Role.HR])
def test_editors_and_hr_build_a_learning_path_with_ordered_modules(
    client, catalogue, role
):
    first, second = f.module_page(catalogue), f.module_page(catalogue)
    kcc = JobFunctionFactory(name="Medewerker KCC")
    client.force_login(employee(roles=[role]).user)

    response = client.post(
        reverse("wagtailsnippets_courses_learningpath:add"),
        nested_form_data(
            {
                "title": "Leerpad KCC",
                "description": "Alles voor een medewerker KCC.",
                "path_modules": inline_formset(
                    [
                        {"module": second.pk, "ORDER": "2"},
                        {"module": first.pk, "ORDER": "1"},
                    ]
                ),
            }
        )
        | {"target_functions": [kcc.pk], "target_departments": []},
    )

    assert response.status_code == 302, response.context["form"].errors
    path = LearningPath.objects.get()
    assert [row.module.pk for row in path.path_modules.all()] == [first.pk, second.pk]
    assert list(path.target_functions.all()) == [kcc]


def test_a_learner_cannot_build_learning_paths(client, learner):
    client.force_login(learner)

    response = client.get(reverse("wagtailsnippets_courses_learningpath:add"))

    assert response.status_code == 302
    assert not LearningPath.objects.exists()
