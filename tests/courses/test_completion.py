"""Completion rules, retakes, practice results, editing after answers, xAPI call sites."""

import pytest

from courses import services
from courses.models import Enrolment, QuestionAnswer
from courses.selectors import module_progress
from courses.services import (
    EnrolmentNotRetakeable,
    QuestionClosed,
    assignment_result_record,
    enrolment_retake,
    enrolment_start,
    lesson_visit_record,
    question_answer_submit,
)
from tests.courses import factories as f


@pytest.fixture
def recorded(monkeypatch):
    """The xAPI call sites the services hit, in order."""
    calls = []

    def record(**kwargs):
        calls.append(kwargs)

    monkeypatch.setattr(services, "_record", record)
    return calls


def right(raw) -> dict:
    if raw["type"] == "true_false":
        return {"choice": raw["value"]["correct_answer"]}
    option = next(i for i in raw["value"]["options"] if i["value"]["correct"])
    return {"choice": option["id"]}


def wrong(raw) -> dict:
    if raw["type"] == "true_false":
        return {
            "choice": "false" if raw["value"]["correct_answer"] == "true" else "true"
        }
    option = next(i for i in raw["value"]["options"] if not i["value"]["correct"])
    return {"choice": option["id"]}


def answer(user, lesson, raw, response):
    return question_answer_submit(
        user=user, lesson=lesson, question_id=raw["id"], response=response
    )


def status(user, module) -> str:
    return Enrolment.objects.get(user=user, module=module).status


def test_a_module_is_completed_when_lessons_are_seen_and_the_pass_mark_is_met(
    learner, module, recorded
):
    first_q, second_q = f.single_choice(), f.true_false()
    first = f.lesson_page(module, f.text(), first_q)
    second = f.lesson_page(module, second_q)

    lesson_visit_record(user=learner, lesson=first)
    answer(learner, first, first_q, right(first_q))
    assert status(learner, module) == "in_progress"  # lesson 2 unseen, question open

    lesson_visit_record(user=learner, lesson=second)
    assert status(learner, module) == "in_progress"  # a question still unanswered

    feedback = answer(learner, second, second_q, right(second_q))
    assert feedback.correct
    enrolment = Enrolment.objects.get(user=learner, module=module)
    assert enrolment.status == "completed"
    assert enrolment.score_percent == 100
    assert enrolment.finished_at is not None

    verbs = [call["verb"] for call in recorded]
    assert verbs == [
        "LAUNCHED",
        "INITIALIZED",
        "EXPERIENCED",
        "ANSWERED",
        "EXPERIENCED",
        "ANSWERED",
        "COMPLETED",
        "PASSED",
    ]
    assert {call["enrolment"].registration for call in recorded} == {
        enrolment.registration
    }
    answered = recorded[3]
    assert answered["activity_kind"] == "question"
    assert answered["activity_id"] == first_q["id"]
    assert answered["result"]["success"] is True
    assert answered["result"]["response"] == right(first_q)["choice"]
    assert answered["result"]["score"] == {
        "scaled": 1.0,
        "raw": 1.0,
        "min": 0,
        "max": 1,
    }
    assert answered["extensions"]["attempt"] == 1


def test_below_the_pass_mark_learners_retry_what_they_got_wrong(learner, module):
    # Pass mark 70%: one of two equal questions wrong is 50%.
    q1, q2 = f.single_choice(), f.true_false()
    lesson = f.lesson_page(module, q1, q2)
    lesson_visit_record(user=learner, lesson=lesson)

    answer(learner, lesson, q1, right(q1))
    answer(learner, lesson, q2, wrong(q2))
    progress = module_progress(user=learner, module=module)
    assert progress.score_percent == 50
    assert not progress.is_complete and not progress.is_failed
    assert status(learner, module) == "in_progress"

    answer(learner, lesson, q2, right(q2))
    assert status(learner, module) == "completed"


