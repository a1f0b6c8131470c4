from datetime import date, timedelta

import pytest

from sandbox.errors import Rule
from sandbox.services import (
    workspace_clock_advance,
    zaak_hervatten,
    zaak_opschorten,
    zaak_register,
    zaak_verlengen,
)
from tests.sandbox.factories import practice_catalogue
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


def _days(workspace, learner, days):
    workspace_clock_advance(workspace=workspace, actor=learner, by=timedelta(days=days))


# --- Opschorting ------------------------------------------------------------------


def test_opschorten_and_hervatten_move_the_end_dates(zaak, learner, workspace):
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 4, 28)
    assert zaak.einddatum_gepland == date(2025, 4, 14)
    _days(workspace, learner, 2)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wachten op bouwtekeningen")
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie is True
    assert zaak.opschorting_reden == "Wachten op bouwtekeningen"
    assert zaak.opschorting_sinds == date(2025, 3, 5)
    _days(workspace, learner, 10)
    zaak_hervatten(zaak=zaak, actor=learner, toelichting="Tekeningen ontvangen")
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie is False
    assert zaak.opschorting_dagen == 10
    # 28 April + 10 days = 8 May; planned 14 April + 10 = 24 April.
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 5, 8)
    assert zaak.einddatum_gepland == date(2025, 4, 24)


def test_suspensions_add_up(zaak, learner, workspace):
    for days in (3, 4):
        zaak_opschorten(zaak=zaak, actor=learner, reden="Aanvulling gevraagd")
        _days(workspace, learner, days)
        zaak_hervatten(zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    assert zaak.opschorting_dagen == 7
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 5, 5) + timedelta(
        days=1
    )  # 5 May is a holiday


def test_opschorten_only_where_the_zaaktype_allows(workspace, learner):
    cat = practice_catalogue(opschorting_en_aanhouding_mogelijk=False)
    zaak = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
    )
    refused(
        Rule.OPSCHORTING_NOT_ALLOWED,
        zaak_opschorten,
        zaak=zaak,
        actor=learner,
        reden="Wachten",
    )


def test_opschorten_needs_a_reason(zaak, learner):
    refused(Rule.REASON_REQUIRED, zaak_opschorten, zaak=zaak, actor=learner, reden=" ")


def test_opschorten_twice_is_refused(zaak, learner):
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wachten")
    refused(
        Rule.OPSCHORTING_ACTIVE,
        zaak_opschorten,
        zaak=zaak,
        actor=learner,
        reden="Nog steeds wachten",
    )


def test_hervatten_a_running_zaak_is_refused(zaak, learner):
    refused(Rule.OPSCHORTING_NOT_ACTIVE, zaak_hervatten, zaak=zaak, actor=learner)


# --- Verlenging -------------------------------------------------------------------


def test_verlengen_extends_the_legal_term(zaak, learner):
    zaak_verlengen(zaak=zaak, actor=learner, reden="Advies welstand nodig", duur="P6W")
    zaak.refresh_from_db()
    assert zaak.verlenging_duur == "P6W"
    assert zaak.verlenging_reden == "Advies welstand nodig"
    # 3 March + 8 + 6 weeks = Monday 9 June 2025, Tweede Pinksterdag: Tuesday 10 June.
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 6, 10)


def test_verlengen_by_less_than_the_maximum(zaak, learner):
    zaak_verlengen(zaak=zaak, actor=learner, reden="Drukte", duur="P2W")
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 5, 12)


def test_verlengen_only_where_the_zaaktype_allows(workspace, learner):
    cat = practice_catalogue(verlenging_mogelijk=False, verlengingstermijn="")
    zaak = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
    )
    refused(
        Rule.VERLENGING_NOT_ALLOWED,
        zaak_verlengen,
        zaak=zaak,
        actor=learner,
        reden="Drukte",
        duur="P1W",
    )


def test_verlengen_only_once(zaak, learner):
    zaak_verlengen(zaak=zaak, actor=learner, reden="Drukte", duur="P2W")
    refused(
        Rule.VERLENGING_ONCE,
        zaak_verlengen,
        zaak=zaak,
        actor=learner,
        reden="Nog drukker",
        duur="P2W",
    )


@pytest.mark.parametrize("duur", ["P7W", "P2M", "P0D", "zes weken"])
def test_verlengen_no_longer_than_the_verlengingstermijn(duur, zaak, learner):
    refused(
        Rule.VERLENGING_TOO_LONG,
        zaak_verlengen,
        zaak=zaak,
        actor=learner,
        reden="Drukte",
        duur=duur,
    )


def test_verlengen_needs_a_reason(zaak, learner):
    refused(
        Rule.REASON_REQUIRED,
        zaak_verlengen,
        zaak=zaak,
        actor=learner,
        reden="",
        duur="P2W",
    )


def test_verlengen_on_the_last_day_is_in_time(zaak, learner, workspace):
    workspace_clock_advance(
        workspace=workspace, actor=learner, to=workspace.clock.replace(month=4, day=28)
    )
    zaak_verlengen(zaak=zaak, actor=learner, reden="Drukte", duur="P1W")


def test_verlengen_after_the_term_ran_out_is_refused(zaak, learner, workspace):
    workspace_clock_advance(
        workspace=workspace, actor=learner, to=workspace.clock.replace(month=4, day=29)
    )
    refused(
        Rule.VERLENGING_TOO_LATE,
        zaak_verlengen,
        zaak=zaak,
        actor=learner,
        reden="Vergeten",
        duur="P2W",
    )
