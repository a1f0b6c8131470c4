"""Reference data the catalogue rests on."""

import json
from pathlib import Path

from django.db import transaction

from sandbox.models import SelectielijstProcestype, SelectielijstResultaat

SELECTIELIJST_FIXTURE = (
    Path(__file__).resolve().parent.parent
    / "reference"
    / "selectielijst-2020-used.json"
)


@transaction.atomic
def selectielijst_load(*, path: Path = SELECTIELIJST_FIXTURE) -> int:
    """Load (or refresh) the Selectielijst procestypen and resultaten from the
    project's reference file; returns the number of resultaten. Idempotent: rows
    are matched on their Selectielijst UUID."""
    data = json.loads(path.read_text(encoding="utf-8"))
    procestypen = {}
    for item in data["procestypen"]:
        procestype, _created = SelectielijstProcestype.objects.update_or_create(
            uuid=item["uuid"],
            defaults={
                "nummer": item["nummer"],
                "jaar": item["jaar"],
                "naam": item["naam"],
                "omschrijving": item["omschrijving"],
                "toelichting": item["toelichting"],
                "procesobject": item["procesobject"],
            },
        )
        procestypen[procestype.nummer] = procestype
    resultaten: dict[str, SelectielijstResultaat] = {}
    # Generic results come before their specific ones (11.1 before 11.1.6).
    ordered = sorted(
        data["resultaten"], key=lambda item: item["volledig_nummer"].count(".")
    )
    for item in ordered:
        generiek = item["generiek_resultaat"]
        resultaat, _created = SelectielijstResultaat.objects.update_or_create(
            uuid=item["uuid"],
            defaults={
                "procestype": procestypen[item["procestype"]],
                "volledig_nummer": item["volledig_nummer"],
                "generiek_resultaat": resultaten[generiek] if generiek else None,
                "nummer": item["nummer"],
                "naam": item["naam"],
                "omschrijving": item["omschrijving"],
                "herkomst": item["herkomst"],
                "waardering": item["waardering"],
                "procestermijn": item["procestermijn"] or "",
                "bewaartermijn": item["bewaartermijn"] or "",
                "toelichting": item["toelichting"],
            },
        )
        resultaten[resultaat.volledig_nummer] = resultaat
    return len(resultaten)
