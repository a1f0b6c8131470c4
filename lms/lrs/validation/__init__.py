"""Statement validation to the xAPI specification (1.0.3 and 2.0.0).

This is the validator of record: no Python xAPI library is strict enough (see README).
Each error names the offending field by its JSON path and the rule it breaks.
"""

from lms.lrs.validation.errors import StatementValidationError
from lms.lrs.validation.statement import validate_agent, validate_statement

__all__ = ["StatementValidationError", "validate_agent", "validate_statement"]
