from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from badges.demo import badges_demo_load, framework_demo_load
from courses.demo import courses_demo_load
from lms.accounts.services import role_groups_sync
from lms.coaching.demo import coaching_demo_load
from lms.home.demo import home_demo_load
from lms.organisation.demo import DEMO_PASSWORD, organisation_demo_load
from sandbox.demo import catalogue_demo_load, scenarios_demo_load


class Command(BaseCommand):
    help = "Load (or refresh) the demo organisation, accounts and content. Idempotent."

    def handle(self, *args, **options):
        if (
            settings.LMS_ENVIRONMENT == "production"
            or not settings.DEBUG
            and (settings.LMS_ENVIRONMENT not in {"development", "test"})
        ):
            raise CommandError(
                "Refusing to load demo data: these settings are for production. "
                "Demo accounts share a published password."
            )
        role_groups_sync()
        home_demo_load()
        accounts = organisation_demo_load()
        framework_demo_load()
        catalogue_demo_load()
        scenarios_demo_load()
        courses_demo_load()
        badges_demo_load()
        # Coaching demo data (help requests) comes last: it refers to all of the above.
        coaching_demo_load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, roles in accounts:
            self.stdout.write(f"  {email:32} {roles}")
