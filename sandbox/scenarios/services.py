"""Attempts at a scenario: start (an isolated, seeded workspace), timed events,
hand in (assessment), reset, retry and delete — each in one transaction, each
recorded as xAPI statements in the attempt's registration."""

import logging
from contextvars import ContextVar
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from sandbox.clock import add_working_days
from sandbox.models import (
    Attempt,
    InformatieObjectType,
    ResultaatType,
    RolType,
    Scenario,
    StatusType,
    Workspace,
    Zaak,
    ZaakType,
)
from sandbox.models.choices import DocumentStatus, RolOmschrijvingGeneriek
from sandbox.scenarios.assessment import attempt_assess
from sandbox.scenarios.authoring import scenario_definition
from sandbox.scenarios.fictitious import person_complete

logger = logging.getLogger(__name__)

# The attempt whose workspace is being created right now: its first trace entry
# (workspace_create) comes before the attempt is linked to the workspace.
_seeding: ContextVar[Attempt | None] = ContextVar(
    "sandbox_attempt_seeding", default=None
)


def scenario_activity(slug: str) -> str:
    return vocabulary.activity_iri("scenario", slug)


def _start_moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


def _zaaktype(identificatie: str, on: date) -> ZaakType:
    zaaktype = (
        ZaakType.objects.valid_on(on).filter(identificatie=identificatie).first()
        or ZaakType.objects.published()
        .filter(identificatie=identificatie)
        .order_by("-begin_geldigheid")
        .first()
    )
    if zaaktype is None:
        raise LookupError(f"no published zaaktype {identificatie}")
    return zaaktype


# --- Starting an attempt ----------------------------------------------------------


@transaction.atomic
def attempt_start(
    *,
    scenario: Scenario,
    learner,
    course_registration=None,
    assignment_id=None,
    return_url: str = "",
) -> Attempt:
    """A new attempt: its own workspace with the scenario's starting state, on the
    scenario's clock, and the statements that it was launched and initialised."""
    number = Attempt.objects.filter(scenario=scenario, learner=learner).count() + 1
    attempt = Attempt.objects.create(
        scenario=scenario,
        learner=learner,
        number=number,
        started_at=timezone.now(),
        definition=scenario_definition(scenario),
        course_registration=course_registration,
        assignment_id=assignment_id,
        return_url=return_url[:500],
    )
    _record_attempt(attempt, vocabulary.LAUNCHED)
    _workspace_seed(attempt)
    _record_attempt(attempt, vocabulary.INITIALIZED)
    return attempt


def _workspace_seed(attempt: Attempt) -> None:
    from sandbox.services import workspace_create

    definition = attempt.definition
    token = _seeding.set(attempt)
    try:
        workspace = workspace_create(
            owner=attempt.learner,
            name=f"{definition['title']} — poging {attempt.number}"[:200],
            clock_start=_start_moment(date.fromisoformat(definition["clock_start"])),
        )
    finally:
        _seeding.reset(token)
    attempt.workspace = workspace
    attempt.events_delivered = 0
    attempt.seeded = {}
    for item in definition["start_state"]:
        kind = item["type"]
        if kind == "zaak":
            zaak = _seed_zaak(
                workspace, item, seed=f"{attempt.registration}:{item['key']}"
            )
            attempt.seeded[item["key"]] = zaak.identificatie
        elif kind == "document":
            _seed_document(
                workspace,
                item,
                ontvangstdatum=item.get("ontvangstdatum") or definition["clock_start"],
            )
        elif kind == "intake" and (item.get("document") or {}).get(
            "informatieobjecttype"
        ):
            _seed_document(
                workspace,
                {
                    **item["document"],
                    "tekst": item["document"].get("tekst") or item["tekst"],
                },
                ontvangstdatum=item["ontvangen"],
            )
    attempt.save(update_fields=["workspace", "events_delivered", "seeded"])
    scenario_events_deliver(workspace=workspace, attempt=attempt)


def _iotype(workspace: Workspace, omschrijving: str) -> InformatieObjectType:
    found = (
        InformatieObjectType.objects.valid_on(workspace.sandbox_today())
        .filter(omschrijving=omschrijving)
        .first()
    )
    if found is None:
        raise LookupError(f"no informatieobjecttype {omschrijving}")
    return found


