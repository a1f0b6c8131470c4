"""Archive parameters of a closed zaak (zrc-021), as Open Zaak's brondatum.py does.

The resultaattype decides: archiefnominatie is copied from it, and
archiefactiedatum = brondatum + archiefactietermijn, where the brondatum comes
from ``brondatum_archiefprocedure_afleidingswijze``. When the brondatum cannot
be determined (a date the sandbox has no source for, or ``ander_datumkenmerk``,
which is set by hand), no archiefactiedatum is set, as the standard says.
"""

from dataclasses import dataclass
from datetime import date

from sandbox.clock import add_term
from sandbox.models import Zaak
from sandbox.models.choices import Afleidingswijze, Archiefnominatie


@dataclass(frozen=True)
class ArchiveParameters:
    archiefnominatie: str
    archiefactiedatum: date | None
    startdatum_bewaartermijn: date | None


def brondatum(zaak: Zaak) -> date | None:
    resultaattype = zaak.resultaat.resultaattype
    way = resultaattype.brondatum_archiefprocedure_afleidingswijze
    if way == Afleidingswijze.AFGEHANDELD:
        return zaak.einddatum
    if way == Afleidingswijze.TERMIJN:
        term = resultaattype.brondatum_archiefprocedure_procestermijn
        return add_term(zaak.einddatum, term) if zaak.einddatum and term else None
    if way == Afleidingswijze.HOOFDZAAK:
        return zaak.hoofdzaak.einddatum if zaak.hoofdzaak_id else None
    if way == Afleidingswijze.EIGENSCHAP:
        return _eigenschap_date(
            zaak, resultaattype.brondatum_archiefprocedure_datumkenmerk
        )
    if way == Afleidingswijze.GERELATEERDE_ZAAK:
        return _max_date(
            relation.andere_zaak.einddatum
            for relation in zaak.relevante_zaak_relaties.select_related("andere_zaak")
        )
    if way == Afleidingswijze.INGANGSDATUM_BESLUIT:
        return _max_date(besluit.ingangsdatum for besluit in zaak.besluiten.all())
    if way == Afleidingswijze.VERVALDATUM_BESLUIT:
        return _max_date(besluit.vervaldatum for besluit in zaak.besluiten.all())
    # ander_datumkenmerk is set by hand; zaakobject needs registers the sandbox
    # does not have.
    return None


def archive_parameters(zaak: Zaak) -> ArchiveParameters:
    resultaattype = zaak.resultaat.resultaattype
    nominatie = zaak.archiefnominatie or resultaattype.archiefnominatie
    source = brondatum(zaak)
    actiedatum = None
    if resultaattype.archiefactietermijn and source is not None:
        actiedatum = add_term(source, resultaattype.archiefactietermijn)
    bewaartermijn_start = source if nominatie == Archiefnominatie.VERNIETIGEN else None
    return ArchiveParameters(
        archiefnominatie=nominatie,
        archiefactiedatum=actiedatum,
        startdatum_bewaartermijn=bewaartermijn_start,
    )


def _eigenschap_date(zaak: Zaak, naam: str) -> date | None:
    value = (
        zaak.zaakeigenschappen.filter(eigenschap__naam=naam)
        .values_list("waarde", flat=True)
        .first()
    )
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _max_date(dates) -> date | None:
    # Every related date must be known; one missing makes the brondatum unknown.
    values = list(dates)
    if not values or any(value is None for value in values):
        return None
    return max(values)
