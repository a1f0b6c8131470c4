import logging

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from lms.core.signals import learner_record_viewed

logger = logging.getLogger(__name__)


@receiver(learner_record_viewed, dispatch_uid="coaching_access_log")
def _log_learner_record_viewed(
    sender, *, viewer, learner, what, object_id="", **kwargs
):
    """Every look someone else takes at a colleague's record is logged."""
    from lms.coaching.services import access_log_record

    access_log_record(viewer=viewer, learner=learner, what=what, object_id=object_id)


@receiver(user_logged_in, dispatch_uid="coaching_cards_warm")
def _warm_coach_cards(sender, request, user, **kwargs):
    """Look up the colleague's coaches once at sign-in, so the help box on every
    lesson and sandbox page costs no queries."""
    from lms.coaching.selectors import my_coach_cards

    try:
        my_coach_cards(user=user)
    except Exception:  # signing in must never fail on this
        logger.exception("Could not look up the coaches of user %s", user.pk)


def _cards_changed(sender, **kwargs):
    from lms.coaching.selectors import coach_cards_invalidate

    coach_cards_invalidate()


def _connect_card_invalidation() -> None:
    from lms.coaching.models import CoachAbsence, CoachProfile
    from lms.organisation.models import EmployeeProfile

    for model in (CoachProfile, CoachAbsence, EmployeeProfile):
        post_save.connect(_cards_changed, sender=model, dispatch_uid=f"cards_{model}")
        post_delete.connect(
            _cards_changed, sender=model, dispatch_uid=f"cards_del_{model}"
        )
    m2m_changed.connect(
        _cards_changed,
        sender=EmployeeProfile.coached_floors.through,
        dispatch_uid="cards_coached_floors",
    )


_connect_card_invalidation()
