"""Adding the people and organisations involved in a zaak (Rol, zrc-019)."""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import (
    Medewerker,
    NatuurlijkPersoon,
    NietNatuurlijkPersoon,
    OrganisatorischeEenheid,
    Rol,
    RolType,
    Vestiging,
    Zaak,
)
from sandbox.models.choices import BetrokkeneType, IndicatieMachtiging
from sandbox.services._actions import Actor, begin, ensure_open, sandbox_action, trace
from sandbox.validators import (
    is_valid_bsn,
    is_valid_kvk_nummer,
    is_valid_postcode,
    is_valid_rsin,
    is_valid_vestigingsnummer,
)


@dataclass(frozen=True)
class NatuurlijkPersoonGegevens:
    """A citizen as the case handler records them (betrokkeneIdentificatie)."""

    inp_bsn: str = ""
    geslachtsnaam: str = ""
    voorvoegsel_geslachtsnaam: str = ""
    voorletters: str = ""
    voornamen: str = ""
    geslachtsaanduiding: str = ""
    geboortedatum: str = ""
    verblijfsadres_gor_openbare_ruimte_naam: str = ""
    verblijfsadres_aoa_huisnummer: int | None = None
    verblijfsadres_aoa_huisletter: str = ""
    verblijfsadres_aoa_huisnummertoevoeging: str = ""
    verblijfsadres_aoa_postcode: str = ""
    verblijfsadres_wpl_woonplaats_naam: str = ""

    betrokkene_type = BetrokkeneType.NATUURLIJK_PERSOON
    model = NatuurlijkPersoon

    def problem(self) -> str | None:
        if not self.inp_bsn and not self.geslachtsnaam:
            return _("Enter the person's BSN or surname.")
        if self.inp_bsn and not is_valid_bsn(self.inp_bsn):
            return _("BSN %(bsn)s is not valid: it does not pass the 11-proef.") % {
                "bsn": self.inp_bsn
            }
        postcode = self.verblijfsadres_aoa_postcode
        if postcode and not is_valid_postcode(postcode):
            return _("Postcode %(postcode)s is not valid, e.g. 1234 AB.") % {
                "postcode": postcode
            }
        return None


@dataclass(frozen=True)
class NietNatuurlijkPersoonGegevens:
    inn_nnp_id: str = ""
    kvk_nummer: str = ""
    ann_identificatie: str = ""
    statutaire_naam: str = ""
    inn_rechtsvorm: str = ""
    bezoekadres: str = ""

    betrokkene_type = BetrokkeneType.NIET_NATUURLIJK_PERSOON
    model = NietNatuurlijkPersoon

    def problem(self) -> str | None:
        if not (self.statutaire_naam or self.inn_nnp_id or self.kvk_nummer):
            return _("Enter the organisation's name, RSIN or KvK number.")
        if self.inn_nnp_id and not is_valid_rsin(self.inn_nnp_id):
            return _("RSIN %(rsin)s is not valid: it does not pass the 11-proef.") % {
                "rsin": self.inn_nnp_id
            }
        if self.kvk_nummer and not is_valid_kvk_nummer(self.kvk_nummer):
            return _("A KvK number has eight digits.")
        return None


@dataclass(frozen=True)
class VestigingGegevens:
    vestigings_nummer: str = ""
    kvk_nummer: str = ""
    handelsnaam: list[str] = field(default_factory=list)

    betrokkene_type = BetrokkeneType.VESTIGING
    model = Vestiging

    def problem(self) -> str | None:
        if not (self.vestigings_nummer or self.handelsnaam):
            return _("Enter the branch number or trade name.")
        if self.vestigings_nummer and not is_valid_vestigingsnummer(
            self.vestigings_nummer
        ):
            return _("A branch number has twelve digits.")
        if self.kvk_nummer and not is_valid_kvk_nummer(self.kvk_nummer):
            return _("A KvK number has eight digits.")
        return None


@dataclass(frozen=True)
class OrganisatorischeEenheidGegevens:
    identificatie: str = ""
    naam: str = ""
    is_gehuisvest_in: str = ""

    betrokkene_type = BetrokkeneType.ORGANISATORISCHE_EENHEID
    model = OrganisatorischeEenheid

    def problem(self) -> str | None:
        if not (self.naam or self.identificatie):
            return _("Enter the name of the team or department.")
        return None


@dataclass(frozen=True)
class MedewerkerGegevens:
    identificatie: str = ""
    achternaam: str = ""
    voorletters: str = ""
    voorvoegsel_achternaam: str = ""

    betrokkene_type = BetrokkeneType.MEDEWERKER
    model = Medewerker

    def problem(self) -> str | None:
        if not (self.achternaam or self.identificatie):
            return _("Enter the employee's surname or user name.")
        return None


Betrokkene = (
    NatuurlijkPersoonGegevens
    | NietNatuurlijkPersoonGegevens
    | VestigingGegevens
    | OrganisatorischeEenheidGegevens
    | MedewerkerGegevens
)


