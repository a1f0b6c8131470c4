"""Statement validation to the xAPI specification (1.0.3 and 2.0.0).

This is the validator of record: no Python xAPI library is strict enough (see README).
Each error names the offending field by its JSON path and the rule it breaks.
"""

from lms.lrs.validation.agents import validate_account, validate_actor
from lms.lrs.validation.common import (
    is_duration,
    is_iri,
    is_language_tag,
    is_uuid,
    parse_timestamp,
    reject_duplicate_keys,
    validate_duration,
    validate_extensions,
    validate_iri,
    validate_irl,
    validate_language_map,
    validate_language_tag,
    validate_mbox,
    validate_timestamp,
    validate_uri,
    validate_uuid,
)
from lms.lrs.validation.errors import StatementValidationError
from lms.lrs.validation.statement import (
    VOIDED_VERB,
    validate_agent,
    validate_statement,
    validate_voiding,
)

__all__ = [
    "VOIDED_VERB",
    "StatementValidationError",
    "is_duration",
    "is_iri",
    "is_language_tag",
    "is_uuid",
    "parse_timestamp",
    "reject_duplicate_keys",
    "validate_account",
    "validate_actor",
    "validate_agent",
    "validate_duration",
    "validate_extensions",
    "validate_iri",
    "validate_irl",
    "validate_language_map",
    "validate_language_tag",
    "validate_mbox",
    "validate_statement",
    "validate_timestamp",
    "validate_uri",
    "validate_uuid",
    "validate_voiding",
]
