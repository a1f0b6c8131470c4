from courses.models.learning import (
    AssignmentResult,
    Enrolment,
    LessonVisit,
    QuestionAnswer,
    Reflection,
)
from courses.models.pages import CourseCatalogPage, LessonPage, ModulePage

__all__ = [
    "AssignmentResult",
    "CourseCatalogPage",
    "Enrolment",
    "LessonPage",
    "LessonVisit",
    "ModulePage",
    "QuestionAnswer",
    "Reflection",
]
