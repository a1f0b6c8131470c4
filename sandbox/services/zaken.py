"""Registering and handling practice zaken: the Zaken API's behaviour rules.

Every function is one action a case handler takes; each checks the rules of the
"specificatie van gedrag" (zrc-0xx) that apply, changes the zaak, and appends to
the workspace's action trace.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sandbox.archiving import archive_parameters
from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import (
    Eigenschap,
    KlantContact,
    RelevanteZaak,
    Resultaat,
    ResultaatType,
    Rol,
    Status,
    StatusType,
    Workspace,
    Zaak,
    ZaakEigenschap,
    ZaakObject,
    ZaakType,
)
from sandbox.models.choices import (
    AardRelatie,
    Betalingsindicatie,
    Communicatiekanaal,
    EigenschapFormaat,
    Scope,
    Vertrouwelijkheidaanduiding,
    ZaakObjectType,
)
from sandbox.services._actions import (
    Actor,
    begin,
    ensure_open,
    ensure_same_workspace,
    next_number,
    require_text,
    sandbox_action,
    trace,
)
from sandbox.services.termijnen import zaak_deadlines_apply


@sandbox_action("zaak_register")
def zaak_register(
    *,
    workspace: Workspace,
    actor: Actor,
    zaaktype: ZaakType,
    startdatum: date,
    omschrijving: str = "",
    toelichting: str = "",
    communicatiekanaal: str = "",
    vertrouwelijkheidaanduiding: str = "",
    betalingsindicatie: str = "",
    laatste_betaaldatum: datetime | None = None,
    zaakgeometrie: dict[str, Any] | None = None,
    publicatiedatum: date | None = None,
    hoofdzaak: Zaak | None = None,
    statustoelichting: str = "",
) -> Zaak:
    """Register a new zaak from an intake; ``startdatum`` is the day the request
    came in. The zaak gets its number, its end dates and its first status."""
    workspace = begin(workspace, actor)
    today = workspace.sandbox_today()
    if not zaaktype.is_valid_on(today):
        raise SandboxRuleError(
            Rule.ZAAKTYPE_NOT_IN_FORCE,
            _("Case type “%(zaaktype)s” is not in force on %(date)s.")
            % {"zaaktype": zaaktype.omschrijving, "date": today.isoformat()},
        )
    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    if not statustypen:
        raise SandboxRuleError(
            Rule.ZAAKTYPE_INCOMPLETE,
            _("Case type “%(zaaktype)s” has no status types yet.")
            % {"zaaktype": zaaktype.omschrijving},
        )
    if betalingsindicatie == Betalingsindicatie.NVT and laatste_betaaldatum:
        raise SandboxRuleError(
            Rule.BETALING_NVT,
            _("A payment date cannot be given when no costs are involved."),
        )
    if hoofdzaak is not None:
        ensure_same_workspace(workspace, hoofdzaak)
        _ensure_can_be_hoofdzaak(hoofdzaak)
    _ensure_choice(communicatiekanaal, Communicatiekanaal, blank=True)
    _ensure_choice(vertrouwelijkheidaanduiding, Vertrouwelijkheidaanduiding, blank=True)
    _ensure_choice(betalingsindicatie, Betalingsindicatie, blank=True)

    number = next_number(workspace, "zaak_counter")
    zaak = Zaak(
        workspace=workspace,
        identificatie=f"ZAAK-{today.year}-{number:010d}",
        bronorganisatie=workspace.bronorganisatie,
        verantwoordelijke_organisatie=workspace.bronorganisatie,
        zaaktype=zaaktype,
        omschrijving=omschrijving[:80],
        toelichting=toelichting[:1000],
        registratiedatum=today,
        startdatum=startdatum,
        communicatiekanaal=communicatiekanaal,
        # zrc-009: without an explicit value the zaak takes the zaaktype's.
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding
        or zaaktype.vertrouwelijkheidaanduiding,
        betalingsindicatie=betalingsindicatie,
        laatste_betaaldatum=laatste_betaaldatum,
        zaakgeometrie=zaakgeometrie,
        publicatiedatum=publicatiedatum,
        hoofdzaak=hoofdzaak,
    )
    zaak_deadlines_apply(zaak)
    zaak.save()
    # A zaaksysteem puts a new zaak in its first status right away ("Ontvangen").
    if len(statustypen) > 1:
        zaak.status = Status.objects.create(
            zaak=zaak,
            statustype=statustypen[0],
            datum_status_gezet=workspace.clock,
            statustoelichting=statustoelichting[:1000],
        )
        zaak.save(update_fields=["status"])
    trace(
        workspace,
        "zaak_register",
        actor=actor,
        zaak=zaak,
        payload={
            "zaaktype": zaaktype.identificatie,
            "zaaktype_uuid": str(zaaktype.uuid),
            "startdatum": zaak.startdatum,
            "registratiedatum": zaak.registratiedatum,
            "communicatiekanaal": zaak.communicatiekanaal,
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
            "einddatum_gepland": zaak.einddatum_gepland,
            "uiterlijke_einddatum_afdoening": zaak.uiterlijke_einddatum_afdoening,
            "hoofdzaak": hoofdzaak.identificatie if hoofdzaak else None,
            "status": _status_payload(zaak.status) if zaak.status else None,
        },
    )
    return zaak


@sandbox_action("zaak_status_set")
def zaak_status_set(
    *,
    zaak: Zaak,
    actor: Actor,
    statustype: StatusType,
    statustoelichting: str = "",
    gezetdoor: Rol | None = None,
) -> Status:
    """Move the zaak to its next status. Setting the eindstatus closes the zaak."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    status = _status_add(workspace, zaak, statustype, statustoelichting, gezetdoor)
    trace(
        workspace,
        "zaak_status_set",
        actor=actor,
        zaak=zaak,
        payload=_status_payload(status),
    )
    return status


