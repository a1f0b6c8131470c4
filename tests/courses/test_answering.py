"""Answering knowledge checks in place, with plain HTML forms (no JavaScript)."""

import re
from decimal import Decimal

import pytest

from courses.models import QuestionAnswer
from tests.courses import factories as f


def answer_url(lesson, raw) -> str:
    return f"{lesson.url}answer/{raw['id']}/"


def post(client, lesson, raw, data):
    return client.post(answer_url(lesson, raw), data)


def feedback_html(client, lesson, raw) -> str:
    """The feedback region of one question on the lesson page."""
    content = client.get(lesson.url).content.decode()
    start = content.index(f'id="question-{raw["id"]}"')
    return content[start : content.index("</section>", start)]


def answers(raw) -> list[QuestionAnswer]:
    return list(
        QuestionAnswer.objects.filter(question_id=raw["id"]).order_by("attempt")
    )


def test_a_right_answer_redirects_to_its_feedback_and_shows_points(
    learner_client, module
):
    raw = f.single_choice(points=2)
    lesson = f.lesson_page(module, raw)
    right = f.item_ids(raw, "options")[0]

    response = post(learner_client, lesson, raw, {"answer": right})

    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#feedback-{raw['id']}"
    html = feedback_html(learner_client, lesson, raw)
    assert "Correct." in html
    assert "2 of 2 points" in html
    assert "Ja: het zaaktype legt de termijn vast." in html
    assert "Elke zaak heeft precies één zaaktype." in html  # the explanation
    assert "<form" not in html  # answered right: nothing left to do
    (answer,) = answers(raw)
    assert (answer.attempt, answer.correct, answer.score_fraction) == (1, True, 1)


def test_a_wrong_answer_gets_its_feedback_and_a_retry_until_attempts_run_out(
    learner_client, module
):
    raw = f.single_choice()  # the module allows 2 attempts
    # A second question keeps the module attempt open (see test_completion).
    lesson = f.lesson_page(module, raw, f.true_false())
    _right, wrong, other = f.item_ids(raw, "options")

    post(learner_client, lesson, raw, {"answer": wrong})
    html = feedback_html(learner_client, lesson, raw)
    assert "Not correct." in html
    assert "Nee: de behandelaar kiest die niet zelf." in html
    assert "You have 1 attempt left." in html
    assert f'value="{wrong}" id=' in html and "checked" in html  # filled in again
    assert "The correct answer" not in html

    post(learner_client, lesson, raw, {"answer": other})
    html = feedback_html(learner_client, lesson, raw)
    assert "<form" not in html
    assert "The correct answer:" in html and "<li>Het zaaktype</li>" in html
    assert "Elke zaak heeft precies één zaaktype." in html

    response = post(learner_client, lesson, raw, {"answer": other})
    assert response.status_code == 302
    assert [a.attempt for a in answers(raw)] == [1, 2]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["You have used all your attempts at this question."]


def test_a_question_can_allow_fewer_attempts_than_the_module(learner_client, module):
    raw = f.true_false(max_attempts=1)
    lesson = f.lesson_page(module, raw)

    post(learner_client, lesson, raw, {"answer": "false"})

    html = feedback_html(learner_client, lesson, raw)
    assert "Toch wel: de klok staat stil" in html
    assert "<form" not in html
    assert "<li>True</li>" in html


def test_without_an_attempt_limit_learners_keep_trying(learner_client, catalogue):
    module = f.module_page(catalogue, max_attempts=0)
    raw = f.true_false()
    lesson = f.lesson_page(module, raw)

    for _ in range(5):
        post(learner_client, lesson, raw, {"answer": "false"})

    assert len(answers(raw)) == 5
    html = feedback_html(learner_client, lesson, raw)
    assert "<form" in html and "attempts left" not in html


def test_true_false_right(learner_client, module):
    raw = f.true_false(correct="true")
    lesson = f.lesson_page(module, raw)

    post(learner_client, lesson, raw, {"answer": "true"})

    html = feedback_html(learner_client, lesson, raw)
    assert "Correct." in html and "Klopt: de termijn staat stil." in html


def test_multiple_choice_scores_partly_and_the_best_attempt_counts(
    learner_client, module
):
    raw = f.multiple_choice(points=2)  # two right options, one wrong
    lesson = f.lesson_page(module, raw)
    zaaktype, status, colour = f.item_ids(raw, "options")

    post(learner_client, lesson, raw, {"answer": [zaaktype]})
    html = feedback_html(learner_client, lesson, raw)
    assert "Partly correct." in html and "1 of 2 points" in html
    assert "Choose all answers that apply." in html

    post(learner_client, lesson, raw, {"answer": [zaaktype, colour]})
    html = feedback_html(learner_client, lesson, raw)
    assert "Not correct." in html
    assert "Dat hoort er niet bij." in html
    assert "1 of 2 points" in html  # the better first attempt still counts
    assert [a.score_fraction for a in answers(raw)] == [Decimal("0.5"), 0]


