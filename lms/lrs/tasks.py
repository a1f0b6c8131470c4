"""Background tasks of the LRS (Django's task framework; the database backend runs
them in ``manage.py db_worker``)."""

from datetime import datetime
from typing import Any

from django_tasks import default_task_backend, task

from lms.lrs.forwarding import endpoint_drain

# One run sends at most this many batches, then queues a follow-up: a large backlog
# for one endpoint does not keep the worker from other endpoints' tasks.
BATCHES_PER_RUN = 50


@task()
def forwarding_drain(endpoint_id: int) -> dict[str, Any]:
    """Deliver an endpoint's backlog; see :mod:`lms.lrs.forwarding`."""
    outcome = endpoint_drain(endpoint_id=endpoint_id, max_batches=BATCHES_PER_RUN)
    if outcome.more:
        forwarding_drain_enqueue(endpoint_id=endpoint_id)
    elif outcome.failed and outcome.retry_at:
        # Retry once the back-off has passed; the sweep does it where the backend
        # cannot defer a task.
        forwarding_drain_enqueue(endpoint_id=endpoint_id, run_after=outcome.retry_at)
    elif outcome.wait_until:
        forwarding_drain_enqueue(endpoint_id=endpoint_id, run_after=outcome.wait_until)
    return outcome.as_dict()


def forwarding_drain_enqueue(*, endpoint_id: int, run_after: datetime | None = None):
    if run_after is not None:
        if not default_task_backend.supports_defer:
            return None
        return forwarding_drain.using(run_after=run_after).enqueue(endpoint_id)
    return forwarding_drain.enqueue(endpoint_id)