@sandbox_action("zaak_rol_add")
def zaak_rol_add(
    *,
    zaak: Zaak,
    actor: Actor,
    roltype: RolType,
    betrokkene: Betrokkene,
    roltoelichting: str = "",
    afwijkende_naam_betrokkene: str = "",
    indicatie_machtiging: str = "",
) -> Rol:
    """Give someone a role in the zaak: the initiator, the behandelaar, a
    gemachtigde (``indicatie_machtiging``) ..."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    if roltype.zaaktype_id != zaak.zaaktype_id:
        raise SandboxRuleError(
            Rule.ROLTYPE_MISMATCH,
            _("Role “%(type)s” is not a role of case type “%(zaaktype)s”.")
            % {"type": roltype.omschrijving, "zaaktype": zaak.zaaktype.omschrijving},
        )
    if indicatie_machtiging and indicatie_machtiging not in IndicatieMachtiging.values:
        raise ValueError(f"unknown indicatie_machtiging {indicatie_machtiging!r}")
    problem = betrokkene.problem()
    if problem:
        raise SandboxRuleError(Rule.BETROKKENE_INVALID, problem)
    rol = Rol.objects.create(
        zaak=zaak,
        roltype=roltype,
        betrokkene_type=betrokkene.betrokkene_type,
        afwijkende_naam_betrokkene=afwijkende_naam_betrokkene[:625],
        roltoelichting=roltoelichting[:1000],
        registratiedatum=workspace.clock,
        indicatie_machtiging=indicatie_machtiging,
    )
    betrokkene.model.objects.create(rol=rol, **asdict(betrokkene))
    trace(
        workspace,
        "zaak_rol_add",
        actor=actor,
        zaak=zaak,
        payload={
            "roltype": roltype.omschrijving,
            "roltype_uuid": str(roltype.uuid),
            "omschrijving_generiek": roltype.omschrijving_generiek,
            "betrokkene_type": betrokkene.betrokkene_type,
            "betrokkene": asdict(betrokkene),
            "roltoelichting": rol.roltoelichting,
            "indicatie_machtiging": indicatie_machtiging,
        },
    )
    return rol


def _rol_of_zaak(zaak: Zaak, rol: Rol) -> Rol:
    # The rol is looked up inside the zaak, so a posted id of another zaak (or
    # another learner's) never reaches it.
    found = zaak.rollen.select_related("roltype").filter(pk=rol.pk).first()
    if found is None:
        raise SandboxRuleError(
            Rule.OTHER_WORKSPACE,
            _("That role does not exist in this case."),
        )
    return found


@sandbox_action("zaak_rol_update")
def zaak_rol_update(
    *,
    zaak: Zaak,
    rol: Rol,
    actor: Actor,
    betrokkene: Betrokkene,
    roltype: RolType | None = None,
    roltoelichting: str = "",
    afwijkende_naam_betrokkene: str = "",
    indicatie_machtiging: str = "",
) -> Rol:
    """Correct a role: the person's details, the kind of role, the machtiging.

    The betrokkeneType stays what it was (a person does not become a company);
    to record someone else, remove the role and add a new one.
    """
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    rol = _rol_of_zaak(zaak, rol)
    roltype = roltype or rol.roltype
    if roltype.zaaktype_id != zaak.zaaktype_id:
        raise SandboxRuleError(
            Rule.ROLTYPE_MISMATCH,
            _("Role “%(type)s” is not a role of case type “%(zaaktype)s”.")
            % {"type": roltype.omschrijving, "zaaktype": zaak.zaaktype.omschrijving},
        )
    if betrokkene.betrokkene_type != rol.betrokkene_type:
        raise SandboxRuleError(
            Rule.BETROKKENE_INVALID,
            _(
                "The kind of party of a role cannot change. Remove the role and "
                "add a new one."
            ),
        )
    if indicatie_machtiging and indicatie_machtiging not in IndicatieMachtiging.values:
        raise ValueError(f"unknown indicatie_machtiging {indicatie_machtiging!r}")
    problem = betrokkene.problem()
    if problem:
        raise SandboxRuleError(Rule.BETROKKENE_INVALID, problem)
    rol.roltype = roltype
    rol.roltoelichting = roltoelichting[:1000]
    rol.afwijkende_naam_betrokkene = afwijkende_naam_betrokkene[:625]
    rol.indicatie_machtiging = indicatie_machtiging
    rol.save(
        update_fields=[
            "roltype",
            "roltoelichting",
            "afwijkende_naam_betrokkene",
            "indicatie_machtiging",
        ]
    )
    betrokkene.model.objects.update_or_create(rol=rol, defaults=asdict(betrokkene))
    trace(
        workspace,
        "zaak_rol_update",
        actor=actor,
        zaak=zaak,
        payload={
            "rol": str(rol.uuid),
            "roltype": roltype.omschrijving,
            "roltype_uuid": str(roltype.uuid),
            "omschrijving_generiek": roltype.omschrijving_generiek,
            "betrokkene_type": betrokkene.betrokkene_type,
            "betrokkene": asdict(betrokkene),
            "roltoelichting": rol.roltoelichting,
            "indicatie_machtiging": indicatie_machtiging,
        },
    )
    return rol


@sandbox_action("zaak_rol_remove")
def zaak_rol_remove(*, zaak: Zaak, rol: Rol, actor: Actor) -> None:
    """Take a role off the zaak (Zaken API: DELETE /rollen/{uuid}). Statuses the
    role set keep their history, without the link to who set them."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    rol = _rol_of_zaak(zaak, rol)
    payload = {
        "rol": str(rol.uuid),
        "roltype": rol.roltype.omschrijving,
        "omschrijving_generiek": rol.roltype.omschrijving_generiek,
        "betrokkene_type": rol.betrokkene_type,
        "betrokkene_naam": rol.betrokkene_naam,
    }
    rol.delete()
    trace(workspace, "zaak_rol_remove", actor=actor, zaak=zaak, payload=payload)
