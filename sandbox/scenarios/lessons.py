"""The link with the courses app: a practice assignment in a lesson starts a
scenario; the attempt reports back and links back to the lesson."""

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class LessonLink:
    course_registration: UUID
    assignment_id: UUID
    lesson_url: str


def lesson_link(
    *, user, slug: str, registration: str, assignment: str
) -> LessonLink | None:
    """The learner's own enrolment ``registration`` whose module has the practice
    assignment ``assignment`` for scenario ``slug``; None if anything does not fit
    (a forged or stale link starts a plain attempt)."""
    from courses.models import Enrolment
    from courses.selectors import module_outline

    try:
        registration_id = UUID(str(registration))
        assignment_id = UUID(str(assignment))
    except ValueError:
        return None
    enrolment = (
        Enrolment.objects.filter(registration=registration_id, user=user)
        .select_related("module")
        .first()
    )
    if enrolment is None:
        return None
    outline = module_outline(module=enrolment.module)
    for entry in outline.lessons:
        for item in entry.items.assignments:
            if item.id == str(assignment_id) and item.scenario_id == slug:
                return LessonLink(
                    course_registration=registration_id,
                    assignment_id=assignment_id,
                    lesson_url=entry.page.get_url() or "",
                )
    return None
