"""The one exception a practice-case action raises when the rules say no."""

from enum import StrEnum


class Rule(StrEnum):
    """Stable codes for the rules the sandbox enforces.

    ``zrc-*`` are the Zaken API's "specificatie van gedrag", ``drc-*`` and ``brc-*``
    the validations the Documenten and Besluiten APIs document, ``sandbox-*`` the
    rules of practice a municipal case system adds (terms, the clock). Assessment
    checks and tests refer to these codes, never to message texts.
    """

    ZAAKTYPE_NOT_IN_FORCE = "zrc-001-zaaktype-not-in-force"
    ZAAKTYPE_INCOMPLETE = "zrc-007-zaaktype-without-statustypen"
    ZAAK_CLOSED = "zrc-007-zaak-closed"
    RESULTAAT_REQUIRED = "zrc-007-resultaat-required"
    GEBRUIKSRECHT_UNSET = "zrc-007-indicatiegebruiksrecht-unset"
    REOPEN_NOT_PERMITTED = "zrc-008-heropenen-scope"
    REOPEN_NOT_CLOSED = "zrc-008-zaak-not-closed"
    REOPEN_EINDSTATUS = "zrc-008-eindstatus"
    HOOFDZAAK_IS_DEELZAAK = "zrc-013-deelzaak-of-deelzaak"
    HOOFDZAAK_SELF = "zrc-013-own-hoofdzaak"
    BETALING_NVT = "zrc-014-betaaldatum-nvt"
    STATUSTYPE_MISMATCH = "zrc-016-statustype"
    INFORMATIEOBJECTTYPE_MISMATCH = "zrc-017-informatieobjecttype"
    EIGENSCHAP_MISMATCH = "zrc-018-eigenschap"
    ROLTYPE_MISMATCH = "zrc-019-roltype"
    RESULTAATTYPE_MISMATCH = "zrc-020-resultaattype"
    STATUS_ORDER = "sandbox-status-order"
    ZAAK_SUSPENDED = "sandbox-zaak-suspended"
    OPSCHORTING_NOT_ALLOWED = "sandbox-opschorting-not-allowed"
    OPSCHORTING_ACTIVE = "sandbox-opschorting-active"
    OPSCHORTING_NOT_ACTIVE = "sandbox-opschorting-not-active"
    REASON_REQUIRED = "sandbox-reason-required"
    VERLENGING_NOT_ALLOWED = "sandbox-verlenging-not-allowed"
    VERLENGING_ONCE = "sandbox-verlenging-once"
    VERLENGING_TOO_LONG = "sandbox-verlenging-too-long"
    VERLENGING_TOO_LATE = "sandbox-verlenging-after-term"
    DOCUMENT_LOCK_REQUIRED = "drc-lock-required"
    DOCUMENT_ALREADY_LOCKED = "drc-already-locked"
    DOCUMENT_NOT_LOCKED = "drc-not-locked"
    DOCUMENT_FINAL = "drc-status-definitief"
    DOCUMENT_STATUS_RECEIVED = "drc-status-ontvangstdatum"
    DOCUMENT_SIGNATURE_STATUS = "drc-ondertekening-status"
    DOCUMENT_ALREADY_LINKED = "zrc-document-already-linked"
    INFORMATIEOBJECTTYPE_NOT_IN_FORCE = "drc-informatieobjecttype-not-in-force"
    BESLUITTYPE_NOT_IN_FORCE = "brc-besluittype-not-in-force"
    BESLUITTYPE_MISMATCH = "brc-besluittype-zaaktype"
    BESLUIT_DATUM_FUTURE = "brc-datum-future"
    BESLUIT_VERVALDATUM = "brc-vervaldatum-before-ingangsdatum"
    BESLUIT_INFORMATIEOBJECTTYPE = "brc-informatieobjecttype"
    OTHER_WORKSPACE = "sandbox-other-workspace"
    RELATED_ZAAK = "sandbox-relevante-zaak"
    EIGENSCHAP_WAARDE = "sandbox-eigenschap-waarde"
    BETROKKENE_INVALID = "sandbox-betrokkene-invalid"
    ZAAKOBJECT_INVALID = "sandbox-zaakobject-invalid"
    CLOCK_BACKWARDS = "sandbox-clock-backwards"
    CLOCK_STEP = "sandbox-clock-step"


class SandboxRuleError(Exception):
    """A practice-case action the rules do not allow.

    ``message`` is for the learner (translated into the active language when it
    was raised); ``rule`` says which rule refused, for assessment and tests.
    Views show the message; they never let it become a server error.
    """

    def __init__(self, rule: Rule, message: str):
        super().__init__(message)
        self.rule = rule
        self.message = str(message)

    def __str__(self) -> str:
        return self.message
