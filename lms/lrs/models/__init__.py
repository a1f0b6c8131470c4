from lms.lrs.models.credentials import LRSCredential, Scope
from lms.lrs.models.documents import (
    ActivityProfileDocument,
    AgentProfileDocument,
    StateDocument,
)
from lms.lrs.models.forwarding import ForwardingEndpoint, ForwardingRejection
from lms.lrs.models.statements import (
    Activity,
    Attachment,
    KnownAgent,
    Statement,
    StatementActivity,
    StatementAgent,
)

__all__ = [
    "Activity",
    "ActivityProfileDocument",
    "AgentProfileDocument",
    "Attachment",
    "ForwardingEndpoint",
    "ForwardingRejection",
    "KnownAgent",
    "LRSCredential",
    "Scope",
    "StateDocument",
    "Statement",
    "StatementActivity",
    "StatementAgent",
]