def test_a_module_is_failed_when_no_attempt_can_reach_the_pass_mark(
    learner, module, recorded
):
    q1, q2 = f.single_choice(), f.true_false()
    lesson = f.lesson_page(module, q1, q2)
    lesson_visit_record(user=learner, lesson=lesson)
    answer(learner, lesson, q1, right(q1))
    answer(learner, lesson, q2, wrong(q2))

    answer(learner, lesson, q2, wrong(q2))  # the module allows 2 attempts

    enrolment = Enrolment.objects.get(user=learner, module=module)
    assert (enrolment.status, enrolment.score_percent) == ("failed", 50)
    assert recorded[-1]["verb"] == "FAILED"
    assert recorded[-1]["result"]["success"] is False
    with pytest.raises(QuestionClosed):
        answer(learner, lesson, q1, right(q1))


def test_a_retake_is_a_new_enrolment_with_fresh_attempts(learner, module):
    q = f.true_false(max_attempts=1)
    lesson = f.lesson_page(module, q)
    lesson_visit_record(user=learner, lesson=lesson)
    answer(learner, lesson, q, wrong(q))
    failed = Enrolment.objects.get(user=learner, module=module)
    assert failed.status == "failed"

    retake = enrolment_retake(user=learner, module=module)

    assert retake.attempt == 2
    assert retake.registration != failed.registration
    assert enrolment_start(user=learner, module=module) == retake
    lesson_visit_record(user=learner, lesson=lesson)
    assert answer(learner, lesson, q, right(q)).correct
    assert Enrolment.objects.get(pk=retake.pk).status == "completed"
    with pytest.raises(EnrolmentNotRetakeable):
        enrolment_retake(user=learner, module=module)


def test_retaking_through_the_module_page(learner_client, learner, module):
    q = f.true_false(max_attempts=1)
    lesson = f.lesson_page(module, q)
    learner_client.get(lesson.url)
    learner_client.post(
        f"{lesson.url}answer/{q['id']}/", {"answer": wrong(q)["choice"]}
    )
    content = learner_client.get(module.url).content.decode()
    assert "Retake the module" in content

    response = learner_client.post(f"{module.url}retake/")

    assert response.status_code == 302 and response["Location"] == lesson.url
    assert Enrolment.objects.filter(user=learner, module=module).count() == 2


def test_required_practice_assignments_must_be_passed(learner, module):
    required = f.practice_assignment("registreren-1")
    optional = f.practice_assignment("extra-1", required=False)
    lesson = f.lesson_page(module, f.text(), required, optional)
    lesson_visit_record(user=learner, lesson=lesson)
    enrolment = Enrolment.objects.get(user=learner, module=module)
    assert status(learner, module) == "in_progress"

    assignment_result_record(
        registration=enrolment.registration, assignment_id=required["id"], passed=False
    )
    assert status(learner, module) == "in_progress"

    result = assignment_result_record(
        registration=enrolment.registration, assignment_id=required["id"], passed=True
    )
    assert result.scenario_id == "registreren-1"
    assert status(learner, module) == "completed"


def test_an_unknown_practice_assignment_is_refused(learner, module):
    lesson = f.lesson_page(module, f.text())
    lesson_visit_record(user=learner, lesson=lesson)
    enrolment = Enrolment.objects.get(user=learner, module=module)
    with pytest.raises(LookupError):
        assignment_result_record(
            registration=enrolment.registration, assignment_id=f.new_id(), passed=True
        )


def test_a_module_without_lessons_is_never_complete(learner, module):
    enrolment_start(user=learner, module=module)
    assert not module_progress(user=learner, module=module).is_complete


# --- Editing after learners started ------------------------------------------------


