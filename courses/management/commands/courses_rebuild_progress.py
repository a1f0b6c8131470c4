"""Rebuild learners' progress in modules (enrolments, lesson visits, answers,
practice results, status and score) from the LRS statements alone. See
courses/projection.py and docs/courses.md."""

from django.core.management.base import BaseCommand
from django.db import transaction

from courses.projection import progress_projection_rebuild


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Rebuild the course progress projection from the recorded xAPI statements."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what a rebuild would give, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            with transaction.atomic():
                report = progress_projection_rebuild()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        prefix = "Would rebuild" if dry_run else "Rebuilt"
        self.stdout.write(
            f"{prefix} {report.enrolments} enrolment(s) from {report.statements} "
            f"statement(s): {report.visits} lesson visit(s), {report.answers} "
            f"answer(s), {report.results} practice result(s); "
            f"{report.reflections_kept} reflection(s) kept."
        )
        if report.skipped:
            self.stdout.write(
                f"{report.skipped} registration(s) skipped: their module no longer "
                "exists, or their launch statement is missing."
            )
        if report.reflections_lost:
            self.stdout.write(
                self.style.WARNING(
                    f"{report.reflections_lost} reflection(s) dropped: no statement "
                    "backs their enrolment."
                )
            )
