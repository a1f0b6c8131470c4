import re, pytest
from courses.demo import courses_demo_load
from courses.models import LessonPage
from tests.factories import employee

@pytest.mark.django_db
def test_view(home_page, client):
    courses_demo_load()
    client.force_login(employee().user)
    lesson = LessonPage.objects.get(slug="verlengen-en-verdagen")
    html = client.get(lesson.url).content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    text = re.sub(r"<[^>]+>", " ", main)
    print(re.sub(r"\s+", " ", text)[:6000])
