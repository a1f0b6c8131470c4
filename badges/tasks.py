"""Background work of the badges app (Django's task framework; tests run it at once)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from .models import BadgeClass
from .services import badges_evaluate, competence_levels_refresh


@task()
def badges_evaluate_task(
    user_id: int, badge_class_ids: list[int], refresh_levels: bool = False
) -> list[str]:
    """Evaluate these badges for this person (and, after a sign-off changed, refresh
    their competence levels); returns the new awards' public ids."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return []
    if refresh_levels:
        competence_levels_refresh(user=user)
    if not badge_class_ids or not user.is_active:
        return []
    awards = badges_evaluate(
        user=user, badge_classes=BadgeClass.objects.filter(pk__in=badge_class_ids)
    )
    return [str(award.public_id) for award in awards]
