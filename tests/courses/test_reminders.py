"""Reminder e-mails before a due date, sent once each by send_learning_reminders."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses.models import ReminderSent
from courses.selectors import reminder_kind
from courses.services import (
    assignment_withdraw,
    learning_reminders_send,
    lesson_visit_record,
)
from tests.courses import factories as f
from tests.factories import DepartmentFactory, employee

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _days(n: int):
    return TODAY + timedelta(days=n)


@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (8, None),
        (7, ReminderSent.Kind.WEEK),
        (2, ReminderSent.Kind.WEEK),
        (1, ReminderSent.Kind.DAY),
        (0, ReminderSent.Kind.DAY),
        (-1, ReminderSent.Kind.OVERDUE),
    ],
)
def test_which_reminder_a_due_date_calls_for(days_left, kind):
    assert reminder_kind(due_date=_days(days_left), today=TODAY) == kind


def test_a_week_before_the_due_date_the_learner_gets_one_reminder(module, learner):
    f.lesson_page(module, f.text())
    f.assign(due_date=_days(7), module=module, people=[learner])

    assert learning_reminders_send(today=TODAY) == 1
    assert learning_reminders_send(today=TODAY) == 0
    assert learning_reminders_send(today=_days(1)) == 0  # still the week reminder

    (message,) = mail.outbox
    assert message.to == [learner.email]
    assert module.title in message.body
    assert "http://testserver/" in message.body and "mijn-leren/" in message.body


def test_a_day_before_and_after_the_due_date_come_one_reminder_each(module, learner):
    f.lesson_page(module, f.text())
    f.assign(due_date=_days(7), module=module, people=[learner])

    for day in range(0, 12):  # a daily schedule, run twice a day
        learning_reminders_send(today=_days(day))
        learning_reminders_send(today=_days(day))

    kinds = list(
        ReminderSent.objects.filter(user=learner)
        .order_by("sent_at", "pk")
        .values_list("kind", flat=True)
    )
    assert kinds == ["7_days", "1_day", "overdue"]
    assert len(mail.outbox) == 3


def test_completed_training_brings_no_reminder(module, learner):
    lesson = f.lesson_page(module, f.text())
    f.assign(due_date=_days(1), module=module, people=[learner])
    lesson_visit_record(user=learner, lesson=lesson)

    assert learning_reminders_send(today=TODAY) == 0
    assert mail.outbox == []


def test_a_withdrawn_assignment_brings_no_reminder(module, learner):
    f.lesson_page(module, f.text())
    assignment = f.assign(due_date=_days(1), module=module, people=[learner])
    assignment_withdraw(actor=None, assignment=assignment)

    assert learning_reminders_send(today=TODAY) == 0


def test_a_moved_due_date_brings_fresh_reminders(module, learner):
    f.lesson_page(module, f.text())
    assignment = f.assign(due_date=_days(1), module=module, people=[learner])
    learning_reminders_send(today=TODAY)

    assignment.due_date = _days(6)
    assignment.save()

    assert learning_reminders_send(today=TODAY) == 1
    assert len(mail.outbox) == 2


def test_everyone_in_the_department_gets_one_mail_listing_their_training(catalogue):
    vergunningen = DepartmentFactory(name="Vergunningen")
    people = [employee(department=vergunningen).user for _ in range(2)]
    outsider = employee().user
    modules = [f.module_page(catalogue) for _ in range(2)]
    for module in modules:
        f.lesson_page(module, f.text())
    path = f.learning_path(*modules, title="Leerpad vergunningverlener")
    f.assign(due_date=_days(3), path=path, department=vergunningen)
    f.assign(due_date=_days(-2), module=modules[0], people=[people[0]])

    assert learning_reminders_send(today=TODAY) == 2

    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {p.email for p in people}
    assert outsider.email not in by_person
    first = by_person[people[0].email]
    assert "Leerpad vergunningverlener" in first.body
    assert modules[0].title in first.body


def test_the_management_command_sends_and_reports(module, learner):
    f.lesson_page(module, f.text())
    f.assign(due_date=_days(10), module=module, people=[learner])
    out = StringIO()

    call_command("send_learning_reminders", "--today", _days(3).isoformat(), stdout=out)
    call_command("send_learning_reminders", "--today", _days(3).isoformat(), stdout=out)

    assert out.getvalue().splitlines() == [
        "1 reminder e-mail(s) sent.",
        "0 reminder e-mail(s) sent.",
    ]
    assert len(mail.outbox) == 1
