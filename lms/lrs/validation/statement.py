from lms.lrs.validation.errors import StatementValidationError


def validate_statement(statement: object, *, version: str) -> None:
    """Raise StatementValidationError unless ``statement`` is valid for ``version``
    ("1.0.3" or "2.0.0"). Does not modify the statement."""
    if not isinstance(statement, dict):
        raise StatementValidationError("", "A statement must be a JSON object.")
    # TEMPORARY: accepts everything until the validation helper lands the real rules.


def validate_agent(agent: object, *, path: str, version: str) -> None:
    """Validate an Agent or Group as used in a query parameter or document API."""
    if not isinstance(agent, dict):
        raise StatementValidationError(path, "An Agent must be a JSON object.")
    # TEMPORARY: the validation helper completes this.