@sandbox_action("zaak_close")
def zaak_close(
    *,
    zaak: Zaak,
    actor: Actor,
    statustoelichting: str = "",
    gezetdoor: Rol | None = None,
) -> Status:
    """Close the zaak by setting its eindstatus (zrc-007)."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    status = _status_add(
        workspace,
        zaak,
        zaak.zaaktype.eindstatustype(),
        statustoelichting,
        gezetdoor,
    )
    trace(
        workspace, "zaak_close", actor=actor, zaak=zaak, payload=_status_payload(status)
    )
    return status


@sandbox_action("zaak_reopen")
def zaak_reopen(
    *, zaak: Zaak, actor: Actor, statustype: StatusType, statustoelichting: str
) -> Status:
    """zrc-008: reopen a closed zaak with a status other than the eindstatus. It
    needs the right to reopen; the end date and archive fields are cleared."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    if not zaak.is_closed:
        raise SandboxRuleError(
            Rule.REOPEN_NOT_CLOSED,
            _("Case %(zaak)s is not closed.") % {"zaak": zaak.identificatie},
        )
    if not workspace.has_scope(Scope.ZAKEN_HEROPENEN):
        raise SandboxRuleError(
            Rule.REOPEN_NOT_PERMITTED,
            _(
                "You are not authorised to reopen closed cases. Ask a colleague "
                "who is (for example your team leader)."
            ),
        )
    statustoelichting = require_text(
        statustoelichting, _("Explain why the case is reopened.")
    )
    status = _status_add(
        workspace, zaak, statustype, statustoelichting, None, reopening=True
    )
    zaak.einddatum = None
    zaak.archiefactiedatum = None
    zaak.archiefnominatie = ""
    zaak.startdatum_bewaartermijn = None
    zaak.save()
    trace(
        workspace,
        "zaak_reopen",
        actor=actor,
        zaak=zaak,
        payload=_status_payload(status),
    )
    return status


