from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lms.accounts.roles import Role
from lms.coaching import services
from lms.coaching.models import CoachAbsence, HelpRequest, VisitProposal
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from lms.notifications.models import Kind, Notification
from tests.factories import employee

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _ask(learner, **kwargs):
    defaults = {
        "subject": "Welk resultaattype?",
        "body": "<p>Ik weet het <strong>niet</strong>.</p><script>alert(1)</script>",
        "context_kind": "lesson",
        "context_label": "Resultaat bepalen",
        "page_url": "/catalogus/module/les/",
        "context_ref": {"lesson": 12},
    }
    defaults.update(kwargs)
    return services.help_request_create(learner=learner, **defaults)


def test_a_request_carries_context_and_recent_actions_and_notifies_the_floor(
    learner, coach, other_coach, floor
):
    statement_record(
        user=learner,
        verb=vocabulary.FAILED,
        activity_id=vocabulary.activity_iri("scenario", "mor-melding-eenvoudig"),
        activity_type=vocabulary.SCENARIO_TYPE,
        activity_name="Melding openbare ruimte",
        result={"success": False, "score": {"scaled": 0.4}},
    )
    help_request = _ask(learner)

    assert help_request.floor == floor
    assert help_request.status == HelpRequest.Status.OPEN
    assert help_request.context_ref == {"lesson": 12}
    assert help_request.page_url == "/catalogus/module/les/"
    (action,) = help_request.recent_actions
    assert action["verb_id"] == vocabulary.FAILED.id
    assert action["object_name"]["nl-NL"] == "Melding openbare ruimte"
    assert action["success"] is False
    # The message is sanitised: formatting kept, scripts gone.
    body = help_request.messages.get().body
    assert "<strong>niet</strong>" in body and "script" not in body
    # The floor's coach is notified; the coach of another floor is not.
    assert Notification.objects.filter(user=coach, kind=Kind.HELP_REQUEST).count() == 1
    assert not Notification.objects.filter(user=other_coach).exists()


def test_an_absolute_or_foreign_page_url_is_not_kept(learner, coach):
    assert _ask(learner, page_url="https://evil.example/x").page_url == ""
    assert _ask(learner, page_url="//evil.example/x").page_url == ""


def test_an_empty_question_is_refused(learner, coach):
    with pytest.raises(ValidationError):
        _ask(learner, body="<p> </p>")
    with pytest.raises(ValidationError):
        _ask(learner, subject="  ")
    assert not HelpRequest.objects.exists()


def test_an_absent_coach_is_skipped_for_the_stand_in(
    learner, coach, other_coach, floor
):
    today = timezone.localdate()
    CoachAbsence.objects.create(
        coach=coach,
        starts_on=today,
        ends_on=today + timedelta(days=3),
        stand_in=other_coach,
    )
    help_request = _ask(learner)
    assert Notification.objects.filter(
        user=other_coach, kind=Kind.HELP_REQUEST
    ).exists()
    assert not Notification.objects.filter(user=coach).exists()
    # The stand-in may answer for the period.
    services.help_message_add(
        help_request=help_request, author=other_coach, body="Ik kom!"
    )


def test_conversation_moves_the_status_and_measures_the_first_response(learner, coach):
    help_request = _ask(learner)
    services.help_message_add(
        help_request=help_request, author=coach, body="Kijk naar stap 3."
    )
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.IN_PROGRESS
    assert help_request.first_response_at is not None
    assert help_request.handled_by == coach
    assert Notification.objects.filter(user=learner, kind=Kind.HELP_REPLY).exists()

    services.help_request_status_set(
        help_request=help_request, actor=coach, status="resolved"
    )
    help_request.refresh_from_db()
    assert help_request.is_resolved and help_request.resolved_at is not None
    assert Notification.objects.filter(user=learner, kind=Kind.HELP_STATUS).exists()

    # The colleague writes again: the request reopens.
    services.help_message_add(
        help_request=help_request, author=learner, body="Toch nog iets"
    )
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.IN_PROGRESS
    assert help_request.resolved_at is None
    assert Notification.objects.filter(user=coach, kind=Kind.HELP_REPLY).exists()