def test_ordering_steps_with_select_boxes(learner_client, module):
    raw = f.ordering(points=2)
    lesson = f.lesson_page(module, raw)
    steps = f.item_ids(raw, "steps")

    page = learner_client.get(lesson.url).content.decode()
    assert all(f'name="position-{key}"' in page for key in steps)

    swapped = [steps[1], steps[0], steps[2], steps[3]]
    post(
        learner_client,
        lesson,
        raw,
        {f"position-{key}": str(n) for n, key in enumerate(swapped, start=1)},
    )
    html = feedback_html(learner_client, lesson, raw)
    assert "Partly correct." in html and "1 of 2 points" in html
    assert "Zaak behandelen — Denk na over: Zaak behandelen" in html

    post(
        learner_client,
        lesson,
        raw,
        {f"position-{key}": str(n) for n, key in enumerate(steps, start=1)},
    )
    assert "Correct." in feedback_html(learner_client, lesson, raw)


def test_an_incomplete_ordering_is_shown_again_with_the_problem(learner_client, module):
    raw = f.ordering()
    lesson = f.lesson_page(module, raw)
    steps = f.item_ids(raw, "steps")

    response = post(
        learner_client, lesson, raw, {f"position-{key}": "1" for key in steps}
    )

    assert response.status_code == 200
    content = response.content.decode()
    feedback = content[content.index(f'id="feedback-{raw["id"]}"') :]
    assert "Give every step a different position." in feedback[:600]
    assert f'aria-describedby="feedback-{raw["id"]}"' in content
    assert answers(raw) == []


def test_matching_terms_to_definitions(learner_client, module):
    raw = f.matching(points=3)
    lesson = f.lesson_page(module, raw)
    zaaktype, statustype, resultaattype = f.item_ids(raw, "pairs")

    post(
        learner_client,
        lesson,
        raw,
        {
            f"match-{zaaktype}": zaaktype,
            f"match-{statustype}": resultaattype,
            f"match-{resultaattype}": statustype,
        },
    )
    html = feedback_html(learner_client, lesson, raw)
    assert "Partly correct." in html and "1 of 3 points" in html
    assert "Statustype: Een stap in de behandeling." in html  # that pair's feedback
    assert f'<option value="{resultaattype}" selected>' in html  # filled in again

    post(
        learner_client,
        lesson,
        raw,
        {f"match-{key}": key for key in (zaaktype, statustype, resultaattype)},
    )
    html = feedback_html(learner_client, lesson, raw)
    assert "Correct." in html and "3 of 3 points" in html


def test_no_answer_chosen_is_explained_in_place(learner_client, module):
    raw = f.single_choice()
    lesson = f.lesson_page(module, raw)

    response = post(learner_client, lesson, raw, {})

    assert response.status_code == 200
    assert "Choose an answer." in response.content.decode()
    assert answers(raw) == []


def test_answers_are_posted_not_fetched(learner_client, module):
    raw = f.single_choice()
    lesson = f.lesson_page(module, raw)
    assert learner_client.get(answer_url(lesson, raw)).status_code == 405


def test_an_unknown_question_sends_the_learner_back_to_the_lesson(
    learner_client, module
):
    lesson = f.lesson_page(module, f.single_choice())
    response = learner_client.post(
        f"{lesson.url}answer/00000000-0000-4000-8000-000000000000/", {"answer": "x"}
    )
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    assert not QuestionAnswer.objects.exists()


def test_the_form_says_where_the_feedback_is(learner_client, module):
    raw = f.single_choice()
    lesson = f.lesson_page(module, raw)

    content = learner_client.get(lesson.url).content.decode()

    assert f'action="{answer_url(lesson, raw)}#feedback-{raw["id"]}"' in content
    assert f'id="feedback-{raw["id"]}" tabindex="-1"' in content
    assert "<legend" in content and "<fieldset" in content


@pytest.mark.parametrize(
    "kind", ["single_choice", "true_false", "ordering", "matching"]
)
def test_every_kind_of_question_renders_a_labelled_form(learner_client, module, kind):
    raw = getattr(f, kind)()
    lesson = f.lesson_page(module, raw)

    content = learner_client.get(lesson.url).content.decode()

    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', content)
    question_inputs = [i for i in ids if i.startswith(f"question-{raw['id']}")]
    assert question_inputs
    for input_id in question_inputs:
        assert f'<label for="{input_id}">' in content


def test_help_can_be_asked_about_a_question_with_its_context(learner_client, module):
    raw = f.single_choice()
    lesson = f.lesson_page(module, raw)

    html = feedback_html(learner_client, lesson, raw)

    link = re.search(r'class="zw-question__help"><a href="([^"]+)"', html).group(1)
    assert link.startswith("/coaching/")
    assert "kind=question" in link and f"question={raw['id']}" in link
    assert f"lesson={lesson.pk}" in link
