"""Badge criteria are evaluated whenever a statement that can meet one is recorded.

``statement_recorded`` fires after the statement's transaction commits. The receiver
only works out cheaply whether the statement can matter (whose it is, which badges'
criteria name its activity) and queues the evaluation as a task, so recording stays
fast and a failing evaluation never affects the learner's action.

A coach's sign-off (``ACHIEVED`` on a competence) also changes the person's
competence level, and so does its withdrawal (a ``VOIDED`` statement targeting it):
both queue a refresh of the levels, with the evaluation.
"""

from typing import Any

from lms.lrs import vocabulary
from lms.lrs.models import Statement
from lms.lrs.signals import statement_recorded

from .services import badge_classes_affected_by, user_for_actor


def _actor_user(statement):
    return user_for_actor((statement.payload or {}).get("actor"))


def on_statement_recorded(*, statement, **kwargs: Any) -> None:
    if statement.credential_id is not None:
        # Only the platform's own statements count for criteria and levels.
        return
    from .tasks import badges_evaluate_task

    if statement.verb_id == vocabulary.VOIDED.id and statement.object_statement_id:
        target = Statement.objects.filter(
            statement_id=statement.object_statement_id,
            verb_id=vocabulary.ACHIEVED.id,
        ).first()
        user = _actor_user(target) if target else None
        if user is not None:
            badges_evaluate_task.enqueue(user.pk, [], True)
        return
    badge_class_ids = badge_classes_affected_by(statement)
    refresh = statement.verb_id == vocabulary.ACHIEVED.id
    if not badge_class_ids and not refresh:
        return
    user = _actor_user(statement)
    if user is None:
        return
    badges_evaluate_task.enqueue(user.pk, badge_class_ids, refresh)


def connect() -> None:
    statement_recorded.connect(
        on_statement_recorded, dispatch_uid="badges_criteria_evaluate"
    )
