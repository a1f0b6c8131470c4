"""Documents: create, check out (lock), edit as a new version, check in, and file
them in a zaak (Documenten API 1.4.3 and zrc-017)."""

import secrets
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _

from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import (
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
    InformatieObjectType,
    Workspace,
    Zaak,
    ZaakInformatieObject,
)
from sandbox.models.choices import (
    DocumentStatus,
    OndertekeningSoort,
    Scope,
    Vertrouwelijkheidaanduiding,
)
from sandbox.services._actions import (
    Actor,
    begin,
    ensure_open,
    ensure_same_workspace,
    next_number,
    sandbox_action,
    trace,
)

# What document_update may change; the rest (identity, version, lock) is the system's.
UPDATABLE_FIELDS = frozenset(
    {
        "informatieobjecttype",
        "creatiedatum",
        "titel",
        "vertrouwelijkheidaanduiding",
        "auteur",
        "status",
        "formaat",
        "taal",
        "bestandsnaam",
        "beschrijving",
        "ontvangstdatum",
        "verzenddatum",
        "indicatie_gebruiksrecht",
        "ondertekening_soort",
        "ondertekening_datum",
    }
)


@sandbox_action("document_create")
def document_create(
    *,
    workspace: Workspace,
    actor: Actor,
    informatieobjecttype: InformatieObjectType,
    titel: str,
    auteur: str,
    creatiedatum: date | None = None,
    vertrouwelijkheidaanduiding: str = "",
    status: str = "",
    formaat: str = "",
    taal: str = "dut",
    bestandsnaam: str = "",
    beschrijving: str = "",
    ontvangstdatum: date | None = None,
    verzenddatum: date | None = None,
    indicatie_gebruiksrecht: bool | None = None,
    ondertekening_soort: str = "",
    ondertekening_datum: date | None = None,
    inhoud: File | bytes | None = None,
) -> EnkelvoudigInformatieObject:
    """Register a document (version 1). Without a vertrouwelijkheidaanduiding it
    takes the one of its informatieobjecttype."""
    workspace = begin(workspace, actor)
    today = workspace.sandbox_today()
    creatiedatum = creatiedatum or today
    if not informatieobjecttype.is_valid_on(today):
        raise SandboxRuleError(
            Rule.INFORMATIEOBJECTTYPE_NOT_IN_FORCE,
            _("Document type “%(type)s” is not in force.")
            % {"type": informatieobjecttype.omschrijving},
        )
    number = next_number(workspace, "document_counter")
    document = EnkelvoudigInformatieObject(
        workspace=workspace,
        identificatie=f"DOCUMENT-{today.year}-{number:010d}",
        bronorganisatie=workspace.bronorganisatie,
        informatieobjecttype=informatieobjecttype,
        creatiedatum=creatiedatum,
        titel=titel.strip()[:200],
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding
        or informatieobjecttype.vertrouwelijkheidaanduiding,
        auteur=auteur.strip()[:200],
        status=status,
        formaat=formaat,
        taal=taal,
        bestandsnaam=bestandsnaam,
        beschrijving=beschrijving[:1000],
        ontvangstdatum=ontvangstdatum,
        verzenddatum=verzenddatum,
        indicatie_gebruiksrecht=indicatie_gebruiksrecht,
        ondertekening_soort=ondertekening_soort,
        ondertekening_datum=ondertekening_datum,
        versie=1,
        begin_registratie=workspace.clock,
    )
    _ensure_consistent(document)
    document.save()
    _version_write(document, inhoud)
    trace(
        workspace,
        "document_create",
        actor=actor,
        payload={"document": document.identificatie, **_metadata(document)},
    )
    return document


@sandbox_action("document_lock")
def document_lock(*, document: EnkelvoudigInformatieObject, actor: Actor) -> str:
    """Check the document out; returns the lock value needed to edit or unlock it."""
    workspace = begin(document.workspace_id, actor)
    document.refresh_from_db()
    if document.locked:
        raise SandboxRuleError(
            Rule.DOCUMENT_ALREADY_LOCKED,
            _("“%(titel)s” is already checked out.") % {"titel": document.titel},
        )
    document.lock = secrets.token_hex(16)
    document.save(update_fields=["lock"])
    trace(
        workspace,
        "document_lock",
        actor=actor,
        payload={"document": document.identificatie},
    )
    return document.lock