@sandbox_action("zaak_resultaat_set")
def zaak_resultaat_set(
    *, zaak: Zaak, actor: Actor, resultaattype: ResultaatType, toelichting: str = ""
) -> Resultaat:
    """Record (or change, while the zaak is open) the outcome of the zaak."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if resultaattype.zaaktype_id != zaak.zaaktype_id:
        raise SandboxRuleError(
            Rule.RESULTAATTYPE_MISMATCH,
            _("Result “%(type)s” is not a result of case type “%(zaaktype)s”.")
            % {
                "type": resultaattype.omschrijving,
                "zaaktype": zaak.zaaktype.omschrijving,
            },
        )
    resultaat, _created = Resultaat.objects.update_or_create(
        zaak=zaak,
        defaults={"resultaattype": resultaattype, "toelichting": toelichting[:1000]},
    )
    zaak.selectielijstklasse = resultaattype.selectielijstklasse
    zaak.save(update_fields=["selectielijstklasse"])
    trace(
        workspace,
        "zaak_resultaat_set",
        actor=actor,
        zaak=zaak,
        payload={
            "resultaattype": resultaattype.omschrijving,
            "resultaattype_uuid": str(resultaattype.uuid),
            "selectielijstklasse": resultaattype.selectielijstklasse.volledig_nummer,
            "toelichting": resultaat.toelichting,
        },
    )
    return resultaat


@sandbox_action("zaak_eigenschap_set")
def zaak_eigenschap_set(
    *, zaak: Zaak, actor: Actor, eigenschap: Eigenschap, waarde: str
) -> ZaakEigenschap:
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if eigenschap.zaaktype_id != zaak.zaaktype_id:
        raise SandboxRuleError(
            Rule.EIGENSCHAP_MISMATCH,
            _("Property “%(naam)s” does not belong to case type “%(zaaktype)s”.")
            % {"naam": eigenschap.naam, "zaaktype": zaak.zaaktype.omschrijving},
        )
    waarde = _eigenschap_waarde(eigenschap, waarde)
    existing = None
    if eigenschap.specificatie_kardinaliteit == "1":
        existing = zaak.zaakeigenschappen.filter(eigenschap=eigenschap).first()
    if existing is not None:
        existing.waarde = waarde
        existing.save(update_fields=["waarde"])
        zaakeigenschap = existing
    else:
        zaakeigenschap = ZaakEigenschap.objects.create(
            zaak=zaak, eigenschap=eigenschap, waarde=waarde
        )
    trace(
        workspace,
        "zaak_eigenschap_set",
        actor=actor,
        zaak=zaak,
        payload={"eigenschap": eigenschap.naam, "waarde": waarde},
    )
    return zaakeigenschap


@sandbox_action("zaak_object_add")
def zaak_object_add(
    *,
    zaak: Zaak,
    actor: Actor,
    object_type: str,
    object_identificatie: dict[str, Any] | None = None,
    relatieomschrijving: str = "",
    object_type_overige: str = "",
) -> ZaakObject:
    """Relate an object to the zaak: the address of a building plan, the spot of a
    broken street light."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if object_type not in ZaakObjectType.values:
        raise SandboxRuleError(
            Rule.ZAAKOBJECT_INVALID, _("Choose what kind of object this is.")
        )
    if object_type == ZaakObjectType.OVERIGE and not object_type_overige.strip():
        raise SandboxRuleError(
            Rule.ZAAKOBJECT_INVALID,
            _("Describe the kind of object when you choose “other”."),
        )
    zaakobject = ZaakObject.objects.create(
        zaak=zaak,
        object_type=object_type,
        object_type_overige=object_type_overige.strip()[:100],
        relatieomschrijving=relatieomschrijving[:80],
        object_identificatie=object_identificatie or {},
    )
    trace(
        workspace,
        "zaak_object_add",
        actor=actor,
        zaak=zaak,
        payload={
            "object_type": object_type,
            "relatieomschrijving": zaakobject.relatieomschrijving,
            "object_identificatie": zaakobject.object_identificatie,
        },
    )
    return zaakobject


@sandbox_action("zaak_klantcontact_add")
def zaak_klantcontact_add(
    *,
    zaak: Zaak,
    actor: Actor,
    kanaal: str,
    onderwerp: str,
    toelichting: str = "",
    datumtijd: datetime | None = None,
) -> KlantContact:
    """Record a contact with the customer, e.g. the call telling them a status."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    onderwerp = require_text(onderwerp, _("Give the subject of the contact."))
    number = zaak.klantcontacten.count() + 1
    klantcontact = KlantContact.objects.create(
        zaak=zaak,
        identificatie=f"KC-{number:04d}",
        datumtijd=datumtijd or workspace.clock,
        kanaal=kanaal[:20],
        onderwerp=onderwerp[:200],
        toelichting=toelichting[:1000],
    )
    trace(
        workspace,
        "zaak_klantcontact_add",
        actor=actor,
        zaak=zaak,
        payload={
            "kanaal": klantcontact.kanaal,
            "onderwerp": klantcontact.onderwerp,
            "toelichting": klantcontact.toelichting,
            "datumtijd": klantcontact.datumtijd,
        },
    )
    return klantcontact


@sandbox_action("zaak_relevante_zaak_add")
def zaak_relevante_zaak_add(
    *, zaak: Zaak, actor: Actor, andere_zaak: Zaak, aard_relatie: str
) -> RelevanteZaak:
    """Relate another zaak, e.g. the vergunningzaak a bezwaar is about."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    ensure_same_workspace(workspace, andere_zaak)
    _ensure_choice(aard_relatie, AardRelatie)
    if andere_zaak.pk == zaak.pk:
        raise SandboxRuleError(
            Rule.RELATED_ZAAK, _("A case cannot be related to itself.")
        )
    if zaak.relevante_zaak_relaties.filter(andere_zaak=andere_zaak).exists():
        raise SandboxRuleError(
            Rule.RELATED_ZAAK,
            _("Case %(zaak)s is already related.")
            % {"zaak": andere_zaak.identificatie},
        )
    relation = RelevanteZaak.objects.create(
        zaak=zaak, andere_zaak=andere_zaak, aard_relatie=aard_relatie
    )
    trace(
        workspace,
        "zaak_relevante_zaak_add",
        actor=actor,
        zaak=zaak,
        payload={
            "andere_zaak": andere_zaak.identificatie,
            "aard_relatie": aard_relatie,
        },
    )
    return relation


