"""Marking knowledge-check questions, without pages or a database."""

from decimal import Decimal

import pytest
from django.http import QueryDict

from courses.questions import AnswerInvalid, lesson_items, question_from_raw
from tests.courses.factories import (
    item_ids,
    matching,
    multiple_choice,
    ordering,
    practice_assignment,
    reflection,
    single_choice,
    text,
    true_false,
)


def form(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(
            name.replace("_", "-"), value if isinstance(value, list) else [value]
        )
    return data


def test_single_choice_marks_the_one_right_option_with_its_feedback():
    raw = single_choice()
    question = question_from_raw(raw)
    right, wrong, _ = item_ids(raw, "options")

    marking = question.mark({"choice": right})
    assert (marking.correct, marking.fraction) == (True, Decimal(1))
    assert marking.lines[0].feedback == "Ja: het zaaktype legt de termijn vast."

    marking = question.mark({"choice": wrong})
    assert (marking.correct, marking.fraction) == (False, Decimal(0))
    assert marking.lines[0].feedback == "Nee: de behandelaar kiest die niet zelf."
    assert question.solution() == ["Het zaaktype"]


def test_multiple_choice_gives_partial_credit_and_wrong_picks_cancel_right_ones():
    raw = multiple_choice()
    question = question_from_raw(raw)
    type_, status, colour = item_ids(raw, "options")

    assert question.mark({"choices": [type_, status]}).correct
    half = question.mark({"choices": [type_]})
    assert (half.correct, half.fraction) == (False, Decimal("0.5"))
    cancelled = question.mark({"choices": [type_, colour]})
    assert cancelled.fraction == Decimal(0)
    assert [line.correct for line in cancelled.lines] == [True, False]
    assert question.mark({"choices": [colour]}).fraction == Decimal(0)


def test_true_false_has_feedback_for_each_answer():
    question = question_from_raw(true_false(correct="true"))

    assert question.mark({"choice": "true"}).correct
    wrong = question.mark({"choice": "false"})
    assert not wrong.correct
    assert wrong.lines[0].feedback.startswith("Toch wel")


def test_ordering_scores_each_step_in_its_place_and_explains_misplaced_ones():
    raw = ordering()
    question = question_from_raw(raw)
    first, second, third, fourth = item_ids(raw, "steps")

    assert question.mark({"order": [first, second, third, fourth]}).correct
    swapped = question.mark({"order": [second, first, third, fourth]})
    assert swapped.fraction == Decimal("0.5")
    assert [line.correct for line in swapped.lines] == [False, False, True, True]
    assert swapped.lines[0].feedback == "Denk na over: Zaak behandelen"
    assert swapped.lines[2].feedback == ""


def test_matching_scores_each_term_and_explains_wrong_matches():
    raw = matching()
    question = question_from_raw(raw)
    zaaktype, statustype, resultaattype = item_ids(raw, "pairs")

    right = {zaaktype: zaaktype, statustype: statustype, resultaattype: resultaattype}
    assert question.mark({"matches": right}).correct
    mixed = question.mark(
        {"matches": {**right, statustype: resultaattype, resultaattype: statustype}}
    )
    assert mixed.fraction == Decimal("0.3333")
    assert [line.correct for line in mixed.lines] == [True, False, False]
    assert "Statustype → De uitkomst van een zaak" in mixed.lines[1].text


@pytest.mark.parametrize(
    ("raw", "fields", "message"),
    [
        (single_choice(), {}, "Choose an answer."),
        (multiple_choice(), {}, "Choose at least one answer."),
        (true_false(), {"answer": "maybe"}, "That answer is not one of the options."),
    ],
)
def test_choice_responses_are_checked(raw, fields, message):
    question = question_from_raw(raw)
    with pytest.raises(AnswerInvalid) as error:
        question.validate(question.response_from_form(form(**fields)))
    assert str(error.value.message) == message


def test_ordering_form_needs_every_step_in_a_different_place():
    raw = ordering(steps=("A", "B", "C"))
    question = question_from_raw(raw)
    a, b, c = item_ids(raw, "steps")

    with pytest.raises(AnswerInvalid, match="different position"):
        question.response_from_form(
            QueryDict(f"position-{a}=1&position-{b}=1&position-{c}=3")
        )
    with pytest.raises(AnswerInvalid, match="position for every step"):
        question.response_from_form(QueryDict(f"position-{a}=1&position-{b}=2"))
    response = question.response_from_form(
        QueryDict(f"position-{a}=2&position-{b}=3&position-{c}=1")
    )
    assert response == {"order": [c, a, b]}


def test_matching_form_needs_a_definition_for_every_term():
    raw = matching()
    question = question_from_raw(raw)
    first, second, third = item_ids(raw, "pairs")

    with pytest.raises(AnswerInvalid, match="every term"):
        question.response_from_form(QueryDict(f"match-{first}={first}"))
    with pytest.raises(AnswerInvalid, match="not one of the options"):
        question.validate({"matches": {first: "x", second: second, third: third}})


def test_learners_never_get_the_steps_in_the_right_order():
    raw = ordering(steps=("A", "B"))
    question = question_from_raw(raw)
    for seed in map(str, range(20)):
        assert [s.text for s in question.presented_steps(seed)] == ["B", "A"]


def test_presented_order_is_stable_per_learner():
    question = question_from_raw(ordering())
    assert question.presented_steps("x") == question.presented_steps("x")


def test_fingerprint_follows_the_answer_key_not_the_wording():
    raw = single_choice()
    original = question_from_raw(raw).fingerprint

    raw["value"]["prompt"] = "Anders geformuleerd?"
    raw["value"]["options"][0]["value"]["text"] = "Het type van de zaak"
    raw["value"]["options"][1]["value"]["feedback"] = "Andere feedback"
    raw["value"]["points"] = 5
    assert question_from_raw(raw).fingerprint == original

    raw["value"]["options"][0]["value"]["correct"] = False
    raw["value"]["options"][1]["value"]["correct"] = True
    assert question_from_raw(raw).fingerprint != original


def test_fingerprint_of_an_ordering_changes_when_steps_are_reordered():
    raw = ordering()
    original = question_from_raw(raw).fingerprint
    raw["value"]["steps"].reverse()
    assert question_from_raw(raw).fingerprint != original


def test_lesson_items_finds_questions_reflections_and_assignments_in_body_order():
    body = [
        text(),
        single_choice(),
        reflection(),
        ordering(),
        practice_assignment(required=False),
    ]
    found = lesson_items(body)
    assert [q.kind for q in found.questions] == ["single_choice", "ordering"]
    assert found.reflections[0].prompt == "Wat ga jij morgen anders doen?"
    assert found.assignments[0].scenario_id == "kapvergunning-1"
    assert found.assignments[0].required is False
    assert found.question(body[1]["id"]).id == body[1]["id"]


def test_option_keys_fall_back_to_positions_for_lists_without_ids():
    raw = single_choice()
    raw["value"]["options"] = [item["value"] for item in raw["value"]["options"]]
    question = question_from_raw(raw)
    assert [o.key for o in question.options] == ["item-0", "item-1", "item-2"]
    assert question.mark({"choice": "item-0"}).correct


def test_responses_have_an_xapi_form():
    raw = matching(pairs=(("A", "1"), ("B", "2")))
    question = question_from_raw(raw)
    a, b = item_ids(raw, "pairs")
    assert question.xapi_response({"matches": {a: b, b: a}}) in (
        f"{a}[.]{b}[,]{b}[.]{a}",
        f"{b}[.]{a}[,]{a}[.]{b}",
    )
    ordered = ordering(steps=("A", "B"))
    first, second = item_ids(ordered, "steps")
    assert (
        question_from_raw(ordered).xapi_response({"order": [second, first]})
        == f"{second}[,]{first}"
    )
    assert question_from_raw(true_false()).xapi_response({"choice": "false"}) == "false"