@sandbox_action("document_unlock")
def document_unlock(
    *,
    document: EnkelvoudigInformatieObject,
    actor: Actor,
    lock: str = "",
    force: bool = False,
) -> EnkelvoudigInformatieObject:
    """Check the document in. Only with its lock value, or ``force`` with the
    scope to unlock documents checked out by someone else."""
    workspace = begin(document.workspace_id, actor)
    document.refresh_from_db()
    if not document.locked:
        raise SandboxRuleError(
            Rule.DOCUMENT_NOT_LOCKED,
            _("“%(titel)s” is not checked out.") % {"titel": document.titel},
        )
    forced = force and workspace.has_scope(Scope.DOCUMENTEN_GEFORCEERD_UNLOCK)
    if lock != document.lock and not forced:
        raise SandboxRuleError(
            Rule.DOCUMENT_LOCK_REQUIRED,
            _("“%(titel)s” is checked out by someone else.")
            % {"titel": document.titel},
        )
    document.lock = ""
    document.save(update_fields=["lock"])
    trace(
        workspace,
        "document_unlock",
        actor=actor,
        payload={"document": document.identificatie, "forced": forced and lock != ""},
    )
    return document


@sandbox_action("document_update")
def document_update(
    *,
    document: EnkelvoudigInformatieObject,
    actor: Actor,
    lock: str,
    changes: Mapping[str, Any],
    inhoud: File | bytes | None = None,
) -> EnkelvoudigInformatieObject:
    """Edit a checked-out document: every update is a new version."""
    workspace = begin(document.workspace_id, actor)
    document.refresh_from_db()
    unknown = set(changes) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"cannot update {sorted(unknown)}")
    if not document.locked or lock != document.lock:
        raise SandboxRuleError(
            Rule.DOCUMENT_LOCK_REQUIRED,
            _("Check “%(titel)s” out before editing it.") % {"titel": document.titel},
        )
    if document.status in (DocumentStatus.DEFINITIEF, DocumentStatus.GEARCHIVEERD):
        raise SandboxRuleError(
            Rule.DOCUMENT_FINAL,
            _("“%(titel)s” is final and can no longer be changed.")
            % {"titel": document.titel},
        )
    for name, value in changes.items():
        setattr(document, name, value)
    if "informatieobjecttype" in changes:
        _ensure_type_fits_zaken(document)
    _ensure_consistent(document)
    document.versie += 1
    document.begin_registratie = workspace.clock
    document.save()
    _version_write(document, inhoud)
    trace(
        workspace,
        "document_update",
        actor=actor,
        payload={
            "document": document.identificatie,
            "versie": document.versie,
            "gewijzigd": sorted(changes),
            **_metadata(document),
        },
    )
    return document


