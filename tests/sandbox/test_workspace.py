from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.utils import timezone

from lms.accounts.roles import Role
from sandbox.errors import Rule
from sandbox.models import ActionLog, EnkelvoudigInformatieObject, Workspace, Zaak
from sandbox.models.choices import Scope
from sandbox.services import (
    document_create,
    document_lock,
    workspace_clock_advance,
    workspace_create,
    workspace_delete,
    zaak_register,
    zaak_status_set,
)
from tests.factories import FloorFactory, employee
from tests.sandbox.factories import START
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


# --- Isolation ----------------------------------------------------------------------


def test_owner_sees_their_workspace(workspace, learner):
    assert list(Workspace.objects.visible_to(learner)) == [workspace]
    assert list(Workspace.objects.changeable_by(learner)) == [workspace]


def test_another_learner_sees_nothing(workspace, floor):
    colleague = employee(floor=floor).user  # even on the same floor
    assert not Workspace.objects.visible_to(colleague).exists()
    assert not Workspace.objects.changeable_by(colleague).exists()


def test_floor_coach_sees_it_read_only(workspace, coach):
    assert list(Workspace.objects.visible_to(coach)) == [workspace]
    assert not Workspace.objects.changeable_by(coach).exists()


def test_coach_of_another_floor_sees_nothing(workspace):
    other_coach = employee(roles=[Role.COACH], coached_floors=[FloorFactory()]).user
    assert not Workspace.objects.visible_to(other_coach).exists()


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN, Role.EDITOR])
def test_hr_admin_and_editors_see_nothing(role, workspace, floor):
    # Even when they work on the learner's floor: practice work is not HR data.
    user = employee(roles=[role], floor=floor).user
    assert not Workspace.objects.visible_to(user).exists()


def test_a_coach_role_is_needed_for_coached_floors(workspace, floor):
    # A profile with coached floors but without the ICT-expert role sees nothing.
    former_coach = employee(coached_floors=[floor]).user
    assert not Workspace.objects.visible_to(former_coach).exists()


def test_anonymous_and_inactive_users_see_nothing(workspace, learner):
    assert not Workspace.objects.visible_to(AnonymousUser()).exists()
    learner.is_active = False
    learner.save()
    assert not Workspace.objects.visible_to(learner).exists()


def test_zaken_are_only_reached_through_visible_workspaces(zaak, learner, coach, floor):
    colleague = employee(floor=floor).user
    assert list(Zaak.objects.visible_to(learner)) == [zaak]
    assert list(Zaak.objects.visible_to(coach)) == [zaak]
    assert not Zaak.objects.visible_to(colleague).exists()
    assert list(Zaak.objects.in_workspace(zaak.workspace)) == [zaak]


def test_a_coach_cannot_act_in_the_workspace(zaak, cat, coach, workspace):
    before = ActionLog.objects.count()
    with pytest.raises(PermissionDenied):
        zaak_status_set(zaak=zaak, actor=coach, statustype=cat.in_behandeling)
    with pytest.raises(PermissionDenied):
        workspace_clock_advance(workspace=workspace, actor=coach, by="P1D")
    with pytest.raises(PermissionDenied):
        zaak_register(
            workspace=workspace,
            actor=coach,
            zaaktype=cat.zaaktype,
            startdatum=date(2025, 3, 3),
        )
    assert ActionLog.objects.count() == before
    zaak.refresh_from_db()
    assert zaak.status.statustype == cat.ontvangen


def test_another_learner_cannot_touch_a_document(workspace, cat, learner, floor):
    document = document_create(
        workspace=workspace,
        actor=learner,
        informatieobjecttype=cat.brief,
        titel="B",
        auteur="A",
    )
    colleague = employee(floor=floor).user
    with pytest.raises(PermissionDenied):
        document_lock(document=document, actor=colleague)
    document.refresh_from_db()
    assert not document.locked


def test_the_scenario_acts_without_an_actor(workspace, cat):
    zaak = zaak_register(
        workspace=workspace,
        actor=None,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 1),
    )
    entry = ActionLog.objects.get(zaak=zaak)
    assert entry.actor is None


