"""Recording decisions (Besluiten API 1.0.2)."""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from sandbox.clock import term_end
from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import (
    Besluit,
    BesluitInformatieObject,
    BesluitType,
    EnkelvoudigInformatieObject,
    Workspace,
    Zaak,
)
from sandbox.models.choices import Vervalreden
from sandbox.services._actions import (
    Actor,
    begin,
    ensure_open,
    ensure_same_workspace,
    next_number,
    sandbox_action,
    trace,
)


@sandbox_action("besluit_record")
def besluit_record(
    *,
    workspace: Workspace,
    actor: Actor,
    besluittype: BesluitType,
    datum: date,
    ingangsdatum: date,
    zaak: Zaak | None = None,
    toelichting: str = "",
    bestuursorgaan: str = "",
    vervaldatum: date | None = None,
    vervalreden: str = "",
    publicatiedatum: date | None = None,
    verzenddatum: date | None = None,
    uiterlijke_reactiedatum: date | None = None,
    documenten: Iterable[EnkelvoudigInformatieObject] = (),
) -> Besluit:
    """Record a decision, usually the outcome of a zaak. Without an explicit
    uiterlijke reactiedatum it is the besluittype's reactietermijn counted from
    the day the decision was sent (or published), moved by the Atw."""
    workspace = begin(workspace, actor)
    today = workspace.sandbox_today()
    if not besluittype.is_valid_on(today):
        raise SandboxRuleError(
            Rule.BESLUITTYPE_NOT_IN_FORCE,
            _("Decision type “%(type)s” is not in force.")
            % {"type": besluittype.omschrijving},
        )
    if zaak is not None:
        ensure_same_workspace(workspace, zaak)
        zaak.refresh_from_db()
        # zrc-007: zaakbesluiten are part of the zaak and frozen once it is closed.
        ensure_open(workspace, zaak)
        if not zaak.zaaktype.besluittypen.filter(pk=besluittype.pk).exists():
            raise SandboxRuleError(
                Rule.BESLUITTYPE_MISMATCH,
                _(
                    "Decisions of type “%(type)s” are not taken in cases of type "
                    "“%(zaaktype)s”."
                )
                % {
                    "type": besluittype.omschrijving,
                    "zaaktype": zaak.zaaktype.omschrijving,
                },
            )
    if datum > today:
        raise SandboxRuleError(
            Rule.BESLUIT_DATUM_FUTURE,
            _("The decision date cannot be in the future."),
        )
    if vervaldatum is not None and vervaldatum < ingangsdatum:
        raise SandboxRuleError(
            Rule.BESLUIT_VERVALDATUM,
            _("A decision cannot expire before it takes effect."),
        )
    if vervalreden and vervalreden not in Vervalreden.values:
        raise ValueError(f"unknown vervalreden {vervalreden!r}")
    documenten = list(documenten)
    for document in documenten:
        ensure_same_workspace(workspace, document)
        _ensure_document_fits(besluittype, document)
    if uiterlijke_reactiedatum is None and besluittype.reactietermijn:
        bekendgemaakt = verzenddatum or publicatiedatum
        if bekendgemaakt is not None:
            # Awb 6:8: the term starts the day after the decision is made known.
            uiterlijke_reactiedatum = term_end(
                bekendgemaakt, besluittype.reactietermijn
            )
    number = next_number(workspace, "besluit_counter")
    besluit = Besluit.objects.create(
        workspace=workspace,
        identificatie=f"BESLUIT-{today.year}-{number:010d}",
        verantwoordelijke_organisatie=workspace.bronorganisatie,
        besluittype=besluittype,
        zaak=zaak,
        datum=datum,
        toelichting=toelichting,
        bestuursorgaan=bestuursorgaan[:50],
        ingangsdatum=ingangsdatum,
        vervaldatum=vervaldatum,
        vervalreden=vervalreden,
        publicatiedatum=publicatiedatum,
        verzenddatum=verzenddatum,
        uiterlijke_reactiedatum=uiterlijke_reactiedatum,
    )
    for document in documenten:
        BesluitInformatieObject.objects.create(
            besluit=besluit, informatieobject=document
        )
    trace(
        workspace,
        "besluit_record",
        actor=actor,
        zaak=zaak,
        payload={
            "besluit": besluit.identificatie,
            "besluittype": besluittype.omschrijving,
            "besluittype_uuid": str(besluittype.uuid),
            "datum": besluit.datum,
            "ingangsdatum": besluit.ingangsdatum,
            "vervaldatum": besluit.vervaldatum,
            "verzenddatum": besluit.verzenddatum,
            "publicatiedatum": besluit.publicatiedatum,
            "uiterlijke_reactiedatum": besluit.uiterlijke_reactiedatum,
            "documenten": [document.identificatie for document in documenten],
        },
    )
    return besluit


@sandbox_action("besluit_document_link")
def besluit_document_link(
    *, besluit: Besluit, actor: Actor, document: EnkelvoudigInformatieObject
) -> BesluitInformatieObject:
    """Record that ``document`` holds (part of) the decision."""
    workspace = begin(besluit.workspace_id, actor)
    ensure_same_workspace(workspace, document)
    if besluit.zaak_id is not None:
        ensure_open(workspace, besluit.zaak)
    _ensure_document_fits(besluit.besluittype, document)
    if besluit.besluitinformatieobjecten.filter(informatieobject=document).exists():
        raise SandboxRuleError(
            Rule.DOCUMENT_ALREADY_LINKED,
            _("“%(titel)s” is already linked to this decision.")
            % {"titel": document.titel},
        )
    link = BesluitInformatieObject.objects.create(
        besluit=besluit, informatieobject=document
    )
    trace(
        workspace,
        "besluit_document_link",
        actor=actor,
        zaak=besluit.zaak,
        payload={"besluit": besluit.identificatie, "document": document.identificatie},
    )
    return link


def _ensure_document_fits(
    besluittype: BesluitType, document: EnkelvoudigInformatieObject
) -> None:
    if not besluittype.informatieobjecttypen.filter(
        pk=document.informatieobjecttype_id
    ).exists():
        raise SandboxRuleError(
            Rule.BESLUIT_INFORMATIEOBJECTTYPE,
            _("A decision of type “%(type)s” is not recorded in a “%(iotype)s”.")
            % {
                "type": besluittype.omschrijving,
                "iotype": document.informatieobjecttype.omschrijving,
            },
        )
