"""Import zaaktypen from Catalogi API 1.3 JSON (a file, a directory or a ZIP).

    manage.py zgw_catalogus_import export.zip [--catalogus DOMEIN] [--dry-run]

All or nothing: on any problem nothing is written and every problem is listed.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sandbox.interchange.catalogi import (
    CatalogusImportError,
    catalogus_document_read,
    catalogus_import,
)
from sandbox.models import Catalogus


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Import zaaktypen (with their types) from Catalogi API 1.3 JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON file, directory or ZIP file")
        parser.add_argument(
            "--catalogus",
            metavar="DOMEIN",
            help="Put the types into the existing catalogue with this domein "
            "(default: the catalogue in the import).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check only; write nothing."
        )

    def handle(self, *args, path, catalogus=None, dry_run=False, **options):
        target = None
        if catalogus:
            target = Catalogus.objects.filter(domein=catalogus).first()
            if target is None:
                raise CommandError(f"No catalogue with domein {catalogus!r}.")
        try:
            document = catalogus_document_read(path)
            with transaction.atomic():
                report = catalogus_import(document=document, catalogus=target)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            self.stdout.write("Dry run: the import is valid; nothing was written.")
        except CatalogusImportError as error:
            for problem in error.problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(
                f"Import refused: {len(error.problems)} problem(s); nothing was written."
            ) from None
        except FileNotFoundError:
            raise CommandError(f"{path} does not exist.") from None
        if dry_run:
            return
        for warning in report.warnings:
            self.stderr.write(f"! {warning}")
        created = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
        reused = ", ".join(f"{n} {kind}" for kind, n in sorted(report.reused.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported into {report.catalogus}: {created or 'nothing new'}"
                + (f" (reused: {reused})" if reused else "")
            )
        )
