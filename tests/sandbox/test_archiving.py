"""zrc-021: the archive action date follows the resultaattype's afleidingswijze."""

from datetime import date

import pytest

from sandbox.models.choices import AardRelatie, Afleidingswijze
from sandbox.services import (
    besluit_record,
    zaak_close,
    zaak_eigenschap_set,
    zaak_register,
    zaak_relevante_zaak_add,
    zaak_resultaat_set,
)
from tests.sandbox.factories import ResultaatTypeFactory

pytestmark = pytest.mark.django_db


def _close_with(zaak, learner, resultaattype):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=resultaattype)
    zaak_close(zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    return zaak


def _type(cat, afleidingswijze, **fields):
    return ResultaatTypeFactory(
        zaaktype=cat.zaaktype,
        brondatum_archiefprocedure_afleidingswijze=afleidingswijze,
        archiefactietermijn="P5Y",
        **fields,
    )


def _other_zaak(zaak, learner, **fields):
    return zaak_register(
        workspace=zaak.workspace,
        actor=learner,
        zaaktype=zaak.zaaktype,
        startdatum=date(2025, 3, 3),
        **fields,
    )


def test_afgehandeld_counts_from_the_end_date(zaak, cat, learner):
    zaak = _close_with(zaak, learner, _type(cat, Afleidingswijze.AFGEHANDELD))
    assert zaak.archiefactiedatum == date(2030, 3, 3)


def test_termijn_adds_the_procestermijn(zaak, cat, learner):
    resultaattype = _type(
        cat, Afleidingswijze.TERMIJN, brondatum_archiefprocedure_procestermijn="P1Y"
    )
    zaak = _close_with(zaak, learner, resultaattype)
    assert zaak.archiefactiedatum == date(2031, 3, 3)


def test_hoofdzaak_uses_the_end_date_of_the_hoofdzaak(zaak, cat, learner):
    deelzaak = _other_zaak(zaak, learner, hoofdzaak=zaak)
    _close_with(zaak, learner, cat.geweigerd)
    deelzaak = _close_with(deelzaak, learner, _type(cat, Afleidingswijze.HOOFDZAAK))
    assert deelzaak.archiefactiedatum == date(2030, 3, 3)


def test_hoofdzaak_still_open_gives_no_date(zaak, cat, learner):
    deelzaak = _other_zaak(zaak, learner, hoofdzaak=zaak)
    deelzaak = _close_with(deelzaak, learner, _type(cat, Afleidingswijze.HOOFDZAAK))
    assert deelzaak.archiefactiedatum is None
    assert deelzaak.archiefnominatie  # the nominatie is still taken over


def test_eigenschap_uses_the_named_date(zaak, cat, learner):
    zaak_eigenschap_set(
        zaak=zaak, actor=learner, eigenschap=cat.datum_besluit, waarde="2025-01-31"
    )
    resultaattype = _type(
        cat,
        Afleidingswijze.EIGENSCHAP,
        brondatum_archiefprocedure_datumkenmerk="Datum besluit",
    )
    assert _close_with(zaak, learner, resultaattype).archiefactiedatum == date(
        2030, 1, 31
    )


def test_gerelateerde_zaak_uses_the_latest_end_date(zaak, cat, learner):
    related = _other_zaak(zaak, learner)
    zaak_relevante_zaak_add(
        zaak=zaak, actor=learner, andere_zaak=related, aard_relatie=AardRelatie.VERVOLG
    )
    _close_with(related, learner, cat.geweigerd)
    assert _close_with(
        zaak, learner, _type(cat, Afleidingswijze.GERELATEERDE_ZAAK)
    ).archiefactiedatum == date(2030, 3, 3)


def test_gerelateerde_zaak_still_open_gives_no_date(zaak, cat, learner):
    related = _other_zaak(zaak, learner)
    zaak_relevante_zaak_add(
        zaak=zaak, actor=learner, andere_zaak=related, aard_relatie=AardRelatie.VERVOLG
    )
    assert (
        _close_with(
            zaak, learner, _type(cat, Afleidingswijze.GERELATEERDE_ZAAK)
        ).archiefactiedatum
        is None
    )


@pytest.mark.parametrize(
    ("afleidingswijze", "expected"),
    [
        (Afleidingswijze.INGANGSDATUM_BESLUIT, date(2030, 3, 4)),
        (Afleidingswijze.VERVALDATUM_BESLUIT, date(2031, 3, 4)),
    ],
)
def test_besluit_dates(afleidingswijze, expected, zaak, cat, learner):
    besluit_record(
        workspace=zaak.workspace,
        actor=learner,
        besluittype=cat.besluittype,
        zaak=zaak,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 4),
        vervaldatum=date(2026, 3, 4),
    )
    assert (
        _close_with(zaak, learner, _type(cat, afleidingswijze)).archiefactiedatum
        == expected
    )


def test_ander_datumkenmerk_is_set_by_hand(zaak, cat, learner):
    assert (
        _close_with(
            zaak, learner, _type(cat, Afleidingswijze.ANDER_DATUMKENMERK)
        ).archiefactiedatum
        is None
    )
