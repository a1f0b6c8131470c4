"""Competence framework, badge classes and awards.

The framework (:mod:`.framework`) is HR's: what each competence means, its levels
and what each function requires. Badges (:mod:`.badges`) attest a competence at a
level; an award keeps the statements that earned it. A coach's sign-off
(:class:`CompetenceSignOff`) is evidence in its own right. :class:`EmployeeCompetence`
is the projection "current level per person per competence" that HR's matrix and the
learner's profile read; badge services keep it in step with awards and sign-offs.
"""

from .badges import (
    AwardEvidence,
    BadgeAward,
    BadgeClass,
    BadgeCriterion,
)
from .framework import (
    BehaviouralIndicator,
    Competence,
    CompetenceSignOff,
    EmployeeCompetence,
    FunctionRequirement,
    ProficiencyLevel,
)

__all__ = [
    "AwardEvidence",
    "BadgeAward",
    "BadgeClass",
    "BadgeCriterion",
    "BehaviouralIndicator",
    "Competence",
    "CompetenceSignOff",
    "EmployeeCompetence",
    "FunctionRequirement",
    "ProficiencyLevel",
]
