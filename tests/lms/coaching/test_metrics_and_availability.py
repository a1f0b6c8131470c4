from datetime import timedelta

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from lms.coaching import selectors, services
from lms.coaching.models import CoachAbsence, HelpRequest, coached_floor_ids
from lms.coaching.templatetags.coaching import duration_text


def test_response_and_resolution_times_per_floor(learner, coach, floor, other_floor):
    now = timezone.now()
    for first_minutes, resolved_hours in ((10, 2), (30, 4), (50, None)):
        created = now - timedelta(days=1)
        HelpRequest.objects.create(
            learner=learner,
            floor=floor,
            subject="x",
            created_at=created,
            first_response_at=created + timedelta(minutes=first_minutes),
            resolved_at=created + timedelta(hours=resolved_hours)
            if resolved_hours
            else None,
            status="resolved" if resolved_hours else "in_progress",
        )
    # Outside the period: not counted.
    HelpRequest.objects.create(
        learner=learner,
        floor=floor,
        subject="old",
        created_at=now - timedelta(days=400),
    )
    rows = {m.floor: m for m in selectors.help_metrics(since=now - timedelta(days=30))}
    mine = rows[floor]
    assert mine.requests == 3 and mine.open == 1 and mine.unanswered == 0
    assert mine.first_response_median == timedelta(minutes=30)
    assert mine.first_response_mean == timedelta(minutes=30)
    assert mine.resolution_median == timedelta(hours=3)
    assert rows[other_floor].requests == 0
    assert rows[other_floor].first_response_median is None


def test_duration_text():
    assert duration_text(None) == "—"
    assert duration_text(timedelta(minutes=5)) == "5 minutes"
    assert duration_text(timedelta(hours=3)) == "3 hours"
    assert duration_text(timedelta(days=3)) == "3 days"


def test_stand_in_coaches_the_floor_for_the_period(learner, coach, other_coach, floor):
    today = timezone.localdate()
    assert floor.pk not in coached_floor_ids(other_coach, today=today)
    services.coach_absence_add(
        coach=coach,
        starts_on=today,
        ends_on=today + timedelta(days=1),
        stand_in=other_coach,
    )
    assert floor.pk in coached_floor_ids(other_coach, today=today)
    assert floor.pk not in coached_floor_ids(
        other_coach, today=today + timedelta(days=2)
    )
    cards = selectors.floor_coach_cards(floor=floor)
    assert [(c.user, c.is_away, c.is_stand_in) for c in cards] == [
        (coach, True, False),
        (other_coach, False, True),
    ]
    assert selectors.floor_helpers(floor=floor) == [other_coach]


def test_absence_rules(coach, learner):
    import pytest
    from django.core.exceptions import ValidationError

    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.coach_absence_add(
            coach=coach, starts_on=today, ends_on=today - timedelta(days=1)
        )
    with pytest.raises(ValidationError):
        services.coach_absence_add(
            coach=coach, starts_on=today, ends_on=today, stand_in=learner
        )
    assert not CoachAbsence.objects.exists()


def test_coach_sets_availability_and_absence(client, coach, other_coach):
    client.force_login(coach)
    url = reverse("coaching:availability")
    response = client.post(
        url,
        {"form": "profile", "location": "Bureau 2.14", "availability": "ma-do 9-16"},
    )
    assert response.status_code == 302
    assert coach.coach_profile.location == "Bureau 2.14"
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "form": "absence",
            "absence-starts_on": today.isoformat(),
            "absence-ends_on": (today + timedelta(days=5)).isoformat(),
            "absence-stand_in": other_coach.pk,
            "absence-note": "Vakantie",
        },
    )
    assert response.status_code == 302, response.context["absence_form"].errors
    absence = CoachAbsence.objects.get()
    assert absence.stand_in == other_coach
    assert "Bureau 2.14" in client.get(url).content.decode()