@sandbox_action("zaak_document_link")
def zaak_document_link(
    *,
    zaak: Zaak,
    actor: Actor,
    document: EnkelvoudigInformatieObject,
    titel: str = "",
    beschrijving: str = "",
) -> ZaakInformatieObject:
    """File a document in the zaak dossier; its type must be one the zaaktype
    uses (zrc-017)."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_same_workspace(workspace, document)
    ensure_open(workspace, zaak)
    if not zaak.zaaktype.informatieobjecttypen.filter(
        pk=document.informatieobjecttype_id
    ).exists():
        raise SandboxRuleError(
            Rule.INFORMATIEOBJECTTYPE_MISMATCH,
            _(
                "Documents of type “%(type)s” do not belong in cases of type "
                "“%(zaaktype)s”."
            )
            % {
                "type": document.informatieobjecttype.omschrijving,
                "zaaktype": zaak.zaaktype.omschrijving,
            },
        )
    if zaak.zaakinformatieobjecten.filter(informatieobject=document).exists():
        raise SandboxRuleError(
            Rule.DOCUMENT_ALREADY_LINKED,
            _("“%(titel)s” is already filed in case %(zaak)s.")
            % {"titel": document.titel, "zaak": zaak.identificatie},
        )
    link = ZaakInformatieObject.objects.create(
        zaak=zaak,
        informatieobject=document,
        titel=(titel or document.titel)[:200],
        beschrijving=beschrijving,
        registratiedatum=workspace.clock,
        status=zaak.status,
    )
    trace(
        workspace,
        "zaak_document_link",
        actor=actor,
        zaak=zaak,
        payload={
            "document": document.identificatie,
            "informatieobjecttype": document.informatieobjecttype.omschrijving,
            "titel": link.titel,
            "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
            "status": zaak.status.statustype.omschrijving if zaak.status else None,
        },
    )
    return link


# --- Rules and helpers ----------------------------------------------------------


def _ensure_consistent(document: EnkelvoudigInformatieObject) -> None:
    if document.vertrouwelijkheidaanduiding not in Vertrouwelijkheidaanduiding.values:
        raise ValueError("unknown vertrouwelijkheidaanduiding")
    if document.status and document.status not in DocumentStatus.values:
        raise ValueError("unknown document status")
    if document.ondertekening_soort and (
        document.ondertekening_soort not in OndertekeningSoort.values
    ):
        raise ValueError("unknown ondertekening soort")
    unfinished = (DocumentStatus.IN_BEWERKING, DocumentStatus.TER_VASTSTELLING)
    if document.ontvangstdatum and document.status in unfinished:
        raise SandboxRuleError(
            Rule.DOCUMENT_STATUS_RECEIVED,
            _(
                "A received document cannot be “being edited” or “for approval”; "
                "it is final as received."
            ),
        )
    if document.ondertekening_soort and document.status in unfinished:
        raise SandboxRuleError(
            Rule.DOCUMENT_SIGNATURE_STATUS,
            _("A document that is still being edited or approved cannot be signed."),
        )


def _ensure_type_fits_zaken(document: EnkelvoudigInformatieObject) -> None:
    for link in document.zaakinformatieobjecten.select_related("zaak__zaaktype"):
        zaaktype = link.zaak.zaaktype
        if not zaaktype.informatieobjecttypen.filter(
            pk=document.informatieobjecttype_id
        ).exists():
            raise SandboxRuleError(
                Rule.INFORMATIEOBJECTTYPE_MISMATCH,
                _(
                    "The document is filed in case %(zaak)s, where documents of "
                    "type “%(type)s” do not belong."
                )
                % {
                    "zaak": link.zaak.identificatie,
                    "type": document.informatieobjecttype.omschrijving,
                },
            )


def _version_write(
    document: EnkelvoudigInformatieObject, inhoud: File | bytes | None
) -> None:
    version = EnkelvoudigInformatieObjectVersie(
        document=document,
        versie=document.versie,
        begin_registratie=document.begin_registratie,
        metadata=_metadata(document),
    )
    if inhoud is None and document.versie > 1:
        # A metadata-only update keeps the previous content.
        previous = document.versies.filter(versie=document.versie - 1).first()
        if previous is not None and previous.inhoud:
            version.inhoud.name = previous.inhoud.name
            version.bestandsomvang = previous.bestandsomvang
    elif inhoud is not None:
        content = ContentFile(inhoud) if isinstance(inhoud, bytes) else inhoud
        name = document.bestandsnaam or getattr(content, "name", None) or "document"
        version.inhoud.save(name.rsplit("/", 1)[-1], content, save=False)
        version.bestandsomvang = version.inhoud.size
    version.save()


def _metadata(document: EnkelvoudigInformatieObject) -> dict[str, Any]:
    return {
        "informatieobjecttype": document.informatieobjecttype.omschrijving,
        "informatieobjecttype_uuid": str(document.informatieobjecttype.uuid),
        "titel": document.titel,
        "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
        "status": document.status,
        "auteur": document.auteur,
        "creatiedatum": document.creatiedatum.isoformat(),
        "ontvangstdatum": _iso(document.ontvangstdatum),
        "verzenddatum": _iso(document.verzenddatum),
        "indicatie_gebruiksrecht": document.indicatie_gebruiksrecht,
        "ondertekening_soort": document.ondertekening_soort,
        "bestandsnaam": document.bestandsnaam,
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
