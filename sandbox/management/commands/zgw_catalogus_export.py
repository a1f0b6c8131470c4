"""Export a catalogue (or some zaaktypen) as Catalogi API 1.3 JSON.

manage.py zgw_catalogus_export [--catalogus DOMEIN] [--zaaktype ID ...] [-o FILE]
"""

import json

from django.core.management.base import BaseCommand, CommandError

from sandbox.interchange.catalogi import catalogus_export
from sandbox.models import Catalogus


class Command(BaseCommand):
    help = "Export zaaktypen with their types as Catalogi API 1.3 JSON."

    def add_arguments(self, parser):
        parser.add_argument("--catalogus", metavar="DOMEIN")
        parser.add_argument(
            "--zaaktype",
            action="append",
            metavar="IDENTIFICATIE",
            help="Only this zaaktype (all its versions); may be repeated.",
        )
        parser.add_argument("-o", "--output", help="File to write (default: stdout)")

    def handle(self, *args, catalogus=None, zaaktype=None, output=None, **options):
        catalogi = Catalogus.objects.all()
        if catalogus:
            catalogi = catalogi.filter(domein=catalogus)
        if catalogi.count() != 1:
            raise CommandError(
                "Choose one catalogue with --catalogus DOMEIN: "
                + ", ".join(catalogi.values_list("domein", flat=True))
            )
        target = catalogi.get()
        zaaktypen = target.zaaktypen.all()
        if zaaktype:
            zaaktypen = zaaktypen.filter(identificatie__in=zaaktype)
            if not zaaktypen.exists():
                raise CommandError("No such zaaktype in this catalogue.")
        document = catalogus_export(catalogus=target, zaaktypen=zaaktypen)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {len(document['zaaktypen'])} zaaktypen to {output}"
                )
            )
        else:
            self.stdout.write(text, ending="")