def test_help_button_and_my_coaches_tags(learner, coach):
    services.coach_profile_set(user=coach, location="Bureau 2.14", availability="ma-do")
    request = RequestFactory().get("/oefenen/abc/werkvoorraad/?x=1")
    request.user = learner

    class Workspace:
        name = "Oefenzaak MOR"
        uuid = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"

    html = Template("{% load coaching %}{% help_button %}{% my_coaches %}").render(
        Context({"request": request, "workspace": Workspace()})
    )
    assert "Ask for help" in html
    assert "kind=sandbox" in html and "workspace=1b4e28ba" in html
    assert "next=%2Foefenen%2Fabc%2Fwerkvoorraad%2F%3Fx%3D1" in html
    assert "Bureau 2.14" in html


def test_ask_for_help_page_prefills_context_and_creates(client, learner, coach):
    client.force_login(learner)
    url = reverse("coaching:request_new")
    response = client.get(url + "?kind=lesson&label=Resultaat&next=/les/&lesson=7")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["context_kind"] == "lesson"
    assert form.initial["ref_lesson"] == "7"
    response = client.post(
        url,
        {
            "subject": "Resultaattype",
            "body": "Welke kies ik?",
            "context_kind": "lesson",
            "context_label": "Resultaat",
            "page_url": "/les/",
            "ref_lesson": "7",
        },
    )
    help_request = HelpRequest.objects.get()
    assert response.status_code == 302
    assert help_request.context_ref == {"lesson": 7}
    detail = client.get(
        reverse("coaching:request_detail", kwargs={"pk": help_request.pk})
    )
    assert "Resultaat" in detail.content.decode()


def test_reply_and_status_through_the_pages(client, learner, coach):
    help_request = services.help_request_create(
        learner=learner, subject="Vraag", body="Help"
    )
    client.force_login(coach)
    reply = reverse("coaching:request_reply", kwargs={"pk": help_request.pk})
    assert client.post(reply, {"body": ""}).status_code == 200  # error shown, kept
    assert client.post(reply, {"body": "Ik kom eraan"}).status_code == 302
    status = reverse("coaching:request_status", kwargs={"pk": help_request.pk})
    client.post(status, {"status": "resolved"})
    help_request.refresh_from_db()
    assert help_request.status == "resolved"
    client.force_login(learner)
    page = client.get(
        reverse("coaching:request_detail", kwargs={"pk": help_request.pk})
    )
    assert "Ik kom eraan" in page.content.decode()
    assert "Reopen" in page.content.decode()


def test_hr_keeps_availability_and_stand_ins_in_the_wagtail_admin(
    client, hr, coach, other_coach, learner
):
    client.force_login(hr)
    assert client.get(reverse("coaching_coachabsence:index")).status_code == 200
    today = timezone.localdate()
    response = client.post(
        reverse("coaching_coachabsence:add"),
        {
            "coach": coach.pk,
            "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=2)).isoformat(),
            "stand_in": other_coach.pk,
            "note": "Cursus",
        },
    )
    assert response.status_code == 302
    assert CoachAbsence.objects.get().stand_in == other_coach
    assert client.get(reverse("coaching_coachprofile:add")).status_code == 200
    # A learner has no access to the admin at all.
    client.force_login(learner)
    assert client.get(reverse("coaching_coachabsence:index")).status_code in (302, 403)


def test_my_coach_cards_are_cached_until_something_changes(
    learner, coach, other_coach, floor, django_assert_num_queries
):
    assert [c.user for c in selectors.my_coach_cards(user=learner)] == [coach]
    with django_assert_num_queries(0):
        selectors.my_coach_cards(user=learner)
    services.coach_profile_set(user=coach, location="Bureau 3", availability="ma")
    (card,) = selectors.my_coach_cards(user=learner)
    assert card.profile.location == "Bureau 3"
    other_coach.profile.coached_floors.add(floor)
    assert len(selectors.my_coach_cards(user=learner)) == 2
