"""Who has which training by when: assignments resolved per target type, and the
due and overdue logic of "Mijn leren"."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from courses.models import Assignment
from courses.selectors import LearningStatus, assignments_for, my_learning
from courses.services import (
    AssignmentInvalid,
    assignment_create,
    assignment_withdraw,
    lesson_visit_record,
)
from lms.accounts.roles import Role
from tests.courses import factories as f
from tests.factories import DepartmentFactory, JobFunctionFactory, employee

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NEXT_MONTH = TODAY + timedelta(days=30)


def test_an_assignment_to_people_reaches_only_them(module):
    chosen, other = employee().user, employee().user

    assignment = f.assign(due_date=NEXT_MONTH, module=module, people=[chosen])

    assert list(assignments_for(user=chosen)) == [assignment]
    assert list(assignments_for(user=other)) == []


def test_an_assignment_to_a_department_reaches_whoever_is_in_it_now(module):
    vergunningen = DepartmentFactory(name="Vergunningen")
    member = employee(department=vergunningen).user
    outsider = employee(department=DepartmentFactory(name="Burgerzaken")).user
    assignment = f.assign(due_date=NEXT_MONTH, module=module, department=vergunningen)

    newcomer = employee(department=vergunningen).user

    assert list(assignments_for(user=member)) == [assignment]
    assert list(assignments_for(user=newcomer)) == [assignment]
    assert list(assignments_for(user=outsider)) == []


def test_leaving_the_department_ends_the_assignment(module):
    vergunningen = DepartmentFactory(name="Vergunningen")
    profile = employee(department=vergunningen)
    f.assign(due_date=NEXT_MONTH, module=module, department=vergunningen)

    profile.department = DepartmentFactory(name="Burgerzaken")
    profile.save()

    assert list(assignments_for(user=profile.user)) == []


def test_an_assignment_to_a_job_function_reaches_everyone_with_it(module):
    kcc = JobFunctionFactory(name="Medewerker KCC")
    colleagues = [employee(job_function=kcc).user for _ in range(2)]
    other = employee(job_function=JobFunctionFactory(name="Jurist")).user
    assignment = f.assign(due_date=NEXT_MONTH, module=module, job_function=kcc)

    for person in colleagues:
        assert list(assignments_for(user=person)) == [assignment]
    assert list(assignments_for(user=other)) == []


def test_a_withdrawn_assignment_reaches_nobody(module, learner):
    assignment = f.assign(due_date=NEXT_MONTH, module=module, people=[learner])

    assignment_withdraw(actor=None, assignment=assignment)

    assert list(assignments_for(user=learner)) == []
    assert my_learning(user=learner).items == []


def test_an_inactive_account_has_no_assignments(module, learner):
    f.assign(due_date=NEXT_MONTH, module=module, people=[learner])
    learner.is_active = False
    learner.save()

    assert list(assignments_for(user=learner)) == []


def test_an_assignment_names_a_path_or_a_module_not_both(catalogue, module, learner):
    path = f.learning_path(module)
    with pytest.raises(AssignmentInvalid):
        f.assign(due_date=NEXT_MONTH, module=module, path=path, people=[learner])
    with pytest.raises(AssignmentInvalid):
        f.assign(due_date=NEXT_MONTH, people=[learner])
    with pytest.raises(AssignmentInvalid):
        f.assign(due_date=NEXT_MONTH, module=module, people=[])
    assert not Assignment.objects.exists()


def test_only_hr_and_administrators_may_assign(module, learner, coach, editor, hr):
    for refused in (learner, coach, editor):
        with pytest.raises(PermissionDenied):
            assignment_create(
                actor=refused,
                module=module,
                target_type="persons",
                people=[learner],
                due_date=NEXT_MONTH,
            )
    assignment = assignment_create(
        actor=hr,
        module=module,
        target_type="persons",
        people=[learner],
        due_date=NEXT_MONTH,
    )
    assert assignment.assigned_by == hr
    admin = employee(roles=[Role.ADMIN]).user
    assignment_withdraw(actor=admin, assignment=assignment)
    assert assignment.withdrawn_by == admin


# --- Due and overdue ------------------------------------------------------------------


def _item(user, today=TODAY):
    (item,) = my_learning(user=user, today=today).items
    return item


def test_assigned_training_not_started_is_assigned_until_its_due_date_passes(
    module, learner
):
    f.lesson_page(module, f.text())
    due = TODAY + timedelta(days=3)
    f.assign(due_date=due, module=module, people=[learner])

    assert _item(learner).status == LearningStatus.ASSIGNED
    assert _item(learner, today=due).status == LearningStatus.ASSIGNED
    assert _item(learner, today=due + timedelta(days=1)).status == (
        LearningStatus.OVERDUE
    )
    assert _item(learner).days_left == 3


def test_started_training_is_in_progress_and_overdue_after_the_due_date(
    module, learner
):
    first = f.lesson_page(module, f.text())
    f.lesson_page(module, f.text())
    f.assign(due_date=TODAY, module=module, people=[learner])
    lesson_visit_record(user=learner, lesson=first)

    assert _item(learner).status == LearningStatus.IN_PROGRESS
    assert _item(learner, today=TODAY + timedelta(days=1)).status == (
        LearningStatus.OVERDUE
    )


def test_completed_training_is_never_overdue(module, learner):
    only = f.lesson_page(module, f.text())
    f.assign(due_date=TODAY, module=module, people=[learner])
    lesson_visit_record(user=learner, lesson=only)

    item = _item(learner, today=TODAY + timedelta(days=10))
    assert item.status == LearningStatus.COMPLETED
    assert item.next_step is None


def test_the_same_training_assigned_twice_shows_once_with_the_earliest_due_date(
    module,
):
    vergunningen = DepartmentFactory(name="Vergunningen")
    person = employee(department=vergunningen).user
    f.assign(due_date=NEXT_MONTH, module=module, department=vergunningen)
    f.assign(
        due_date=TODAY + timedelta(days=5),
        module=module,
        people=[person],
        mandatory=False,
    )

    item = _item(person)
    assert item.due_date == TODAY + timedelta(days=5)
    assert item.mandatory  # the department's assignment is mandatory


def test_a_path_is_completed_when_all_its_modules_are(catalogue, learner):
    modules = [f.module_page(catalogue) for _ in range(2)]
    lessons = [f.lesson_page(m, f.text()) for m in modules]
    f.assign(due_date=TODAY, path=f.learning_path(*modules), people=[learner])

    lesson_visit_record(user=learner, lesson=lessons[0])
    item = _item(learner)
    assert item.status == LearningStatus.IN_PROGRESS
    assert item.modules_completed == 1
    assert item.next_step.module == modules[1]
    assert item.next_step.next_lesson == lessons[1]

    lesson_visit_record(user=learner, lesson=lessons[1])
    assert _item(learner, today=NEXT_MONTH).status == LearningStatus.COMPLETED


def test_the_next_step_is_the_first_lesson_not_yet_seen(module, learner):
    lessons = [f.lesson_page(module, f.text(), f.single_choice()) for _ in range(3)]
    f.assign(due_date=NEXT_MONTH, module=module, people=[learner])
    assert _item(learner).next_step.next_lesson == lessons[0]

    lesson_visit_record(user=learner, lesson=lessons[0])
    lesson_visit_record(user=learner, lesson=lessons[2])

    assert _item(learner).next_step.next_lesson == lessons[1]


def test_a_path_leaves_out_unpublished_modules(catalogue, learner):
    live, draft = f.module_page(catalogue), f.module_page(catalogue)
    draft.unpublish()
    f.assign(due_date=NEXT_MONTH, path=f.learning_path(draft, live), people=[learner])

    assert [m.module for m in _item(learner).modules] == [live]
