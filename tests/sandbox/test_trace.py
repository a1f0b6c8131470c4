"""The ordered action trace that assessment and the coach's replay read."""

from datetime import timedelta

import pytest

from sandbox.errors import Rule
from sandbox.models import ActionLog
from sandbox.services import (
    workspace_clock_advance,
    zaak_close,
    zaak_opschorten,
    zaak_status_set,
)
from tests.sandbox.factories import START
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


def test_actions_are_traced_in_order_on_the_sandbox_clock(
    zaak, cat, learner, workspace
):
    workspace_clock_advance(workspace=workspace, actor=learner, by=timedelta(days=1))
    zaak_status_set(
        zaak=zaak,
        actor=learner,
        statustype=cat.aanvulling_gevraagd,
        statustoelichting="Tekeningen ontbreken",
    )
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wachten op tekeningen")
    trace = list(workspace.actions.order_by("sequence"))
    assert [entry.action for entry in trace] == [
        "zaak_register",
        "workspace_clock_advance",
        "zaak_status_set",
        "zaak_opschorten",
    ]
    assert [entry.sequence for entry in trace] == [1, 2, 3, 4]
    assert trace[0].sandbox_time == START
    assert trace[2].sandbox_time == START + timedelta(days=1)
    assert all(entry.actor == learner for entry in trace)
    status = trace[2].payload
    assert status["zaak"] == zaak.identificatie
    assert status["statustype"] == "Aanvulling gevraagd"
    assert status["volgnummer"] == 3
    assert status["statustoelichting"] == "Tekeningen ontbreken"
    assert status["informeren"] is True  # the initiator must be told
    assert trace[3].payload["reden"] == "Wachten op tekeningen"


def test_refusals_are_traced_with_their_rule(zaak, learner):
    refused(Rule.RESULTAAT_REQUIRED, zaak_close, zaak=zaak, actor=learner)
    entry = (
        ActionLog.objects.filter(workspace=zaak.workspace).order_by("-sequence").first()
    )
    assert entry.action == "zaak_close"
    assert entry.outcome == ActionLog.Outcome.REFUSED
    assert entry.rule == Rule.RESULTAAT_REQUIRED
    assert entry.zaak == zaak
    assert entry.payload["message"]


def test_a_refusal_rolls_back_the_change(zaak, cat, learner):
    zaak_status_set(zaak=zaak, actor=learner, statustype=cat.aanvulling_gevraagd)
    refused(
        Rule.STATUS_ORDER,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
    )
    assert zaak.statussen.count() == 2
    done = ActionLog.objects.filter(
        workspace=zaak.workspace, outcome=ActionLog.Outcome.DONE
    )
    assert list(done.values_list("action", flat=True)) == [
        "zaak_register",
        "zaak_status_set",
    ]