def test_a_removed_lesson_no_longer_blocks_completion(learner_client, learner, module):
    q = f.single_choice()
    first = f.lesson_page(module, q)
    second = f.lesson_page(module, f.text())
    learner_client.get(first.url)
    learner_client.post(f"{first.url}answer/{q['id']}/", {"answer": right(q)["choice"]})
    assert status(learner, module) == "in_progress"  # lesson 2 not seen

    second.unpublish()

    content = learner_client.get(module.url).content.decode()
    assert status(learner, module) == "completed"
    assert "You completed this module" in content
    assert second.title not in content


def test_a_deleted_lesson_no_longer_blocks_completion(learner, module):
    first = f.lesson_page(module, f.text())
    second = f.lesson_page(module, f.text())
    lesson_visit_record(user=learner, lesson=first)

    second.delete()

    assert module_progress(user=learner, module=module).is_complete


def test_a_reworded_question_keeps_its_answer(learner, module):
    q = f.single_choice()
    lesson = f.lesson_page(module, q, f.true_false())
    lesson_visit_record(user=learner, lesson=lesson)
    answer(learner, lesson, q, right(q))

    q["value"]["prompt"] = "Wat bepaalt de termijn?"
    q["value"]["options"][0]["value"]["text"] = "Het type zaak"
    lesson = f.republish(lesson, [q, f.true_false()])

    state = module_progress(user=learner, module=module).question_states[q["id"]]
    assert state.is_correct and not state.answered_earlier_version
    assert state.marking.lines[0].text == "Het type zaak"


def test_a_changed_answer_key_asks_for_a_new_answer_and_keeps_the_old_one(
    learner_client, learner, module
):
    q = f.single_choice()
    other = f.true_false()
    lesson = f.lesson_page(module, q, other)
    learner_client.get(lesson.url)
    answer(learner, lesson, q, wrong(q))
    answer(learner, lesson, q, wrong(q))  # out of attempts under the old key

    # The editor decides the second option is right after all.
    for option, correct in zip(
        q["value"]["options"], [False, True, False], strict=True
    ):
        option["value"]["correct"] = correct
    lesson = f.republish(lesson, [q, other])

    state = module_progress(user=learner, module=module).question_states[q["id"]]
    assert not state.is_answered and state.answered_earlier_version
    assert state.attempts_left == 2
    content = learner_client.get(lesson.url).content.decode()
    assert "This question has changed since you answered it." in content

    feedback = answer(learner, lesson, q, {"choice": q["value"]["options"][1]["id"]})
    assert feedback.correct
    assert feedback.answer.attempt == 3  # attempts are numbered on
    assert QuestionAnswer.objects.filter(question_id=q["id"]).count() == 3


def test_changed_points_rescale_earlier_answers(learner, module):
    q1, q2 = f.single_choice(points=1), f.true_false(points=1)
    lesson = f.lesson_page(module, q1, q2)
    lesson_visit_record(user=learner, lesson=lesson)
    answer(learner, lesson, q1, right(q1))
    assert module_progress(user=learner, module=module).score_percent == 50

    q1["value"]["points"] = 3
    f.republish(lesson, [q1, q2])

    progress = module_progress(user=learner, module=module)
    assert (progress.points_scored, progress.points_possible) == (3, 4)
    assert progress.score_percent == 75


def test_a_removed_question_no_longer_counts(learner_client, learner, module):
    q1, q2 = f.single_choice(), f.true_false()
    lesson = f.lesson_page(module, q1, q2)
    learner_client.get(lesson.url)
    answer(learner, lesson, q1, right(q1))

    f.republish(lesson, [q1])
    learner_client.get(module.url)

    assert status(learner, module) == "completed"


def test_a_completed_module_stays_completed_when_lessons_are_added(learner, module):
    lesson = f.lesson_page(module, f.text())
    lesson_visit_record(user=learner, lesson=lesson)
    assert status(learner, module) == "completed"

    f.lesson_page(module, f.single_choice())

    assert status(learner, module) == "completed"
    assert not module_progress(user=learner, module=module).is_complete
