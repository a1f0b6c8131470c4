"""Storing statements: shared by the HTTP Statements resource and the platform's
own recording service, so both obey the same rules (validation, immutability,
voiding, index projections)."""

from dataclasses import dataclass

from lms.lrs.models import LRSCredential


@dataclass(frozen=True)
class AttachmentPart:
    sha2: str
    content_type: str
    content: bytes


def statements_store(
    *,
    statements: list[dict],
    authority: dict,
    version: str,
    credential: LRSCredential | None = None,
    attachments: dict[str, AttachmentPart] | None = None,
) -> list[str]:
    """Validate and store ``statements`` atomically; return their ids in order.

    Raises ``lms.lrs.api.http.XAPIError``-compatible ``StatementConflict`` (409)
    when an id exists with different content, and ``StatementValidationError``
    (400) for invalid input. Sends ``statement_recorded`` after commit.
    """
    raise NotImplementedError
