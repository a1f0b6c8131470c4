"""The progress projection rebuilt from the LRS statements alone gives the same
progress as the services kept (issue 4 item 5)."""

import pytest
from django.core.management import call_command

from courses.models import (
    AssignmentResult,
    Enrolment,
    LessonVisit,
    QuestionAnswer,
    Reflection,
)
from courses.questions import lesson_items
from courses.selectors import module_progress, my_learning
from courses.services import (
    assignment_result_record,
    enrolment_retake,
    lesson_visit_record,
    question_answer_submit,
    reflection_save,
)
from lms.lrs.models import Statement
from lms.lrs.validation import validate_statement
from tests.courses import factories as f
from tests.factories import employee


def _question(lesson, raw):
    return lesson_items(lesson.body.raw_data).question(raw["id"])


def _right(question) -> dict:
    if question.kind == "ordering":
        return {"order": [s.key for s in question.steps]}
    if question.kind == "matching":
        return {"matches": {p.key: p.key for p in question.pairs}}
    right = [o.key for o in question.options if o.correct]
    if question.kind == "multiple_choice":
        return {"choices": right}
    return {"choice": right[0]}


def _wrong(question) -> dict:
    if question.kind == "ordering":
        return {"order": [s.key for s in reversed(question.steps)]}
    if question.kind == "matching":
        keys = [p.key for p in question.pairs]
        return {"matches": dict(zip(keys, keys[1:] + keys[:1], strict=True))}
    wrong = [o.key for o in question.options if not o.correct]
    if question.kind == "multiple_choice":
        # One right, one wrong: partial credit, not correct.
        return {"choices": [wrong[0], _right(question)["choices"][0]]}
    return {"choice": wrong[0]}


def _answer(user, lesson, raw, response):
    return question_answer_submit(
        user=user, lesson=lesson, question_id=raw["id"], response=response
    )


@pytest.fixture
def journey(catalogue, learner):
    """Two learners, two modules: completed with retries and a practice
    assignment, failed and retaken, and one in progress."""
    other = employee().user
    main = f.module_page(catalogue, title="Termijnen", pass_mark=70, max_attempts=2)
    q_single, q_multi = f.single_choice(), f.multiple_choice()
    q_order, q_match, q_tf = f.ordering(), f.matching(), f.true_false()
    practice = f.practice_assignment("woo-verzoek-verdaging")
    thought = f.reflection()
    path = f.learning_path(main, title="Vergunningverlener")
    first = f.lesson_page(main, f.text(), q_single, q_multi)
    second = f.lesson_page(main, q_order, q_match, thought, practice)
    third = f.lesson_page(main, f.text(), q_tf)

    lesson_visit_record(user=learner, lesson=first)
    _answer(learner, first, q_single, _wrong(_question(first, q_single)))
    _answer(learner, first, q_single, _right(_question(first, q_single)))
    _answer(learner, first, q_multi, _wrong(_question(first, q_multi)))
    lesson_visit_record(user=learner, lesson=second)
    _answer(learner, second, q_order, _wrong(_question(second, q_order)))
    _answer(learner, second, q_order, _right(_question(second, q_order)))
    _answer(learner, second, q_match, _right(_question(second, q_match)))
    reflection_save(
        user=learner, lesson=second, block_id=thought["id"], text="Ik let op <b>de</b>"
    )
    enrolment = Enrolment.objects.get(user=learner, module=main)
    assignment_result_record(
        registration=enrolment.registration, assignment_id=practice["id"], passed=False
    )
    lesson_visit_record(user=learner, lesson=first)  # back, then on
    lesson_visit_record(user=learner, lesson=first)  # a reload
    lesson_visit_record(user=learner, lesson=third)
    _answer(learner, third, q_tf, _right(_question(third, q_tf)))
    assert Enrolment.objects.get(pk=enrolment.pk).is_open  # the practice is open
    assignment_result_record(
        registration=enrolment.registration,
        assignment_id=practice["id"],
        passed=True,
        sandbox_registration="0b7c1f52-5d7e-4a57-9a43-2f0d6c3b1e11",
    )
    assert Enrolment.objects.get(pk=enrolment.pk).status == "completed"

    # A module failed (one attempt per question), then retaken.
    hard = f.module_page(catalogue, title="Archiveren", pass_mark=100, max_attempts=1)
    q_hard = f.single_choice()
    hard_lesson = f.lesson_page(hard, q_hard)
    lesson_visit_record(user=learner, lesson=hard_lesson)
    _answer(learner, hard_lesson, q_hard, _wrong(_question(hard_lesson, q_hard)))
    assert Enrolment.objects.get(user=learner, module=hard).status == "failed"
    enrolment_retake(user=learner, module=hard)
    lesson_visit_record(user=learner, lesson=hard_lesson)

    # Someone else, half-way.
    lesson_visit_record(user=other, lesson=second)
    _answer(other, second, q_match, _wrong(_question(second, q_match)))
    return {"learners": [learner, other], "modules": [main, hard], "path": path}


def _progress(journey) -> dict:
    """Everything the selectors show about the learners' progress."""
    snapshot = {}
    for user in journey["learners"]:
        for module in journey["modules"]:
            progress = module_progress(user=user, module=module)
            resume = progress.resume_lesson
            snapshot[(user.pk, module.pk)] = {
                "status": progress.status,
                "score": progress.score_percent,
                "seen": [lesson.seen for lesson in progress.lessons],
                "resume": resume.pk if resume else None,
                "complete": progress.is_complete,
                "failed": progress.is_failed,
                "questions": {
                    qid: (
                        state.attempts_used,
                        state.is_correct,
                        state.best_fraction,
                        state.latest.response if state.latest else None,
                    )
                    for qid, state in progress.question_states.items()
                },
                "assignments_passed": progress.assignments_passed,
                "assignments_open": [a.id for a in progress.assignments_open],
            }
        snapshot[user.pk] = [
            (item.title, item.status, [m.lessons_seen for m in item.modules])
            for item in my_learning(user=user).items
        ]
    return snapshot


