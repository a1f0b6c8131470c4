from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms.lrs.models import Scope
from lms.lrs.services_credentials import lrs_credential_create


class Command(BaseCommand):
    help = (
        "Create an LRS credential (HTTP Basic key and secret for /xapi/). The last "
        "line of output is the key and the secret, separated by one space; the "
        "secret cannot be shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="What the credential is for, e.g. 'Ralph'.")
        parser.add_argument(
            "--scope",
            dest="scopes",
            action="append",
            required=True,
            choices=Scope.values,
            help="An xAPI scope; repeat for more than one.",
        )
        parser.add_argument(
            "--expires-in-days",
            type=int,
            default=None,
            help="Stop accepting the credential after this many days.",
        )

    def handle(self, *args, name, scopes, expires_in_days, **options):
        expires_at = None
        if expires_in_days is not None:
            if expires_in_days <= 0:
                raise CommandError("--expires-in-days must be a positive number.")
            expires_at = timezone.now() + timedelta(days=expires_in_days)
        try:
            credential, secret = lrs_credential_create(
                name=name, scopes=scopes, expires_at=expires_at
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        expiry = (
            f"expires {credential.expires_at:%Y-%m-%d %H:%M %Z}"
            if credential.expires_at
            else "does not expire"
        )
        self.stdout.write(
            f"Created LRS credential {credential.name!r} with scopes "
            f"{', '.join(credential.scopes)}; it {expiry}. Keep the secret safe: "
            "it is not stored and cannot be shown again."
        )
        self.stdout.write(f"{credential.key} {secret}")