def _seed_document(workspace: Workspace, spec: dict[str, Any], *, ontvangstdatum):
    from sandbox.services import document_create

    tekst = spec.get("tekst") or ""
    return document_create(
        workspace=workspace,
        actor=None,
        informatieobjecttype=_iotype(workspace, spec["informatieobjecttype"]),
        titel=spec["titel"],
        auteur=spec.get("auteur") or "Gemeente Zaakwijk",
        vertrouwelijkheidaanduiding=spec.get("vertrouwelijkheid") or "",
        status=DocumentStatus.DEFINITIEF,
        # Incoming post: the municipality holds no usage rights to state.
        indicatie_gebruiksrecht=False,
        ontvangstdatum=date.fromisoformat(str(ontvangstdatum)[:10])
        if ontvangstdatum
        else None,
        formaat="text/plain" if tekst else "",
        bestandsnaam=f"{spec['titel'][:60]}.txt" if tekst else "",
        inhoud=tekst.encode() if tekst else None,
    )


def _seed_zaak(workspace: Workspace, spec: dict[str, Any], *, seed: str) -> Zaak:
    from sandbox.services import (
        NatuurlijkPersoonGegevens,
        besluit_record,
        zaak_close,
        zaak_document_link,
        zaak_register,
        zaak_resultaat_set,
        zaak_rol_add,
        zaak_status_set,
    )

    startdatum = date.fromisoformat(spec["startdatum"])
    zaaktype = _zaaktype(spec["zaaktype"], workspace.sandbox_today())
    zaak = zaak_register(
        workspace=workspace,
        actor=None,
        zaaktype=zaaktype,
        startdatum=startdatum,
        omschrijving=spec["omschrijving"],
        communicatiekanaal=spec.get("kanaal") or "",
    )
    initiator = spec.get("initiator") or {}
    if initiator.get("fictief"):
        initiator = person_complete(initiator, seed=seed)
    if initiator.get("geslachtsnaam") or initiator.get("bsn"):
        roltype = RolType.objects.filter(
            zaaktype=zaaktype, omschrijving_generiek=RolOmschrijvingGeneriek.INITIATOR
        ).first()
        zaak_rol_add(
            zaak=zaak,
            actor=None,
            roltype=roltype,
            betrokkene=NatuurlijkPersoonGegevens(
                inp_bsn=initiator.get("bsn") or "",
                geslachtsnaam=initiator.get("geslachtsnaam") or "",
                voorvoegsel_geslachtsnaam=initiator.get("voorvoegsel") or "",
                voorletters=initiator.get("voorletters") or "",
                verblijfsadres_gor_openbare_ruimte_naam=initiator.get("straat") or "",
                verblijfsadres_aoa_huisnummer=initiator.get("huisnummer"),
                verblijfsadres_aoa_postcode=initiator.get("postcode") or "",
                verblijfsadres_wpl_woonplaats_naam=initiator.get("woonplaats") or "",
            ),
            roltoelichting="Aanvrager",
        )
    documents = []
    for document_spec in spec.get("documenten") or []:
        # ListBlock items come as {"type": "item", "value": ..., "id": ...}.
        document_spec = document_spec.get("value", document_spec)
        document = _seed_document(
            workspace, document_spec, ontvangstdatum=spec["startdatum"]
        )
        zaak_document_link(zaak=zaak, actor=None, document=document)
        documents.append(document)
    for name in [
        s.strip() for s in (spec.get("statussen") or "").split(",") if s.strip()
    ]:
        statustype = StatusType.objects.get(zaaktype=zaaktype, omschrijving=name)
        zaak_status_set(zaak=zaak, actor=None, statustype=statustype)
    if spec.get("besluittype"):
        besluittype = zaaktype.besluittypen.get(omschrijving=spec["besluittype"])
        today = workspace.sandbox_today()
        fitting = [
            d
            for d in documents
            if besluittype.informatieobjecttypen.filter(
                pk=d.informatieobjecttype_id
            ).exists()
        ]
        besluit_record(
            workspace=workspace,
            actor=None,
            besluittype=besluittype,
            zaak=zaak,
            datum=today,
            ingangsdatum=today,
            verzenddatum=today,
            documenten=fitting,
        )
    if spec.get("resultaat"):
        zaak_resultaat_set(
            zaak=zaak,
            actor=None,
            resultaattype=ResultaatType.objects.get(
                zaaktype=zaaktype, omschrijving=spec["resultaat"]
            ),
        )
        zaak_close(zaak=zaak, actor=None, statustoelichting="Afgehandeld")
    zaak.refresh_from_db()
    return zaak


