class StatementValidationError(ValueError):
    """A statement breaks a rule of the specification.

    ``path`` is the JSON path of the offending field (e.g. ``actor.mbox`` or
    ``context.contextActivities.parent[0].id``); ``rule`` says which requirement.
    """

    def __init__(self, path: str, rule: str):
        super().__init__(f"{path}: {rule}" if path else rule)
        self.path = path
        self.rule = rule