# --- Creating and deleting ----------------------------------------------------------


def test_workspace_create(learner):
    workspace = workspace_create(
        owner=learner,
        name="Vrij oefenen",
        clock_start=START,
        scopes=[Scope.ZAKEN_HEROPENEN],
    )
    assert workspace.clock == START
    assert workspace.sandbox_today() == date(2025, 3, 3)
    assert workspace.has_scope(Scope.ZAKEN_HEROPENEN)
    assert not workspace.has_scope(Scope.ZAKEN_GEFORCEERD_BIJWERKEN)
    assert list(workspace.actions.values_list("action", flat=True)) == [
        "workspace_create"
    ]


def test_workspace_create_starts_at_nine_today(learner):
    workspace = workspace_create(owner=learner, name="Vrij oefenen")
    local = timezone.localtime(workspace.clock)
    assert (local.date(), local.hour) == (timezone.localdate(), 9)


def test_workspace_create_refuses_unknown_scopes(learner):
    with pytest.raises(ValueError):
        workspace_create(owner=learner, name="X", scopes=["zaken.alles"])


def test_workspace_delete_removes_everything(
    zaak, cat, learner, workspace, django_capture_on_commit_callbacks
):
    document = document_create(
        workspace=workspace,
        actor=learner,
        informatieobjecttype=cat.brief,
        titel="B",
        auteur="A",
        inhoud=b"inhoud",
    )
    name = document.current_version().inhoud.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        workspace_delete(workspace=workspace, actor=learner)
    assert not Workspace.objects.filter(pk=workspace.pk).exists()
    assert not Zaak.objects.exists()
    assert not EnkelvoudigInformatieObject.objects.exists()
    assert not ActionLog.objects.filter(workspace_id=workspace.pk).exists()
    assert not default_storage.exists(name)


def test_only_the_owner_deletes(workspace, coach):
    with pytest.raises(PermissionDenied):
        workspace_delete(workspace=workspace, actor=coach)
    assert Workspace.objects.filter(pk=workspace.pk).exists()


# --- The clock ------------------------------------------------------------------------


def test_advance_by_a_duration(workspace, learner):
    workspace_clock_advance(workspace=workspace, actor=learner, by="P1W")
    workspace.refresh_from_db()
    assert workspace.sandbox_today() == date(2025, 3, 10)
    assert timezone.localtime(workspace.clock).hour == 9


def test_advance_by_working_days(workspace, learner):
    # Thursday 17 April 2025 + 1 working day is Tuesday 22 April (Easter).
    workspace_clock_advance(
        workspace=workspace,
        actor=learner,
        to=timezone.make_aware(datetime(2025, 4, 17, 14, 0)),
    )
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=1)
    workspace.refresh_from_db()
    assert timezone.localtime(workspace.clock) == timezone.localtime(
        timezone.make_aware(datetime(2025, 4, 22, 14, 0))
    )


def test_advance_by_a_timedelta(workspace, learner):
    workspace_clock_advance(workspace=workspace, actor=learner, by=timedelta(hours=3))
    workspace.refresh_from_db()
    assert workspace.clock == START + timedelta(hours=3)


def test_the_clock_does_not_go_back(workspace, learner):
    refused(
        Rule.CLOCK_BACKWARDS,
        workspace_clock_advance,
        workspace=workspace,
        actor=learner,
        to=START - timedelta(days=1),
    )
    workspace.refresh_from_db()
    assert workspace.clock == START


def test_the_clock_step_must_be_a_period(workspace, learner):
    refused(
        Rule.CLOCK_STEP,
        workspace_clock_advance,
        workspace=workspace,
        actor=learner,
        by="morgen",
    )


def test_the_clock_takes_one_kind_of_step(workspace, learner):
    with pytest.raises(ValueError):
        workspace_clock_advance(
            workspace=workspace, actor=learner, by="P1D", working_days=1
        )