# --- Events -----------------------------------------------------------------------


def event_due(definition: dict[str, Any], event: dict[str, Any]) -> datetime:
    start = date.fromisoformat(definition["clock_start"])
    return _start_moment(add_working_days(start, int(event["working_day"])))


def scenario_events_deliver(*, workspace: Workspace, attempt: Attempt | None = None):
    """Deliver the scenario's events whose moment the sandbox clock has reached:
    the message appears in the attempt's inbox and the trace, a document that comes
    with it lands in the post room. Runs in the caller's transaction."""
    from sandbox.services._actions import trace

    if attempt is None:
        attempt = Attempt.objects.filter(workspace_id=workspace.pk).first()
    if attempt is None or attempt.is_finished:
        return
    events = attempt.definition.get("events", [])
    delivered = attempt.events_delivered
    for index in range(attempt.events_delivered, len(events)):
        event = events[index]
        due = event_due(attempt.definition, event)
        if due > workspace.clock:
            break
        document = None
        spec = event.get("document") or {}
        if spec.get("informatieobjecttype"):
            document = _seed_document(
                workspace,
                {**spec, "tekst": spec.get("tekst") or event["tekst"]},
                ontvangstdatum=timezone.localdate(due).isoformat(),
            )
        trace(
            workspace,
            "scenario_event",
            actor=None,
            payload={
                "event": index,
                "kanaal": event["kanaal"],
                "afzender": event["afzender"],
                "onderwerp": event["onderwerp"],
                "moment": due,
                "document": document.identificatie if document else None,
            },
        )
        delivered = index + 1
    if delivered != attempt.events_delivered:
        attempt.events_delivered = delivered
        Attempt.objects.filter(pk=attempt.pk).update(events_delivered=delivered)


def attempt_inbox(attempt: Attempt) -> list[dict[str, Any]]:
    """The intake messages and the events delivered so far, newest first."""
    definition = attempt.definition
    messages = [
        {
            "kanaal": item["kanaal"],
            "afzender": item["afzender"],
            "onderwerp": item["onderwerp"],
            "tekst": item["tekst"],
            "datum": date.fromisoformat(item["ontvangen"]),
        }
        for item in definition.get("start_state", [])
        if item["type"] == "intake"
    ]
    for event in definition.get("events", [])[: attempt.events_delivered]:
        messages.append(
            {
                "kanaal": event["kanaal"],
                "afzender": event["afzender"],
                "onderwerp": event["onderwerp"],
                "tekst": event["tekst"],
                "datum": timezone.localdate(event_due(definition, event)),
            }
        )
    return sorted(messages, key=lambda m: m["datum"], reverse=True)


# --- Handing in, reset, delete -----------------------------------------------------


def _own(attempt: Attempt, actor) -> Attempt:
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if actor is None or locked.learner_id != actor.pk:
        raise PermissionDenied("Only the learner can change their attempt.")
    return locked


@transaction.atomic
def attempt_finish(*, attempt: Attempt, actor) -> Attempt:
    """Hand the attempt in: assess it, record the result, report it to the lesson
    it came from. Handing in twice changes nothing."""
    attempt = _own(attempt, actor)
    if attempt.is_finished:
        return attempt
    assessment = attempt_assess(attempt)
    attempt.status = Attempt.Status.FINISHED
    attempt.finished_at = timezone.now()
    attempt.score = assessment.score
    attempt.passed = assessment.passed
    attempt.results = assessment.results
    attempt.save(update_fields=["status", "finished_at", "score", "passed", "results"])
    slug = attempt.definition["slug"]
    for result in assessment.results:
        check_id = f"{slug}.{result['id']}" if result["id"] else None
        if check_id is None:
            continue
        statement_record(
            user=attempt.learner,
            verb=vocabulary.PASSED if result["passed"] else vocabulary.FAILED,
            activity_id=vocabulary.activity_iri("sandbox-check", check_id),
            activity_type=vocabulary.SANDBOX_CHECK_TYPE,
            activity_name=result["title"],
            result={"success": result["passed"]},
            registration=attempt.registration,
            parent_activity_ids=[scenario_activity(slug)],
        )
    duration = vocabulary.xapi_duration(attempt.finished_at - attempt.started_at)
    result = {
        "score": {"scaled": round(assessment.score, 4)},
        "success": assessment.passed,
        "completion": True,
        "duration": duration,
    }
    _record_attempt(attempt, vocabulary.COMPLETED, result=result)
    _record_attempt(
        attempt,
        vocabulary.PASSED if assessment.passed else vocabulary.FAILED,
        result={k: v for k, v in result.items() if k != "completion"},
    )
    if attempt.course_registration and attempt.assignment_id:
        from courses.services import assignment_result_record

        try:
            assignment_result_record(
                registration=attempt.course_registration,
                assignment_id=attempt.assignment_id,
                passed=assessment.passed,
                sandbox_registration=attempt.registration,
            )
        except LookupError:
            # The module or the assignment changed since the attempt started.
            logger.warning("practice assignment of attempt %s not found", attempt.pk)
    return attempt