def test_status_changes_are_checked_per_side(learner, coach):
    help_request = _ask(learner)
    with pytest.raises(PermissionDenied):
        # A learner cannot "take on" their own request.
        services.help_request_status_set(
            help_request=help_request, actor=learner, status="in_progress"
        )
    services.help_request_status_set(
        help_request=help_request, actor=learner, status="resolved"
    )
    services.help_request_status_set(
        help_request=help_request, actor=learner, status="in_progress"
    )
    help_request.refresh_from_db()
    assert help_request.status == "in_progress"
    # Taking it on counts as the coach's first response.
    help_request = _ask(learner)
    services.help_request_status_set(
        help_request=help_request, actor=coach, status="in_progress"
    )
    help_request.refresh_from_db()
    assert help_request.first_response_at is not None


def test_a_coach_of_another_floor_cannot_reply(learner, other_coach):
    help_request = _ask(learner)
    with pytest.raises(PermissionDenied):
        services.help_message_add(
            help_request=help_request, author=other_coach, body="Hoi"
        )
    with pytest.raises(PermissionDenied):
        services.help_visit_propose(
            help_request=help_request,
            coach=other_coach,
            starts_at=timezone.now() + timedelta(hours=1),
        )


def test_visit_proposal_accept_and_no_second_answer(learner, coach):
    help_request = _ask(learner)
    visit = services.help_visit_propose(
        help_request=help_request,
        coach=coach,
        starts_at=timezone.now() + timedelta(hours=2),
        note="Ik neem de checklist mee",
    )
    assert Notification.objects.filter(user=learner, kind=Kind.HELP_REPLY).exists()
    visit = services.help_visit_respond(visit=visit, learner=learner, accept=True)
    assert visit.status == VisitProposal.Status.ACCEPTED
    assert Notification.objects.filter(user=coach, kind=Kind.HELP_REPLY).exists()
    with pytest.raises(ValidationError):
        services.help_visit_respond(visit=visit, learner=learner, accept=False)
    with pytest.raises(ValidationError):
        services.help_visit_propose(
            help_request=help_request,
            coach=coach,
            starts_at=timezone.now() - timedelta(hours=1),
        )


def test_attachments_are_checked_by_type_content_and_size(learner, coach):
    good = SimpleUploadedFile("scherm.png", PNG, content_type="image/png")
    help_request = _ask(learner, attachments=[good])
    attachment = help_request.messages.get().attachments.get()
    assert attachment.name == "scherm.png" and attachment.content_type == "image/png"

    disguised = SimpleUploadedFile(
        "scherm.png", b"MZ\x90\x00 not a png", content_type="image/png"
    )
    with pytest.raises(ValidationError):
        _ask(learner, attachments=[disguised])
    script = SimpleUploadedFile(
        "run.exe", b"MZ", content_type="application/octet-stream"
    )
    with pytest.raises(ValidationError):
        _ask(learner, attachments=[script])
    big = SimpleUploadedFile(
        "groot.pdf",
        b"%PDF-" + b"0" * (services.ATTACHMENT_MAX_BYTES),
        content_type="application/pdf",
    )
    with pytest.raises(ValidationError):
        _ask(learner, attachments=[big])
    # A refused attachment leaves no half-made request behind.
    assert HelpRequest.objects.count() == 1


def test_learner_without_floor_can_still_ask(db):
    loner = employee(floor=None).user
    help_request = _ask(loner)
    assert help_request.floor is None
    coach = employee(roles=[Role.COACH]).user
    with pytest.raises(PermissionDenied):
        services.help_message_add(help_request=help_request, author=coach, body="x")
