"""The ZGW enumerations, with the exact values of the VNG specifications
(Catalogi 1.3.1, Zaken 1.5.1, Documenten 1.4.3, Besluiten 1.0.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vertrouwelijkheidaanduiding(models.TextChoices):
    """VertrouwelijkheidaanduidingEnum, from least to most confidential."""

    OPENBAAR = "openbaar", _("Public")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Restricted public")
    INTERN = "intern", _("Internal")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Case confidential")
    VERTROUWELIJK = "vertrouwelijk", _("Confidential")
    CONFIDENTIEEL = "confidentieel", _("Highly confidential")
    GEHEIM = "geheim", _("Secret")
    ZEER_GEHEIM = "zeer_geheim", _("Top secret")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)


class IndicatieInternOfExtern(models.TextChoices):
    INTERN = "intern", _("Internal")
    EXTERN = "extern", _("External")


class RolOmschrijvingGeneriek(models.TextChoices):
    """OmschrijvingGeneriekEnum of RolType."""

    ADVISEUR = "adviseur", _("Adviser")
    BEHANDELAAR = "behandelaar", _("Case handler")
    BELANGHEBBENDE = "belanghebbende", _("Interested party")
    BESLISSER = "beslisser", _("Decision maker")
    INITIATOR = "initiator", _("Initiator")
    KLANTCONTACTER = "klantcontacter", _("Customer contact")
    ZAAKCOORDINATOR = "zaakcoordinator", _("Case coordinator")
    MEDE_INITIATOR = "mede_initiator", _("Co-initiator")


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", _("Keep permanently")
    VERNIETIGEN = "vernietigen", _("Destroy")


class Archiefstatus(models.TextChoices):
    NOG_TE_ARCHIVEREN = "nog_te_archiveren", _("Not yet archived")
    GEARCHIVEERD = "gearchiveerd", _("Archived")
    GEARCHIVEERD_PROCESTERMIJN_ONBEKEND = (
        "gearchiveerd_procestermijn_onbekend",
        _("Archived, process term unknown"),
    )
    OVERGEDRAGEN = "overgedragen", _("Transferred")


class Afleidingswijze(models.TextChoices):
    """How the brondatum of the archive procedure is derived (zrc-021)."""

    AFGEHANDELD = "afgehandeld", _("Closed")
    ANDER_DATUMKENMERK = "ander_datumkenmerk", _("Other date attribute")
    EIGENSCHAP = "eigenschap", _("Property")
    GERELATEERDE_ZAAK = "gerelateerde_zaak", _("Related case")
    HOOFDZAAK = "hoofdzaak", _("Main case")
    INGANGSDATUM_BESLUIT = "ingangsdatum_besluit", _("Decision start date")
    TERMIJN = "termijn", _("Term")
    VERVALDATUM_BESLUIT = "vervaldatum_besluit", _("Decision expiry date")
    ZAAKOBJECT = "zaakobject", _("Case object")


class EigenschapFormaat(models.TextChoices):
    TEKST = "tekst", _("Text")
    GETAL = "getal", _("Number")
    DATUM = "datum", _("Date")
    DATUM_TIJD = "datum_tijd", _("Date and time")


class Richting(models.TextChoices):
    """Direction of a document type within a case type (ZaakTypeInformatieObjectType)."""

    INKOMEND = "inkomend", _("Incoming")
    INTERN = "intern", _("Internal")
    UITGAAND = "uitgaand", _("Outgoing")


class AardRelatie(models.TextChoices):
    """How another case relates to this one (RelevanteZaak, gerelateerde zaaktypen)."""

    VERVOLG = "vervolg", _("Follow-up")
    ONDERWERP = "onderwerp", _("Subject")
    BIJDRAGE = "bijdrage", _("Contribution")


class BetrokkeneType(models.TextChoices):
    NATUURLIJK_PERSOON = "natuurlijk_persoon", _("Natural person")
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", _("Organisation")
    VESTIGING = "vestiging", _("Branch")
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", _("Organisational unit")
    MEDEWERKER = "medewerker", _("Employee")


class IndicatieMachtiging(models.TextChoices):
    GEMACHTIGDE = "gemachtigde", _("Authorised representative")
    MACHTIGINGGEVER = "machtiginggever", _("Principal")


class Geslachtsaanduiding(models.TextChoices):
    MAN = "m", _("Male")
    VROUW = "v", _("Female")
    ONBEKEND = "o", _("Unknown")


class InnRechtsvorm(models.TextChoices):
    """The common legal forms of InnRechtsvormEnum (Zaken 1.5.1)."""

    BESLOTEN_VENNOOTSCHAP = "besloten_vennootschap", _("Private limited company")
    NAAMLOZE_VENNOOTSCHAP = "naamloze_vennootschap", _("Public limited company")
    STICHTING = "stichting", _("Foundation")
    VERENIGING = "vereniging", _("Association")
    VERENIGING_VAN_EIGENAARS = "vereniging_van_eigenaars", _("Owners' association")
    COOPERATIE = (
        "cooperatie_europees_economische_samenwerking",
        _("Cooperative"),
    )
    KERKELIJKE_ORGANISATIE = "kerkelijke_organisatie", _("Church organisation")
    PUBLIEKRECHTELIJKE_RECHTSPERSOON = (
        "publiekrechtelijke_rechtspersoon",
        _("Public-law legal entity"),
    )
    VENNOOTSCHAP_ONDER_FIRMA = "vennootschap_onder_firma", _("General partnership")
    MAATSCHAP = "maatschap", _("Partnership")
    COMMANDITAIRE_VENNOOTSCHAP = (
        "commanditaire_vennootschap",
        _("Limited partnership"),
    )
    OVERIG = (
        "overig_privaatrechtelijke_rechtspersoon",
        _("Other private-law legal entity"),
    )


class Betalingsindicatie(models.TextChoices):
    NVT = "nvt", _("No costs involved")
    NOG_NIET = "nog_niet", _("Not yet paid")
    GEDEELTELIJK = "gedeeltelijk", _("Partly paid")
    GEHEEL = "geheel", _("Fully paid")


class Communicatiekanaal(models.TextChoices):
    """The channel an intake came in by. In the Zaken API this is a URL into the
    VNG referentielijsten (communicatiekanalen); the sandbox keeps their names."""

    EMAIL = "e-mail", _("E-mail")
    BRIEF = "brief", _("Letter")
    TELEFOON = "telefoon", _("Telephone")
    BALIE = "balie", _("Counter")
    WEBFORMULIER = "webformulier", _("Web form")
    SOCIALE_MEDIA = "sociale_media", _("Social media")


class ZaakObjectType(models.TextChoices):
    """The object types of ObjectTypeEnum a municipal case handler uses most."""

    ADRES = "adres", _("Address")
    PAND = "pand", _("Building")
    OPENBARE_RUIMTE = "openbare_ruimte", _("Public space")
    KADASTRALE_ONROERENDE_ZAAK = (
        "kadastrale_onroerende_zaak",
        _("Cadastral parcel"),
    )
    WOZ_OBJECT = "woz_object", _("WOZ object")
    INRICHTINGSELEMENT = "inrichtingselement", _("Street furniture")
    TERREINDEEL = "terreindeel", _("Terrain")
    WEGDEEL = "wegdeel", _("Road section")
    BESLUIT = "besluit", _("Decision")
    OVERIGE = "overige", _("Other")


class DocumentStatus(models.TextChoices):
    """StatusEnum of EnkelvoudigInformatieObject."""

    IN_BEWERKING = "in_bewerking", _("Being edited")
    TER_VASTSTELLING = "ter_vaststelling", _("For approval")
    DEFINITIEF = "definitief", _("Final")
    GEARCHIVEERD = "gearchiveerd", _("Archived")


class OndertekeningSoort(models.TextChoices):
    ANALOOG = "analoog", _("Handwritten")
    DIGITAAL = "digitaal", _("Digital")
    PKI = "pki", _("PKI")


class Vervalreden(models.TextChoices):
    TIJDELIJK = "tijdelijk", _("Temporary decision")
    INGETROKKEN_OVERHEID = "ingetrokken_overheid", _("Withdrawn by the government")
    INGETROKKEN_BELANGHEBBENDE = (
        "ingetrokken_belanghebbende",
        _("Withdrawn at the request of the interested party"),
    )


class Scope(models.TextChoices):
    """The ZGW authorisation scopes that change what a practice case allows.

    A workspace holds the scopes its learner plays with: a case handler usually
    cannot reopen a closed case, a team leader can.
    """

    ZAKEN_HEROPENEN = "zaken.heropenen", _("Reopen closed cases")
    ZAKEN_GEFORCEERD_BIJWERKEN = (
        "zaken.geforceerd-bijwerken",
        _("Correct closed cases"),
    )
    DOCUMENTEN_GEFORCEERD_UNLOCK = (
        "documenten.geforceerd-unlock",
        _("Unlock documents locked by someone else"),
    )