@transaction.atomic
def attempt_reset(*, attempt: Attempt, actor) -> Attempt:
    """Start over: a fresh workspace with the starting state, same attempt."""
    from sandbox.services import workspace_delete

    attempt = _own(attempt, actor)
    if attempt.is_finished:
        raise PermissionDenied("A handed-in attempt cannot be reset; retry instead.")
    old = attempt.workspace
    _workspace_seed(attempt)
    if old is not None:
        workspace_delete(workspace=old, actor=actor)
    attempt.started_at = timezone.now()
    attempt.save(update_fields=["started_at"])
    _record_attempt(attempt, vocabulary.INITIALIZED)
    return attempt


@transaction.atomic
def attempt_retry(*, attempt: Attempt, actor) -> Attempt:
    """A new attempt at the same scenario, keeping the lesson it came from."""
    attempt = _own(attempt, actor)
    return attempt_start(
        scenario=attempt.scenario,
        learner=actor,
        course_registration=attempt.course_registration,
        assignment_id=attempt.assignment_id,
        return_url=attempt.return_url,
    )


@transaction.atomic
def attempt_delete(*, attempt: Attempt, actor) -> None:
    """Delete the attempt with its workspace, trace and files."""
    from sandbox.services import workspace_delete

    attempt = _own(attempt, actor)
    if attempt.workspace is not None:
        workspace_delete(workspace=attempt.workspace, actor=actor)
    attempt.delete()


# --- xAPI ---------------------------------------------------------------------------


def _record_attempt(attempt: Attempt, verb, *, result=None) -> None:
    extensions = {vocabulary.extension_iri("attempt"): attempt.number}
    if attempt.course_registration:
        extensions[vocabulary.extension_iri("course-registration")] = str(
            attempt.course_registration
        )
    statement_record(
        user=attempt.learner,
        verb=verb,
        activity_id=scenario_activity(attempt.definition["slug"]),
        activity_type=vocabulary.SCENARIO_TYPE,
        activity_name=attempt.definition["title"],
        result=result,
        registration=attempt.registration,
        context={"extensions": extensions},
    )


def action_record(
    *, workspace: Workspace, actor, action: str, outcome: str, payload, sandbox_time
) -> None:
    """The statement for one sandbox action (see ``services._actions._record``)."""
    if action == "workspace_clock_advance" and outcome == "done":
        scenario_events_deliver(workspace=workspace)
    if actor is None:
        # The scenario itself acted (starting state, an event): no learner did.
        return
    attempt = _seeding.get() or (
        Attempt.objects.filter(workspace_id=workspace.pk)
        .only("registration", "definition")
        .first()
    )
    extensions: dict[str, Any] = {
        vocabulary.extension_iri("sandbox-time"): sandbox_time.isoformat(),
        vocabulary.extension_iri("sandbox-outcome"): outcome,
    }
    zaak = (payload or {}).get("zaak")
    if zaak:
        extensions[vocabulary.extension_iri("sandbox-zaak")] = zaak
    statement_record(
        user=actor,
        verb=vocabulary.INTERACTED,
        activity_id=vocabulary.activity_iri("sandbox-action", action.replace("_", "-")),
        activity_type=vocabulary.SANDBOX_ACTION_TYPE,
        activity_name=action.replace("_", " "),
        result={"success": outcome == "done"},
        registration=attempt.registration if attempt else None,
        parent_activity_ids=[scenario_activity(attempt.definition["slug"])]
        if attempt
        else (),
        context={"extensions": extensions},
    )
