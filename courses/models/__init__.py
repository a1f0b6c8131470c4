from courses.models.learning import (
    AssignmentResult,
    Enrolment,
    LessonVisit,
    QuestionAnswer,
    Reflection,
)
from courses.models.pages import CourseCatalogPage, LessonPage, ModulePage
from courses.models.paths import (
    Assignment,
    LearningPath,
    LearningPathModule,
    ReminderSent,
)

__all__ = [
    "Assignment",
    "AssignmentResult",
    "CourseCatalogPage",
    "Enrolment",
    "LearningPath",
    "LearningPathModule",
    "LessonPage",
    "LessonVisit",
    "ModulePage",
    "QuestionAnswer",
    "Reflection",
    "ReminderSent",
]