def _rows() -> dict:
    """The projection's rows, without their own primary keys."""
    enrolment_fields = [
        "registration",
        "user_id",
        "module_id",
        "attempt",
        "status",
        "started_at",
        "last_activity_at",
        "last_lesson_id",
        "finished_at",
        "score_percent",
    ]
    return {
        "enrolments": sorted(Enrolment.objects.values_list(*enrolment_fields), key=str),
        "visits": sorted(
            LessonVisit.objects.values_list(
                "enrolment__registration",
                "lesson_id",
                "first_visited_at",
                "last_visited_at",
                "visit_count",
            ),
            key=str,
        ),
        "answers": sorted(
            QuestionAnswer.objects.values_list(
                "enrolment__registration",
                "question_id",
                "question_type",
                "fingerprint",
                "lesson_id",
                "attempt",
                "response",
                "score_fraction",
                "points_possible",
                "correct",
                "answered_at",
            ),
            key=str,
        ),
        "results": sorted(
            AssignmentResult.objects.values_list(
                "enrolment__registration",
                "assignment_id",
                "scenario_id",
                "passed",
                "sandbox_registration",
                "recorded_at",
            ),
            key=str,
        ),
    }


def test_a_rebuild_from_the_statements_alone_gives_the_same_progress(journey):
    progress, rows = _progress(journey), _rows()
    assert len(rows["enrolments"]) == 4
    assert len(rows["answers"]) == 9
    assert len(rows["results"]) == 2

    Enrolment.objects.all().delete()  # everything: visits, answers, results
    assert not LessonVisit.objects.exists() and not QuestionAnswer.objects.exists()
    call_command("courses_rebuild_progress", verbosity=0)

    assert _rows() == rows
    assert _progress(journey) == progress


def test_a_rebuild_keeps_enrolment_ids_and_reflections(journey, capsys):
    ids = dict(Enrolment.objects.values_list("registration", "pk"))
    reflection = Reflection.objects.get()
    rows = _rows()

    call_command("courses_rebuild_progress")

    assert dict(Enrolment.objects.values_list("registration", "pk")) == ids
    kept = Reflection.objects.get()
    assert (kept.enrolment_id, kept.text, kept.prompt) == (
        reflection.enrolment_id,
        reflection.text,
        reflection.prompt,
    )
    assert _rows() == rows
    assert "Rebuilt 4 enrolment(s)" in capsys.readouterr().out


def test_a_rebuild_repairs_a_damaged_projection(journey):
    progress = _progress(journey)
    QuestionAnswer.objects.filter(correct=False).delete()
    Enrolment.objects.filter(status="completed").update(
        status="in_progress", finished_at=None, score_percent=None
    )
    LessonVisit.objects.all().delete()

    call_command("courses_rebuild_progress", verbosity=0)

    assert _progress(journey) == progress


def test_a_dry_run_changes_nothing(journey, capsys):
    Enrolment.objects.all().delete()
    call_command("courses_rebuild_progress", "--dry-run")
    assert not Enrolment.objects.exists()
    assert "Would rebuild 4 enrolment(s)" in capsys.readouterr().out


def test_voided_statements_and_statements_from_outside_do_not_count(journey):
    main = journey["modules"][0]
    learner = journey["learners"][0]
    answers = QuestionAnswer.objects.filter(enrolment__module=main).count()
    # Voiding the last answer of the learner who is half-way takes it out.
    other = journey["learners"][1]
    Statement.objects.filter(
        registration=Enrolment.objects.get(user=other, module=main).registration,
        verb_id="http://adlnet.gov/expapi/verbs/answered",
    ).update(voided=True)
    # A statement that content sent through the xAPI endpoint is not the
    # platform's own: it cannot complete a module.
    foreign = Statement.objects.filter(
        registration=Enrolment.objects.get(user=learner, module=main).registration
    ).first()
    foreign.authority_key = "0" * 64
    foreign.save()

    call_command("courses_rebuild_progress", verbosity=0)

    assert QuestionAnswer.objects.filter(enrolment__module=main).count() == answers - 1
    assert module_progress(user=learner, module=main).status == "completed"


def test_the_statements_are_valid_xapi_with_context(journey):
    """Every course statement carries the enrolment's registration and the
    module's learning path as grouping; its lesson, question and practice
    statements name the module as parent."""
    main = journey["modules"][0]
    enrolment = Enrolment.objects.get(user=journey["learners"][0], module=main)
    statements = list(
        Statement.objects.filter(registration=enrolment.registration).order_by("seq")
    )
    assert statements
    path_id = f"/learning-path/{journey['path'].pk}"
    for row in statements:
        validate_statement(row.payload, version="1.0.3")
        activities = row.payload["context"].get("contextActivities", {})
        if "/module/" not in row.payload["object"]["id"]:
            parents = activities["parent"]
            assert parents[0]["id"].endswith(f"/module/{main.pk}")
        assert [a["id"][-len(path_id) :] for a in activities["grouping"]] == [path_id]
        assert set(row.payload["verb"]["display"]) == {"nl-NL", "en-US"}
    practice = [s for s in statements if "/assessment/" in s.payload["object"]["id"]]
    assert [s.payload["verb"]["id"].rsplit("/", 1)[1] for s in practice] == [
        "failed",
        "passed",
    ]
    other = practice[0].payload["context"]["contextActivities"]["other"]
    assert other[0]["id"].endswith("/scenario/woo-verzoek-verdaging")
