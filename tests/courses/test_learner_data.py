"""Reflections are sanitised; learners see only their own answers; who sees what."""

import pytest

from courses.models import Enrolment, QuestionAnswer, Reflection
from courses.services import (
    lesson_visit_record,
    question_answer_submit,
    reflection_save,
)
from lms.accounts.roles import Role
from tests.courses import factories as f
from tests.factories import FloorFactory, employee


def reflection_url(lesson, raw) -> str:
    return f"{lesson.url}reflection/{raw['id']}/"


def test_a_reflection_is_kept_as_plain_text_without_markup(
    learner_client, learner, module
):
    raw = f.reflection()
    lesson = f.lesson_page(module, raw)

    response = learner_client.post(
        reflection_url(lesson, raw),
        {
            "text": '<script>alert("x")</script><b>Ik</b> registreer elke zaak & <i>direct</i>.'
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#reflection-{raw['id']}"
    reflection = Reflection.objects.get(enrolment__user=learner)
    assert reflection.text == 'alert("x")Ik registreer elke zaak &amp; direct.'
    assert reflection.prompt == "Wat ga jij morgen anders doen?"
    content = learner_client.get(lesson.url).content.decode()
    assert "<script>alert" not in content
    assert 'alert("x")Ik registreer elke zaak &amp; direct.</textarea>' in content
    assert "Your reflection has been saved." in content


def test_saving_again_updates_the_one_reflection(learner, module):
    raw = f.reflection()
    lesson = f.lesson_page(module, raw)

    reflection_save(user=learner, lesson=lesson, block_id=raw["id"], text="Eerst")
    reflection_save(user=learner, lesson=lesson, block_id=raw["id"], text="Daarna")

    assert list(Reflection.objects.values_list("text", flat=True)) == ["Daarna"]


@pytest.mark.parametrize("text", ["", "   ", "<p></p>"])
def test_an_empty_reflection_is_refused(learner_client, module, text):
    raw = f.reflection()
    lesson = f.lesson_page(module, raw)

    response = learner_client.post(reflection_url(lesson, raw), {"text": text})

    assert response.status_code == 302
    assert not Reflection.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Write your reflection before saving it."]


def test_a_learner_sees_only_their_own_answers_and_reflections(client, module, floor):
    question, prompt = f.single_choice(), f.reflection()
    lesson = f.lesson_page(module, question, prompt)
    anne = employee(floor=floor).user
    bram = employee(floor=floor).user
    client.force_login(anne)
    client.post(
        f"{lesson.url}answer/{question['id']}/",
        {"answer": f.item_ids(question, "options")[1]},
    )
    client.post(reflection_url(lesson, prompt), {"text": "Anne's geheime gedachte"})

    client.force_login(bram)
    content = client.get(lesson.url).content.decode()

    assert "Not correct." not in content
    assert "Nee: de behandelaar kiest die niet zelf." not in content
    assert "Anne's geheime gedachte" not in content
    assert "checked" not in content
    assert QuestionAnswer.objects.visible_to(bram).count() == 0
    assert QuestionAnswer.objects.visible_to(anne).count() == 1


def test_the_floor_coach_sees_answers_and_reflections_nobody_else(module, floor):
    raw = f.reflection()
    question = f.true_false()
    lesson = f.lesson_page(module, raw, question)
    learner = employee(floor=floor).user
    reflection_save(user=learner, lesson=lesson, block_id=raw["id"], text="Mijn les")
    question_answer_submit(
        user=learner,
        lesson=lesson,
        question_id=question["id"],
        response={"choice": "true"},
    )
    coach = employee(roles=[Role.COACH], coached_floors=[floor]).user
    other_coach = employee(roles=[Role.COACH], coached_floors=[FloorFactory()]).user
    hr = employee(roles=[Role.HR]).user
    colleague = employee(floor=floor).user

    assert Reflection.objects.visible_to(coach).count() == 1
    assert QuestionAnswer.objects.visible_to(coach).count() == 1
    for outsider in (other_coach, hr, colleague):
        assert Reflection.objects.visible_to(outsider).count() == 0
        assert QuestionAnswer.objects.visible_to(outsider).count() == 0


def test_progress_is_visible_to_coach_manager_and_hr_but_not_colleagues(module, floor):
    manager = employee().user
    learner = employee(floor=floor, manager=manager).user
    lesson_visit_record(user=learner, lesson=f.lesson_page(module, f.text()))
    coach = employee(roles=[Role.COACH], coached_floors=[floor]).user
    hr = employee(roles=[Role.HR]).user
    colleague = employee(floor=floor).user

    for viewer in (learner, coach, manager, hr):
        assert Enrolment.objects.visible_to(viewer).count() == 1
    assert Enrolment.objects.visible_to(colleague).count() == 0
