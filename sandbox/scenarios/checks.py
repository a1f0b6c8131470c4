"""The declarative check library of scenario assessment.

Each check type is a small class: the parameters an editor sets (a Wagtail block per
type, see :mod:`sandbox.scenarios.blocks`), :meth:`Check.validate` run when the
editor saves, and :meth:`Check.evaluate` over an :class:`AssessmentContext`: the
attempt's end state *and* its ordered action trace on the sandbox clock.

A check only reports whether it passed and a short factual detail; the points
(weight) and the learner's feedback texts come from the scenario.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sandbox.models.choices import (
    AardRelatie,
    BetrokkeneType,
    Communicatiekanaal,
    DocumentStatus,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheidaanduiding,
    ZaakObjectType,
)
from sandbox.validators import is_valid_bsn, is_valid_kvk_nummer

V = Vertrouwelijkheidaanduiding


@dataclass(frozen=True)
class Outcome:
    passed: bool
    detail: str = ""


@dataclass
class AssessmentContext:
    """What a check looks at: the workspace's zaken (end state), the trace, and
    the zaak the scenario is about (``subject``)."""

    workspace: Any
    trace: list[Any]
    subject: Any | None
    seeded: dict[str, str] = field(default_factory=dict)

    @cached_property
    def zaken(self) -> list[Any]:
        from sandbox.models import Zaak

        return list(
            Zaak.objects.filter(workspace=self.workspace).select_related("zaaktype")
        )

    def done(self, *actions: str, zaak=None) -> list[Any]:
        """Actions carried out (not refused), in order; optionally on one zaak."""
        return [
            entry
            for entry in self.trace
            if entry.outcome == "done"
            and (not actions or entry.action in actions)
            and (zaak is None or entry.zaak_id == zaak.pk)
        ]

    def by_learner(self) -> list[Any]:
        return [entry for entry in self.trace if entry.actor_id is not None]


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _day(entry) -> date:
    from django.utils import timezone

    return timezone.localdate(entry.sandbox_time)


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


NO_CASE = gettext_lazy("No case was registered for this scenario.")


class Check:
    """One kind of check. Subclasses set ``type`` and ``label`` and implement
    :meth:`evaluate`; :meth:`validate` returns ``{param: message}``."""

    type: ClassVar[str]
    label: ClassVar[Any]
    # Names of parameters that hold a zaaktype-bound catalogue name, checked
    # against the scenario's zaaktype when the scenario is saved.
    iotype_params: ClassVar[tuple[str, ...]] = ()
    needs_subject: ClassVar[bool] = True

    def validate(self, params: dict[str, Any]) -> dict[str, str]:
        return {}

    def run(self, ctx: AssessmentContext, params: dict[str, Any]) -> Outcome:
        if self.needs_subject and ctx.subject is None:
            return Outcome(False, str(NO_CASE))
        return self.evaluate(ctx, params)

    def evaluate(self, ctx: AssessmentContext, params: dict[str, Any]) -> Outcome:
        raise NotImplementedError


REGISTRY: dict[str, Check] = {}


def register(cls: type[Check]) -> type[Check]:
    REGISTRY[cls.type] = cls()
    return cls


def check_for(type_: str) -> Check:
    return REGISTRY[type_]


# --- The checks -------------------------------------------------------------------


@register
class ZaaktypeCheck(Check):
    type = "zaaktype"
    label = gettext_lazy("Right case type chosen")

    def evaluate(self, ctx, params):
        chosen = ctx.subject.zaaktype
        if chosen.identificatie == params["zaaktype"]:
            return Outcome(True, _("Registered as “%s”.") % chosen.omschrijving)
        return Outcome(False, _("Registered as “%s”.") % chosen.omschrijving)


@register
class InitiatorCheck(Check):
    type = "initiator"
    label = gettext_lazy("Initiator registered correctly")

    def validate(self, params):
        errors = {}
        if params.get("bsn") and not is_valid_bsn(params["bsn"]):
            errors["bsn"] = _("This BSN does not pass the 11-proef.")
        if params.get("kvk_nummer") and not is_valid_kvk_nummer(params["kvk_nummer"]):
            errors["kvk_nummer"] = _("A KvK number has eight digits.")
        return errors

    def evaluate(self, ctx, params):
        rollen = [
            rol
            for rol in ctx.subject.rollen.select_related(
                "roltype", "natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"
            )
            if rol.roltype.omschrijving_generiek == RolOmschrijvingGeneriek.INITIATOR
        ]
        if not rollen:
            return Outcome(False, _("No initiator was registered."))
        if len(rollen) > 1:
            return Outcome(False, _("More than one initiator was registered."))
        rol = rollen[0]
        expected_type = params.get("betrokkene_type")
        if expected_type and rol.betrokkene_type != expected_type:
            return Outcome(
                False,
                _("The initiator was registered as “%s”.")
                % rol.get_betrokkene_type_display(),
            )
        betrokkene = rol.betrokkene
        if params.get("bsn"):
            bsn = getattr(betrokkene, "inp_bsn", "")
            if bsn != params["bsn"]:
                return Outcome(False, _("The initiator's BSN is missing or wrong."))
        if params.get("kvk_nummer"):
            if getattr(betrokkene, "kvk_nummer", "") != params["kvk_nummer"]:
                return Outcome(False, _("The KvK number is missing or wrong."))
        if params.get("naam"):
            if params["naam"].lower() not in rol.betrokkene_naam.lower():
                return Outcome(False, _("The initiator's name is missing or wrong."))
        return Outcome(True, _("Initiator: %s.") % rol.betrokkene_naam)


@register
class BehandelaarCheck(Check):
    type = "behandelaar"
    label = gettext_lazy("Case handler assigned")

    def evaluate(self, ctx, params):
        assigned = ctx.subject.rollen.filter(
            roltype__omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR
        ).exists()
        if assigned:
            return Outcome(True, _("A case handler is assigned."))
        return Outcome(False, _("Nobody was assigned as case handler."))


@register
class IntakeCheck(Check):
    type = "intake"
    label = gettext_lazy("Intake data: start date and channel")

    def validate(self, params):
        kanaal = params.get("communicatiekanaal")
        if kanaal and kanaal not in Communicatiekanaal.values:
            return {"communicatiekanaal": _("Choose a channel from the list.")}
        return {}

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        expected = _as_date(params.get("startdatum"))
        if expected and zaak.startdatum != expected:
            return Outcome(
                False,
                _("Start date %(got)s; the request came in on %(expected)s.")
                % {
                    "got": zaak.startdatum.isoformat(),
                    "expected": expected.isoformat(),
                },
            )
        kanaal = params.get("communicatiekanaal")
        if kanaal and zaak.communicatiekanaal != kanaal:
            return Outcome(False, _("The channel of the request is missing or wrong."))
        return Outcome(True, _("Start date %s.") % zaak.startdatum.isoformat())


@register
class DocumentCheck(Check):
    type = "document"
    label = gettext_lazy("Document filed with the right type and confidentiality")
    iotype_params = ("informatieobjecttype",)

    def validate(self, params):
        if params.get("minimum", 1) < 1:
            return {"minimum": _("At least one.")}
        return {}

    def evaluate(self, ctx, params):
        wanted = params["informatieobjecttype"]
        links = [
            link
            for link in ctx.subject.zaakinformatieobjecten.select_related(
                "informatieobject__informatieobjecttype"
            )
            if link.informatieobject.informatieobjecttype.omschrijving == wanted
        ]
        if not links:
            return Outcome(False, _("No document of type “%s” in the case.") % wanted)
        minimum = params.get("min_vertrouwelijkheid")
        status = params.get("status")
        good = [
            link.informatieobject
            for link in links
            if (
                not minimum
                or V.rank(link.informatieobject.vertrouwelijkheidaanduiding)
                >= V.rank(minimum)
            )
            and (not status or link.informatieobject.status == status)
            and (
                not params.get("gebruiksrecht_set")
                or link.informatieobject.indicatie_gebruiksrecht is not None
            )
        ]
        if len(good) < (params.get("minimum") or 1):
            document = links[0].informatieobject
            return Outcome(
                False,
                _(
                    "“%(titel)s” is filed, but its confidentiality (%(v)s) or "
                    "status is not right."
                )
                % {
                    "titel": document.titel,
                    "v": document.get_vertrouwelijkheidaanduiding_display(),
                },
            )
        return Outcome(True, _("“%s” is filed in the case.") % good[0].titel)


@register
class StatusOrderCheck(Check):
    type = "status_order"
    label = gettext_lazy("Statuses in order, each with an explanation")

    def evaluate(self, ctx, params):
        entries = ctx.done("zaak_status_set", "zaak_close", zaak=ctx.subject)
        required = _split(params.get("statustypen", ""))
        if not entries:
            return Outcome(False, _("No status was set after registration."))
        numbers = [entry.payload.get("volgnummer", 0) for entry in entries]
        if numbers != sorted(numbers):
            return Outcome(
                False, _("Statuses were not set in the order of the process.")
            )
        if params.get("toelichting_required", True):
            missing = [
                entry.payload.get("statustype", "")
                for entry in entries
                if not (entry.payload.get("statustoelichting") or "").strip()
            ]
            if missing:
                return Outcome(
                    False,
                    _("No explanation with status: %s.") % ", ".join(missing),
                )
        names = {entry.payload.get("statustype") for entry in entries}
        absent = [name for name in required if name not in names]
        if absent:
            return Outcome(False, _("Status not set: %s.") % ", ".join(absent))
        return Outcome(True, _("%d statuses set in order.") % len(entries))


@register
class InformerenCheck(Check):
    type = "informeren"
    label = gettext_lazy("Customer informed where the status requires it")

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        statuses = ctx.done(
            "zaak_register", "zaak_status_set", "zaak_close", "zaak_reopen", zaak=zaak
        )
        told = [
            entry.sequence
            for entry in ctx.done(
                "zaak_klantcontact_add", "zaak_document_link", zaak=zaak
            )
            if entry.actor_id is not None
        ]
        uninformed = []
        for index, entry in enumerate(statuses):
            status = entry.payload.get("status") or entry.payload
            if entry.actor_id is None or not status.get("informeren"):
                continue
            if entry.action == "zaak_close":
                # Nothing can be added to a closed case: tell them just before.
                low = statuses[index - 1].sequence if index else 0
                high = entry.sequence
            else:
                low = entry.sequence
                high = (
                    statuses[index + 1].sequence
                    if index + 1 < len(statuses)
                    else float("inf")
                )
            if not any(low < sequence < high for sequence in told):
                uninformed.append(status.get("statustype", ""))
        if uninformed:
            return Outcome(
                False,
                _("Not informed after status: %s.") % ", ".join(uninformed),
            )
        return Outcome(True, _("The customer was informed at every status."))


@register
class OpschortingCheck(Check):
    type = "opschorting"
    label = gettext_lazy("Suspended with a reason, after a request document")
    iotype_params = ("verzoek_informatieobjecttype",)

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        suspensions = ctx.done("zaak_opschorten", zaak=zaak)
        if not suspensions:
            return Outcome(False, _("The case was not suspended."))
        first = suspensions[0]
        if not (first.payload.get("reden") or "").strip():
            return Outcome(False, _("The suspension has no reason."))
        wanted = params.get("verzoek_informatieobjecttype")
        if wanted:
            requests = [
                entry
                for entry in ctx.done("zaak_document_link", zaak=zaak)
                if entry.payload.get("informatieobjecttype") == wanted
                and _day(entry) <= _day(first)
            ]
            if not requests:
                return Outcome(
                    False,
                    _("No “%s” was filed before the case was suspended.") % wanted,
                )
        if params.get("hervat_required", True):
            resumed = [
                entry
                for entry in ctx.done("zaak_hervatten", zaak=zaak)
                if entry.sequence > first.sequence
            ]
            if not resumed:
                return Outcome(False, _("The case was suspended but never resumed."))
        return Outcome(True, _("Suspended: %s.") % first.payload.get("reden", ""))


@register
class VerlengingCheck(Check):
    type = "verlenging"
    label = gettext_lazy("Term extended once, in time and in writing")
    iotype_params = ("brief_informatieobjecttype",)

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        extensions = ctx.done("zaak_verlengen", zaak=zaak)
        if not params.get("required", True):
            if extensions:
                return Outcome(False, _("The term was extended without need."))
            return Outcome(True, _("The term was not extended."))
        if not extensions:
            return Outcome(False, _("The term was not extended."))
        extension = extensions[0]
        deadline = _as_date(extension.payload.get("uiterlijke_einddatum_afdoening_was"))
        if deadline and _day(extension) > deadline:
            return Outcome(False, _("The term was extended after it had run out."))
        wanted = params.get("brief_informatieobjecttype")
        if wanted:
            letters = [
                entry
                for entry in ctx.done("zaak_document_link", zaak=zaak)
                if entry.payload.get("informatieobjecttype") == wanted
                and (deadline is None or _day(entry) <= deadline)
            ]
            if not letters:
                return Outcome(
                    False,
                    _("No “%s” was filed before the original term ended.") % wanted,
                )
        return Outcome(
            True,
            _("Extended by %(duur)s on %(day)s.")
            % {"duur": extension.payload.get("duur"), "day": _day(extension)},
        )


@register
class ResultaatCheck(Check):
    type = "resultaat"
    label = gettext_lazy("Right result recorded before closing")

    def evaluate(self, ctx, params):
        from sandbox.models import Resultaat

        zaak = ctx.subject
        resultaat = (
            Resultaat.objects.filter(zaak=zaak).select_related("resultaattype").first()
        )
        if resultaat is None:
            return Outcome(False, _("No result was recorded."))
        accepted = _split(params["resultaattypen"])
        name = resultaat.resultaattype.omschrijving
        if name not in accepted:
            return Outcome(False, _("Result “%s” does not fit this case.") % name)
        return Outcome(True, _("Result “%s”.") % name)


@register
class BesluitCheck(Check):
    type = "besluit"
    label = gettext_lazy("Decision recorded")

    def evaluate(self, ctx, params):
        besluiten = list(
            ctx.subject.besluiten.select_related("besluittype").prefetch_related(
                "besluitinformatieobjecten"
            )
        )
        wanted = params.get("besluittype")
        matching = [
            b for b in besluiten if not wanted or b.besluittype.omschrijving == wanted
        ]
        if not matching:
            return Outcome(False, _("No decision of the right type was recorded."))
        besluit = matching[0]
        if params.get("document_required") and not list(
            besluit.besluitinformatieobjecten.all()
        ):
            return Outcome(False, _("The decision document is not linked."))
        if params.get("verzenddatum_required") and besluit.verzenddatum is None:
            return Outcome(False, _("The date the decision was sent is missing."))
        return Outcome(True, _("Decision %s recorded.") % besluit.identificatie)


@register
class ClosedInTimeCheck(Check):
    type = "closed_in_time"
    label = gettext_lazy("Case closed within the term")

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        if zaak.einddatum is None:
            return Outcome(False, _("The case was not closed."))
        against = params.get("against") or "uiterlijke_einddatum_afdoening"
        deadline = getattr(zaak, against)
        if deadline is not None and zaak.einddatum > deadline:
            return Outcome(
                False,
                _("Closed on %(end)s, after the final date %(deadline)s.")
                % {"end": zaak.einddatum, "deadline": deadline},
            )
        return Outcome(True, _("Closed on %s.") % zaak.einddatum)


_NINE_DIGITS = re.compile(r"(?<!\d)(\d{9}|\d{4}[ .]\d{2}[ .]\d{3})(?!\d)")


def bsns_in(text: str) -> list[str]:
    """Nine-digit numbers in ``text`` that pass the 11-proef (a BSN, or an RSIN)."""
    found = []
    for match in _NINE_DIGITS.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group(0))
        if is_valid_bsn(digits):
            found.append(digits)
    return found


def _free_texts(zaak) -> Iterable[str]:
    yield zaak.omschrijving
    yield zaak.toelichting
    yield zaak.opschorting_reden
    yield zaak.verlenging_reden
    for status in zaak.statussen.all():
        yield status.statustoelichting
    for contact in zaak.klantcontacten.all():
        yield contact.onderwerp
        yield contact.toelichting
    for rol in zaak.rollen.all():
        yield rol.roltoelichting
    for link in zaak.zaakinformatieobjecten.select_related("informatieobject"):
        yield link.titel
        yield link.beschrijving
        yield link.informatieobject.titel
        yield link.informatieobject.beschrijving
    for besluit in zaak.besluiten.all():
        yield besluit.toelichting
    resultaat = getattr(zaak, "resultaat", None)
    if resultaat is not None:
        yield resultaat.toelichting


@register
class NoBsnInFreeTextCheck(Check):
    type = "no_bsn_in_free_text"
    label = gettext_lazy("No BSN in free text")
    needs_subject = False

    def evaluate(self, ctx, params):
        for zaak in ctx.zaken:
            for text in _free_texts(zaak):
                if bsns_in(text):
                    return Outcome(
                        False,
                        _("Case %s has a BSN in a free text field.")
                        % zaak.identificatie,
                    )
        return Outcome(True, _("No BSN found in free text."))


@register
class RelatedZaakCheck(Check):
    type = "related_zaak"
    label = gettext_lazy("Related case linked")

    def evaluate(self, ctx, params):
        zaak = ctx.subject
        key = params.get("seeded_key")
        zaaktype = params.get("zaaktype")

        def fits(other) -> bool:
            if key and ctx.seeded.get(key) != other.identificatie:
                return False
            return not zaaktype or other.zaaktype.identificatie == zaaktype

        if params.get("as_hoofdzaak"):
            hoofdzaak = zaak.hoofdzaak
            if hoofdzaak is not None and fits(hoofdzaak):
                return Outcome(True, _("Sub-case of %s.") % hoofdzaak.identificatie)
            return Outcome(False, _("The case is not a sub-case of the right case."))
        aard = params.get("aard_relatie")
        for relation in zaak.relevante_zaak_relaties.select_related(
            "andere_zaak__zaaktype"
        ):
            if fits(relation.andere_zaak) and (
                not aard or relation.aard_relatie == aard
            ):
                return Outcome(
                    True, _("Related to %s.") % relation.andere_zaak.identificatie
                )
        return Outcome(False, _("The related case is not linked."))


@register
class VertrouwelijkheidCheck(Check):
    type = "vertrouwelijkheid"
    label = gettext_lazy("Case confidentiality high enough")

    def evaluate(self, ctx, params):
        value = ctx.subject.vertrouwelijkheidaanduiding
        if V.rank(value) >= V.rank(params["minimum"]):
            return Outcome(True, _("Confidentiality: %s.") % V(value).label)
        return Outcome(False, _("Confidentiality: %s.") % V(value).label)


@register
class EigenschapCheck(Check):
    type = "eigenschap"
    label = gettext_lazy("Case property filled in")

    def evaluate(self, ctx, params):
        values = [
            ze.waarde
            for ze in ctx.subject.zaakeigenschappen.select_related("eigenschap")
            if ze.eigenschap.naam == params["naam"]
        ]
        if not values:
            return Outcome(False, _("“%s” was not filled in.") % params["naam"])
        expected = (params.get("waarde") or "").strip()
        if expected and expected.lower() not in (v.lower() for v in values):
            return Outcome(False, _("“%s” has the wrong value.") % params["naam"])
        return Outcome(
            True,
            _("“%(naam)s”: %(waarde)s.")
            % {"naam": params["naam"], "waarde": values[0]},
        )


@register
class ZaakObjectCheck(Check):
    type = "zaakobject"
    label = gettext_lazy("Object of the case recorded")

    def validate(self, params):
        if params.get("object_type") not in ZaakObjectType.values:
            return {"object_type": _("Choose an object type.")}
        return {}

    def evaluate(self, ctx, params):
        if ctx.subject.zaakobjecten.filter(object_type=params["object_type"]).exists():
            return Outcome(True, _("The object is recorded."))
        return Outcome(False, _("The object of the case (location) is not recorded."))


# Names the block choices use; kept here so checks and blocks agree.
BETROKKENE_TYPES = BetrokkeneType.choices
AARD_RELATIES = AardRelatie.choices
DOCUMENT_STATUSES = DocumentStatus.choices
VERTROUWELIJKHEID = V.choices
