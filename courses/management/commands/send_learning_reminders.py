"""Reminder e-mails about assigned training: a week before the due date, a day
before, and once overdue. Safe to run as often as you like (each reminder is
logged and goes once); schedule it daily, see docs/courses.md."""

from datetime import date

from django.core.management.base import BaseCommand

from courses.services import learning_reminders_send


class Command(BaseCommand):
    help = "E-mail learners about assigned training that is due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="Act as if it were this date (YYYY-MM-DD); for testing a schedule.",
        )

    def handle(self, *args, today=None, **options):
        sent = learning_reminders_send(today=today)
        self.stdout.write(f"{sent} reminder e-mail(s) sent.")
