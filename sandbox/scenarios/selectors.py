"""Reads about scenarios and attempts, for the sandbox's own pages and for other
apps (coaching, the learner's timeline): always through ``Attempt.objects.visible_to``."""

from uuid import UUID

from django.db.models import QuerySet
from django.urls import reverse

from sandbox.models import Attempt, Scenario


def scenarios_offered() -> QuerySet[Scenario]:
    return Scenario.objects.filter(is_active=True).select_related("zaaktype")


def scenario_offered(*, slug: str) -> Scenario | None:
    return scenarios_offered().filter(slug=slug).first()


def attempts_visible(*, viewer, learner=None) -> QuerySet[Attempt]:
    """Attempts ``viewer`` may open (their own; a coach's floor), optionally of one
    learner, newest first."""
    attempts = Attempt.objects.visible_to(viewer).select_related("scenario", "learner")
    if learner is not None:
        attempts = attempts.filter(learner=learner)
    return attempts.order_by("-started_at")


def attempt_get(*, viewer, uuid: UUID | str) -> Attempt | None:
    return (
        Attempt.objects.visible_to(viewer)
        .select_related("scenario", "learner", "workspace")
        .filter(uuid=uuid)
        .first()
    )


def attempt_detail_url(attempt: Attempt) -> str:
    """Where an attempt is opened: its result once handed in, else its page."""
    if attempt.is_finished:
        return reverse("sandbox:attempt_result", kwargs={"attempt": attempt.uuid})
    return reverse("sandbox:attempt", kwargs={"attempt": attempt.uuid})


def attempt_replay_url(attempt: Attempt) -> str:
    return reverse("sandbox:attempt_replay", kwargs={"attempt": attempt.uuid})


def scenario_start_url(slug: str) -> str:
    return reverse("sandbox:scenario", kwargs={"slug": slug})
