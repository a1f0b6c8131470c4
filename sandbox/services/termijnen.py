"""Terms of a zaak: the legal end date, opschorting (suspension) and verlenging
(extension), all on the workspace's sandbox clock."""

from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sandbox.clock import add_term, atw_adjust, next_working_day
from sandbox.durations import parse_duration
from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import Zaak
from sandbox.services._actions import (
    Actor,
    begin,
    ensure_open,
    require_text,
    sandbox_action,
    trace,
)


def zaak_deadlines(zaak: Zaak) -> tuple[date | None, date]:
    """(einddatum_gepland, uiterlijke_einddatum_afdoening) of ``zaak``.

    The legal end date runs from the startdatum for the zaaktype's doorlooptijd,
    plus the verlenging and the days the zaak was suspended, and is then moved by
    the Algemene termijnenwet. The planned date follows the servicenorm and the
    suspensions, and falls on a working day.
    """
    zaaktype = zaak.zaaktype
    doorlooptijd = parse_duration(zaaktype.doorlooptijd)
    raw_end = doorlooptijd.add_to(zaak.startdatum)
    in_months = doorlooptijd.in_calendar_months
    if zaak.verlenging_duur:
        verlenging = parse_duration(zaak.verlenging_duur)
        raw_end = verlenging.add_to(raw_end)
        in_months = in_months or verlenging.in_calendar_months
    suspended = timedelta(days=zaak.opschorting_dagen)
    uiterlijk = atw_adjust(
        zaak.startdatum, raw_end + suspended, in_months_or_years=in_months
    )
    gepland = None
    if zaaktype.servicenorm:
        gepland = next_working_day(
            add_term(zaak.startdatum, zaaktype.servicenorm) + suspended
        )
    return gepland, uiterlijk


def zaak_deadlines_apply(zaak: Zaak) -> None:
    """Set both end dates from :func:`zaak_deadlines` (not saved)."""
    zaak.einddatum_gepland, zaak.uiterlijke_einddatum_afdoening = zaak_deadlines(zaak)


@sandbox_action("zaak_opschorten")
def zaak_opschorten(*, zaak: Zaak, actor: Actor, reden: str) -> Zaak:
    """Stop the clock (Awb 4:15), e.g. while waiting for missing documents."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if not zaak.zaaktype.opschorting_en_aanhouding_mogelijk:
        raise SandboxRuleError(
            Rule.OPSCHORTING_NOT_ALLOWED,
            _("Cases of type “%(zaaktype)s” cannot be suspended.")
            % {"zaaktype": zaak.zaaktype.omschrijving},
        )
    if zaak.opschorting_indicatie:
        raise SandboxRuleError(
            Rule.OPSCHORTING_ACTIVE,
            _("Case %(zaak)s is already suspended.") % {"zaak": zaak.identificatie},
        )
    reden = require_text(
        reden, _("Give the reason for suspending the case, e.g. the missing documents.")
    )
    zaak.opschorting_indicatie = True
    zaak.opschorting_reden = reden[:200]
    zaak.opschorting_sinds = workspace.sandbox_today()
    zaak.save()
    trace(
        workspace,
        "zaak_opschorten",
        actor=actor,
        zaak=zaak,
        payload={"reden": zaak.opschorting_reden, "sinds": zaak.opschorting_sinds},
    )
    return zaak


@sandbox_action("zaak_hervatten")
def zaak_hervatten(*, zaak: Zaak, actor: Actor, toelichting: str = "") -> Zaak:
    """Restart the clock; the end dates move by the days the case was suspended."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if not zaak.opschorting_indicatie:
        raise SandboxRuleError(
            Rule.OPSCHORTING_NOT_ACTIVE,
            _("Case %(zaak)s is not suspended.") % {"zaak": zaak.identificatie},
        )
    today = workspace.sandbox_today()
    days = max((today - zaak.opschorting_sinds).days, 0)
    previous_end = zaak.uiterlijke_einddatum_afdoening
    zaak.opschorting_dagen += days
    zaak.opschorting_indicatie = False
    # The API keeps the last reason; the sandbox does too (Open Zaak shows it as
    # eerdereOpschorting).
    zaak.opschorting_sinds = None
    zaak_deadlines_apply(zaak)
    zaak.save()
    trace(
        workspace,
        "zaak_hervatten",
        actor=actor,
        zaak=zaak,
        payload={
            "dagen_opgeschort": days,
            "toelichting": toelichting,
            "uiterlijke_einddatum_afdoening_was": previous_end,
            "uiterlijke_einddatum_afdoening": zaak.uiterlijke_einddatum_afdoening,
            "einddatum_gepland": zaak.einddatum_gepland,
        },
    )
    return zaak


@sandbox_action("zaak_verlengen")
def zaak_verlengen(*, zaak: Zaak, actor: Actor, reden: str, duur: str) -> Zaak:
    """Extend the legal term once, by at most the zaaktype's verlengingstermijn,
    and only while the term is still running (Awb 4:14, Woo 4.4, Awb 7:10, 9:11)."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    zaaktype = zaak.zaaktype
    if not zaaktype.verlenging_mogelijk or not zaaktype.verlengingstermijn:
        raise SandboxRuleError(
            Rule.VERLENGING_NOT_ALLOWED,
            _("The term of cases of type “%(zaaktype)s” cannot be extended.")
            % {"zaaktype": zaaktype.omschrijving},
        )
    if zaak.verlenging_duur:
        raise SandboxRuleError(
            Rule.VERLENGING_ONCE,
            _(
                "The term of case %(zaak)s has already been extended; it can be extended only once."
            )
            % {"zaak": zaak.identificatie},
        )
    reden = require_text(
        reden, _("Give the reason for extending the term; the customer must be told.")
    )
    try:
        extension = parse_duration(duur)
    except ValueError:
        raise SandboxRuleError(
            Rule.VERLENGING_TOO_LONG,
            _("Enter the extension as a period, e.g. 6 weeks (P6W)."),
        ) from None
    reference = zaak.uiterlijke_einddatum_afdoening
    maximum = parse_duration(zaaktype.verlengingstermijn)
    if extension.add_to(reference) <= reference or (
        extension.add_to(reference) > maximum.add_to(reference)
    ):
        raise SandboxRuleError(
            Rule.VERLENGING_TOO_LONG,
            _("The term can be extended by at most %(maximum)s.")
            % {"maximum": zaaktype.verlengingstermijn},
        )
    today = workspace.sandbox_today()
    if today > reference:
        raise SandboxRuleError(
            Rule.VERLENGING_TOO_LATE,
            _(
                "The term ended on %(date)s. An extension must be decided and "
                "announced before the term ends."
            )
            % {"date": date_format(reference, "SHORT_DATE_FORMAT")},
        )
    zaak.verlenging_reden = reden[:200]
    zaak.verlenging_duur = str(extension)
    zaak_deadlines_apply(zaak)
    zaak.save()
    trace(
        workspace,
        "zaak_verlengen",
        actor=actor,
        zaak=zaak,
        payload={
            "reden": zaak.verlenging_reden,
            "duur": zaak.verlenging_duur,
            "uiterlijke_einddatum_afdoening_was": reference,
            "uiterlijke_einddatum_afdoening": zaak.uiterlijke_einddatum_afdoening,
        },
    )
    return zaak
