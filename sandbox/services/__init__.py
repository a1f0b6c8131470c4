"""Every change to the sandbox goes through these services.

Each practice action is one function ``<entity>_<action>``: keyword-only, atomic,
refusing with :class:`sandbox.errors.SandboxRuleError` when a rule says no, and
appending to the workspace's action trace (``ActionLog``).
"""

from sandbox.services.besluiten import besluit_document_link, besluit_record
from sandbox.services.catalogue import selectielijst_load
from sandbox.services.documenten import (
    document_create,
    document_lock,
    document_unlock,
    document_update,
    zaak_document_link,
)
from sandbox.services.notities import zaak_notitie_add
from sandbox.services.rollen import (
    Betrokkene,
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    NietNatuurlijkPersoonGegevens,
    OrganisatorischeEenheidGegevens,
    VestigingGegevens,
    zaak_rol_add,
    zaak_rol_remove,
    zaak_rol_update,
)
from sandbox.services.termijnen import (
    zaak_deadlines,
    zaak_hervatten,
    zaak_opschorten,
    zaak_verlengen,
)
from sandbox.services.workspace import (
    workspace_clock_advance,
    workspace_create,
    workspace_delete,
)
from sandbox.services.zaken import (
    zaak_close,
    zaak_eigenschap_set,
    zaak_hoofdzaak_set,
    zaak_klantcontact_add,
    zaak_object_add,
    zaak_register,
    zaak_relevante_zaak_add,
    zaak_reopen,
    zaak_resultaat_set,
    zaak_status_set,
)

__all__ = [
    "Betrokkene",
    "MedewerkerGegevens",
    "NatuurlijkPersoonGegevens",
    "NietNatuurlijkPersoonGegevens",
    "OrganisatorischeEenheidGegevens",
    "VestigingGegevens",
    "besluit_document_link",
    "besluit_record",
    "document_create",
    "document_lock",
    "document_unlock",
    "document_update",
    "selectielijst_load",
    "workspace_clock_advance",
    "workspace_create",
    "workspace_delete",
    "zaak_close",
    "zaak_deadlines",
    "zaak_document_link",
    "zaak_eigenschap_set",
    "zaak_hervatten",
    "zaak_hoofdzaak_set",
    "zaak_klantcontact_add",
    "zaak_object_add",
    "zaak_opschorten",
    "zaak_register",
    "zaak_relevante_zaak_add",
    "zaak_reopen",
    "zaak_resultaat_set",
    "zaak_notitie_add",
    "zaak_rol_add",
    "zaak_rol_remove",
    "zaak_rol_update",
    "zaak_status_set",
    "zaak_verlengen",
]
