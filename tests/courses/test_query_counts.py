"""The catalogue, a module page and a lesson page run a fixed number of SQL
queries, whatever the number of modules, lessons or learners (issue 4 item 8)."""

import pytest

from courses.services import lesson_visit_record, question_answer_submit
from tests.courses import factories as f
from tests.factories import employee

# Session, user and roles; Wagtail's site and page routing (one query per level
# of the tree) and view restrictions; then the page's own reads.
# +1 on every page: the main navigation looks up the catalogue once, +2 for the
# rest of the navigation (base.html: permissions, unread notifications). The
# catalogue reads the modules' competences and the competence filter's choices;
# the module and result pages the module's competences. The result page also
# reads the learner's assigned training (my_learning) for "what next". A lesson
# reloaded by the learner who is on it writes nothing.
EXPECTED = {"catalogue": 22, "module": 24, "result": 34, "lesson": 31}


def _shelf(catalogue, size: int, learners: list):
    """``size`` modules of ``size`` lessons, each lesson with a question, every
    learner having seen every lesson and answered every question."""
    modules = []
    for _ in range(size):
        module = f.module_page(catalogue, max_attempts=0)
        lessons = []
        for _ in range(size):
            question = f.single_choice()
            lesson = f.lesson_page(module, f.text(), question)
            for person in learners:
                lesson_visit_record(user=person, lesson=lesson)
                question_answer_submit(
                    user=person,
                    lesson=lesson,
                    question_id=question["id"],
                    response={"choice": f.item_ids(question, "options")[1]},
                )
            lessons.append(lesson)
        modules.append((module, lessons))
    return modules


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("page", list(EXPECTED))
def test_pages_run_a_fixed_number_of_queries(
    client, catalogue, django_assert_num_queries, size, page
):
    learner = employee().user
    others = [employee().user for _ in range(size)]
    module, lessons = _shelf(catalogue, size, [learner, *others])[-1]
    url = {
        "catalogue": catalogue.url,
        "module": module.url,
        "result": f"{module.url}result/",
        "lesson": lessons[-1].url,
    }[page]
    client.force_login(learner)
    client.get(url)  # the site's root paths are cached after the first request

    with django_assert_num_queries(EXPECTED[page]):
        response = client.get(url)

    assert response.status_code == 200
