import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from badges.models import CompetenceSignOff
from lms.coaching import services
from lms.lrs import vocabulary
from lms.lrs.models import Statement
from lms.lrs.signals import statement_recorded
from lms.notifications.models import Kind, Notification


def test_signoff_records_the_statement_with_the_coach_as_instructor(
    learner, coach, competence, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, statement, **kwargs):
        heard.append(statement)

    statement_recorded.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            signoff = services.signoff_record(
                coach=coach,
                learner=learner,
                competence=competence,
                level=2,
                note="Goed gedaan",
            )
    finally:
        statement_recorded.disconnect(listener)

    assert signoff.level == 2 and signoff.statement_id
    statement = Statement.objects.get(statement_id=signoff.statement_id)
    payload = statement.payload
    assert payload["verb"]["id"] == vocabulary.ACHIEVED.id
    assert payload["object"]["id"] == vocabulary.activity_iri(
        "competence", "zgw-intake"
    )
    assert payload["object"]["definition"]["type"] == vocabulary.COMPETENCE_TYPE.id
    assert payload["actor"] == vocabulary.actor_for(learner)
    assert payload["context"]["instructor"] == vocabulary.actor_for(coach)
    assert payload["context"]["extensions"][vocabulary.extension_iri("level")] == 2
    # Badge evaluation hears of it after commit.
    assert [s.statement_id for s in heard] == [statement.statement_id]
    assert Notification.objects.filter(user=learner, kind=Kind.SIGNOFF).exists()


def test_signoff_only_for_own_floor_and_existing_levels(
    learner, coach, other_coach, competence
):
    with pytest.raises(PermissionDenied):
        services.signoff_record(
            coach=other_coach, learner=learner, competence=competence, level=1
        )
    with pytest.raises(ValidationError):
        services.signoff_record(
            coach=coach, learner=learner, competence=competence, level=5
        )
    with pytest.raises(PermissionDenied):
        services.signoff_record(
            coach=coach, learner=coach, competence=competence, level=1
        )
    assert not CompetenceSignOff.objects.exists()
    assert not Statement.objects.exists()


def test_withdrawal_voids_the_statement_and_tells_the_learner(
    learner, coach, competence
):
    signoff = services.signoff_record(
        coach=coach, learner=learner, competence=competence, level=1
    )
    with pytest.raises(ValidationError):
        services.signoff_withdraw(signoff=signoff, actor=coach, reason=" ")
    services.signoff_withdraw(signoff=signoff, actor=coach, reason="Verkeerde collega")
    signoff.refresh_from_db()
    assert signoff.withdrawn_at and signoff.withdrawn_reason == "Verkeerde collega"
    assert Statement.objects.get(statement_id=signoff.statement_id).voided
    assert Notification.objects.filter(user=learner, kind=Kind.SIGNOFF).count() == 2
    with pytest.raises(ValidationError):
        services.signoff_withdraw(signoff=signoff, actor=coach, reason="Nogmaals")


def test_signoff_page_offers_only_own_floor_and_records(
    client, learner, other_learner, coach, competence
):
    client.force_login(coach)
    response = client.get(reverse("coaching:signoff_new") + f"?learner={learner.pk}")
    assert response.status_code == 200
    learners = response.context["form"].fields["learner"].queryset
    assert learner in learners and other_learner not in learners

    response = client.post(
        reverse("coaching:signoff_new"),
        {
            "learner": other_learner.pk,
            "competence": "zgw-intake:2",
            "observed_on": "2020-01-01",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(
        reverse("coaching:signoff_new"),
        {
            "learner": learner.pk,
            "competence": "zgw-intake:2",
            "observed_on": "2020-01-01",
            "note": "Zelfstandig een melding geregistreerd",
        },
    )
    assert response.status_code == 302
    signoff = CompetenceSignOff.objects.get()
    assert (signoff.learner, signoff.level) == (learner, 2)

    response = client.post(
        reverse("coaching:signoff_withdraw", kwargs={"pk": signoff.pk}),
        {"reason": "Fout"},
    )
    assert response.status_code == 302
    signoff.refresh_from_db()
    assert signoff.withdrawn_at is not None


def test_learner_sees_own_signoffs(client, learner, coach, competence):
    services.signoff_record(
        coach=coach, learner=learner, competence=competence, level=1
    )
    client.force_login(learner)
    response = client.get(reverse("coaching:my_signoffs"))
    assert response.status_code == 200
    assert competence.name in response.content.decode()
    assert client.get(reverse("coaching:signoff_new")).status_code == 403
