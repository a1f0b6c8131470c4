from django.core.management.base import BaseCommand

from badges.services import badges_expiry_process, expiry_warning_days


class Command(BaseCommand):
    help = (
        "Daily: warn learners before a badge expires (once per award) and bring "
        "competence levels down where what held them up has expired."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--warn-days",
            type=int,
            default=None,
            help="Warn this many days ahead (default: BADGES_EXPIRY_WARNING_DAYS, 30).",
        )

    def handle(self, *args, warn_days=None, **options):
        report = badges_expiry_process(
            warn_days=expiry_warning_days() if warn_days is None else warn_days
        )
        self.stdout.write(
            f"Badge expiry: {report.warned} warned, "
            f"{report.refreshed} people's competence levels refreshed."
        )
