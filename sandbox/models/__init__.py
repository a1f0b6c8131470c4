from sandbox.models.besluiten import Besluit, BesluitInformatieObject
from sandbox.models.catalogue import (
    BesluitType,
    Catalogus,
    Eigenschap,
    GerelateerdZaakType,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from sandbox.models.documenten import (
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
)
from sandbox.models.notities import Notitie
from sandbox.models.rollen import (
    Medewerker,
    NatuurlijkPersoon,
    NietNatuurlijkPersoon,
    OrganisatorischeEenheid,
    Rol,
    Vestiging,
)
from sandbox.models.scenarios import Attempt, Scenario
from sandbox.models.selectielijst import SelectielijstProcestype, SelectielijstResultaat
from sandbox.models.workspace import ActionLog, Workspace
from sandbox.models.zaken import (
    KlantContact,
    RelevanteZaak,
    Resultaat,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)

__all__ = [
    "ActionLog",
    "Attempt",
    "Besluit",
    "BesluitInformatieObject",
    "BesluitType",
    "Catalogus",
    "Eigenschap",
    "EnkelvoudigInformatieObject",
    "EnkelvoudigInformatieObjectVersie",
    "GerelateerdZaakType",
    "InformatieObjectType",
    "KlantContact",
    "Medewerker",
    "NatuurlijkPersoon",
    "NietNatuurlijkPersoon",
    "Notitie",
    "OrganisatorischeEenheid",
    "RelevanteZaak",
    "Resultaat",
    "ResultaatType",
    "Rol",
    "RolType",
    "Scenario",
    "SelectielijstProcestype",
    "SelectielijstResultaat",
    "Status",
    "StatusType",
    "Vestiging",
    "Workspace",
    "Zaak",
    "ZaakEigenschap",
    "ZaakInformatieObject",
    "ZaakObject",
    "ZaakType",
    "ZaakTypeInformatieObjectType",
]