@sandbox_action("zaak_hoofdzaak_set")
def zaak_hoofdzaak_set(*, zaak: Zaak, actor: Actor, hoofdzaak: Zaak) -> Zaak:
    """Make ``zaak`` a deelzaak of ``hoofdzaak`` (zrc-013)."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    ensure_same_workspace(workspace, hoofdzaak)
    if hoofdzaak.pk == zaak.pk:
        raise SandboxRuleError(
            Rule.HOOFDZAAK_SELF, _("A case cannot be a sub-case of itself.")
        )
    _ensure_can_be_hoofdzaak(hoofdzaak)
    if zaak.deelzaken.exists():
        raise SandboxRuleError(
            Rule.HOOFDZAAK_IS_DEELZAAK,
            _(
                "Case %(zaak)s has sub-cases of its own, so it cannot become a "
                "sub-case: sub-cases of sub-cases are not allowed."
            )
            % {"zaak": zaak.identificatie},
        )
    zaak.hoofdzaak = hoofdzaak
    zaak.save(update_fields=["hoofdzaak"])
    trace(
        workspace,
        "zaak_hoofdzaak_set",
        actor=actor,
        zaak=zaak,
        payload={"hoofdzaak": hoofdzaak.identificatie},
    )
    return zaak


# --- Shared rules --------------------------------------------------------------


def _status_add(
    workspace: Workspace,
    zaak: Zaak,
    statustype: StatusType,
    statustoelichting: str,
    gezetdoor: Rol | None,
    *,
    reopening: bool = False,
) -> Status:
    if statustype.zaaktype_id != zaak.zaaktype_id:
        raise SandboxRuleError(
            Rule.STATUSTYPE_MISMATCH,
            _("Status “%(type)s” is not a status of case type “%(zaaktype)s”.")
            % {"type": statustype.omschrijving, "zaaktype": zaak.zaaktype.omschrijving},
        )
    if gezetdoor is not None and gezetdoor.zaak_id != zaak.pk:
        raise SandboxRuleError(
            Rule.ROLTYPE_MISMATCH,
            _("The person setting the status must have a role in this case."),
        )
    eindstatustype = zaak.zaaktype.eindstatustype()
    closes = statustype.pk == eindstatustype.pk
    if reopening and closes:
        raise SandboxRuleError(
            Rule.REOPEN_EINDSTATUS,
            _("Reopen the case with a status before the final status."),
        )
    current = zaak.status.statustype if zaak.status_id else None
    if (
        not reopening
        and current is not None
        and statustype.volgnummer <= current.volgnummer
    ):
        raise SandboxRuleError(
            Rule.STATUS_ORDER,
            _(
                "Status “%(type)s” comes before or is the current status "
                "“%(current)s”; statuses follow the order of the process."
            )
            % {"type": statustype.omschrijving, "current": current.omschrijving},
        )
    if closes:
        _ensure_can_close(zaak)
    status = Status.objects.create(
        zaak=zaak,
        statustype=statustype,
        datum_status_gezet=workspace.clock,
        statustoelichting=statustoelichting[:1000],
        gezetdoor=gezetdoor,
    )
    zaak.status = status
    if closes:
        # zrc-007: einddatum follows from the eindstatus; zrc-021: archive fields.
        zaak.einddatum = workspace.sandbox_today()
        archive = archive_parameters(zaak)
        zaak.archiefnominatie = archive.archiefnominatie
        zaak.archiefactiedatum = archive.archiefactiedatum
        zaak.startdatum_bewaartermijn = archive.startdatum_bewaartermijn
    zaak.save()
    return status


def _ensure_can_close(zaak: Zaak) -> None:
    if not Resultaat.objects.filter(zaak=zaak).exists():
        raise SandboxRuleError(
            Rule.RESULTAAT_REQUIRED,
            _("Record the result of case %(zaak)s before closing it.")
            % {"zaak": zaak.identificatie},
        )
    if zaak.opschorting_indicatie:
        raise SandboxRuleError(
            Rule.ZAAK_SUSPENDED,
            _("Case %(zaak)s is suspended. Resume it before closing it.")
            % {"zaak": zaak.identificatie},
        )
    unset = list(
        zaak.zaakinformatieobjecten.filter(
            informatieobject__indicatie_gebruiksrecht__isnull=True
        ).values_list("informatieobject__titel", flat=True)
    )
    if unset:
        raise SandboxRuleError(
            Rule.GEBRUIKSRECHT_UNSET,
            _(
                "State for every document whether usage rights apply before "
                "closing the case. Not yet stated for: %(titles)s."
            )
            % {"titles": ", ".join(unset)},
        )


def _ensure_can_be_hoofdzaak(hoofdzaak: Zaak) -> None:
    if hoofdzaak.hoofdzaak_id is not None:
        raise SandboxRuleError(
            Rule.HOOFDZAAK_IS_DEELZAAK,
            _(
                "Case %(zaak)s is itself a sub-case; sub-cases of sub-cases are "
                "not allowed."
            )
            % {"zaak": hoofdzaak.identificatie},
        )


def _ensure_choice(value: str, choices, *, blank: bool = False) -> None:
    # A form offers only valid choices; anything else is a programming error.
    if blank and not value:
        return
    if value not in choices.values:
        raise ValueError(f"{value!r} is not one of {choices.__name__}")


def _eigenschap_waarde(eigenschap: Eigenschap, waarde: str) -> str:
    waarde = (waarde or "").strip()
    formaat = eigenschap.specificatie_formaat

    def refuse(message: str) -> SandboxRuleError:
        return SandboxRuleError(Rule.EIGENSCHAP_WAARDE, message)

    if not waarde:
        raise refuse(_("Enter a value for “%(naam)s”.") % {"naam": eigenschap.naam})
    allowed = eigenschap.specificatie_waardenverzameling or []
    if allowed and waarde not in allowed:
        raise refuse(
            _("“%(naam)s” must be one of: %(values)s.")
            % {"naam": eigenschap.naam, "values": ", ".join(allowed)}
        )
    if formaat == EigenschapFormaat.GETAL:
        try:
            number = Decimal(waarde.replace(",", "."))
        except InvalidOperation:
            raise refuse(
                _("“%(naam)s” must be a number.") % {"naam": eigenschap.naam}
            ) from None
        return str(number)
    if formaat == EigenschapFormaat.DATUM:
        for parse in (date.fromisoformat, _dutch_date):
            try:
                return parse(waarde).isoformat()
            except ValueError:
                continue
        raise refuse(
            _("“%(naam)s” must be a date, e.g. 31-01-2025.") % {"naam": eigenschap.naam}
        )
    if formaat == EigenschapFormaat.DATUM_TIJD:
        try:
            return datetime.fromisoformat(waarde).isoformat()
        except ValueError:
            raise refuse(
                _("“%(naam)s” must be a date and time.") % {"naam": eigenschap.naam}
            ) from None
    if eigenschap.specificatie_lengte.isdigit() and len(waarde) > int(
        eigenschap.specificatie_lengte
    ):
        raise refuse(
            _("“%(naam)s” can be at most %(length)s characters long.")
            % {"naam": eigenschap.naam, "length": eigenschap.specificatie_lengte}
        )
    return waarde


def _dutch_date(value: str) -> date:
    return datetime.strptime(value, "%d-%m-%Y").date()


def _status_payload(status: Status) -> dict[str, Any]:
    statustype = status.statustype
    return {
        "statustype": statustype.omschrijving,
        "statustype_uuid": str(statustype.uuid),
        "volgnummer": statustype.volgnummer,
        "is_eindstatus": status.zaak.einddatum is not None
        and status.zaak.status_id == status.pk,
        "statustoelichting": status.statustoelichting,
        "datum_status_gezet": status.datum_status_gezet,
        # informeren: the initiator must be told; assessment looks for a
        # klantcontact or an outgoing letter afterwards.
        "informeren": statustype.informeren,
    }
