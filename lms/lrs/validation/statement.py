from lms.lrs.validation.errors import StatementValidationError


def validate_statement(statement: object, *, version: str) -> None:
    """Raise StatementValidationError unless ``statement`` is valid for ``version``
    ("1.0.3" or "2.0.0"). Does not modify the statement."""
    if not isinstance(statement, dict):
        raise StatementValidationError("", "A statement must be a JSON object.")
    raise NotImplementedError


def validate_agent(agent: object, *, path: str, version: str) -> None:
    """Validate an Agent or Group as used in a query parameter or document API."""
    raise NotImplementedError
