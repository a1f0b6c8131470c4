"""HR's screens: who may use them, badge classes with validated criteria, the
framework with nested levels and indicators, awarding by hand and revoking."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from badges.models import BadgeAward, BadgeClass, Competence
from badges.services import badge_award_manual
from lms.notifications.models import Kind, Notification
from tests.badges import factories as f

pytestmark = pytest.mark.django_db

HR_PAGES = [
    "badges_competence:index",
    "badges_competence:add",
    "badges_functionrequirement:index",
    "badges_badgeclass:index",
    "badges_badgeclass:add",
    "badges_award:index",
    "badges_award_manual",
    "badges_award_bulk",
    "badges_framework_import",
]


@pytest.fixture
def hr_client(client, hr, no_mfa_enforcement):
    client.force_login(hr)
    return client


@pytest.mark.parametrize("name", HR_PAGES)
def test_hr_and_admin_may_use_the_badge_screens(
    client, hr, admin_user, no_mfa_enforcement, name
):
    for user in (hr, admin_user):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", HR_PAGES)
def test_learners_coaches_and_editors_may_not(
    client, learner, coach, editor, no_mfa_enforcement, name
):
    for user in (learner, coach, editor):
        client.force_login(user)
        response = client.get(reverse(name))
        # Refused, or sent back to the admin's home page (editors) with a message.
        assert response.status_code in (302, 403), (user, name)
        if response.status_code == 302:
            assert response.url in ("/cms/", "/") or "login" in response.url


def badge_post(criteria, **fields):
    data = {
        "name": "Zaak registreren",
        "slug": "zaak-registreren",
        "description": "Registreert een zaak.",
        "criteria_text": "Module en scenario.",
        "competence": "",
        "level": "",
        "rule": "all",
        "required_count": "",
        "valid_for_days": "",
        "is_active": "on",
        "criteria": inline_formset(criteria),
    }
    data.update(fields)
    return nested_form_data(data)


def criterion(kind, **fields):
    return {
        "kind": kind,
        "module": "",
        "scenario_slug": "",
        "min_score": "",
        "competence": "",
        "level": "",
        "required_badge": "",
        **fields,
    }


def test_hr_creates_a_badge_with_criteria(hr_client, module):
    competence = f.competence("zgw-intake")
    response = hr_client.post(
        reverse("badges_badgeclass:add"),
        badge_post(
            [
                criterion("module_passed", module=module.pk, min_score="70"),
                criterion(
                    "scenario_passed",
                    scenario_slug="mor-melding-eenvoudig",
                    min_score="70",
                ),
                criterion("signoff", competence=competence.pk, level="2"),
            ],
            competence=competence.pk,
            level="2",
            rule="n_of",
            required_count="2",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    badge = BadgeClass.objects.get(slug="zaak-registreren")
    assert badge.criteria.count() == 3
    assert (badge.competence, badge.level, badge.required_count) == (competence, 2, 2)


@pytest.mark.parametrize(
    ("criteria", "fields", "field", "message"),
    [
        (
            [
                criterion("scenario_passed", scenario_slug="a"),
                criterion("scenario_passed", scenario_slug="b"),
            ],
            {"rule": "n_of", "required_count": "3"},
            "required_count",
            "could never be earned",
        ),
        (
            [criterion("scenario_passed", scenario_slug="a")],
            {"rule": "n_of", "required_count": ""},
            "required_count",
            "how many criteria",
        ),
        (
            [criterion("scenario_passed", scenario_slug="a")],
            {"rule": "all", "required_count": "1"},
            "required_count",
            "leave it empty",
        ),
        (
            [],
            {"competence": "__competence__", "level": ""},
            "level",
            "Choose the level",
        ),
    ],
)
def test_badge_form_refuses_bad_combinations(
    hr_client, criteria, fields, field, message
):
    competence = f.competence()
    fields = {
        k: (competence.pk if v == "__competence__" else v) for k, v in fields.items()
    }
    response = hr_client.post(
        reverse("badges_badgeclass:add"), badge_post(criteria, **fields)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors.get(field, []))
    assert not BadgeClass.objects.exists()


@pytest.mark.parametrize(
    ("spec", "field", "message"),
    [
        (criterion("scenario_passed"), "scenario_slug", "Needed for this kind"),
        (criterion("module_passed"), "module", "Needed for this kind"),
        (criterion("signoff", level="2"), "competence", "Needed for this kind"),
        (criterion("badge_held"), "required_badge", "Needed for this kind"),
        (
            criterion("module_completed", scenario_slug="x", module="__module__"),
            "scenario_slug",
            "Not used",
        ),
        (
            criterion("scenario_passed", scenario_slug="x", min_score="120"),
            "min_score",
            "0 to 100",
        ),
    ],
)
def test_criterion_fields_are_checked_per_kind(hr_client, module, spec, field, message):
    spec = {k: (module.pk if v == "__module__" else v) for k, v in spec.items()}
    response = hr_client.post(reverse("badges_badgeclass:add"), badge_post([spec]))
    assert response.status_code == 200
    child = response.context["form"].formsets["criteria"].forms[0]
    assert message in " ".join(child.errors.get(field, [])), child.errors
    assert not BadgeClass.objects.exists()


def test_a_badge_cannot_require_itself_in_a_circle(hr_client):
    first = f.badge_class(name="Eerste")
    second = f.badge_class(f.badge_held(first), name="Tweede")
    data = badge_post(
        [criterion("badge_held", required_badge=second.pk)],
        name=first.name,
        slug=first.slug,
        **{"criteria-TOTAL_FORMS": "1"},
    )
    response = hr_client.post(reverse("badges_badgeclass:edit", args=[first.pk]), data)
    assert response.status_code == 200
    child = response.context["form"].formsets["criteria"].forms[0]
    assert "cannot require itself" in " ".join(child.errors["required_badge"])


def test_hr_edits_a_competence_with_levels_and_indicators(hr_client):
    data = nested_form_data(
        {
            "code": "zgw-besluit",
            "name": "Besluiten vastleggen",
            "description": "",
            "category": "Afronding",
            "sort_order": "1",
            "is_active": "on",
            "levels": inline_formset(
                [
                    {
                        "level": "1",
                        "name": "Basis",
                        "description": "",
                        "indicators": inline_formset(
                            [
                                {"text": "Kent het besluittype"},
                                {"text": "Vult de datum in"},
                            ]
                        ),
                    }
                ]
            ),
            "requirements": inline_formset([]),
        }
    )
    response = hr_client.post(reverse("badges_competence:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    competence = Competence.objects.get(code="zgw-besluit")
    level = competence.levels.get()
    assert sorted(level.indicators.values_list("text", flat=True)) == [
        "Kent het besluittype",
        "Vult de datum in",
    ]


def test_hr_awards_by_hand_and_revokes(hr_client, learner):
    badge = f.badge_class(name="Meedenker")
    response = hr_client.post(
        reverse("badges_award_manual"),
        {
            "badge_class": badge.pk,
            "recipient": learner.pk,
            "narrative": "Hielp collega's.",
        },
    )
    assert response.status_code == 302
    award = BadgeAward.objects.get()
    assert award.narrative == "Hielp collega's."
    index = hr_client.get(reverse("badges_award:index"))
    assert reverse("badges_award_revoke", args=[award.pk]) in index.content.decode()

    response = hr_client.post(
        reverse("badges_award_revoke", args=[award.pk]), {"reason": ""}
    )
    assert response.status_code == 200 and response.context["form"].errors
    response = hr_client.post(
        reverse("badges_award_revoke", args=[award.pk]), {"reason": "Per abuis."}
    )
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.revoked_at and award.revocation_reason == "Per abuis."
    assert Notification.objects.filter(user=learner, kind=Kind.BADGE_REVOKED).exists()


def test_manual_award_of_a_held_badge_is_refused_clearly(hr_client, hr, learner):
    badge = f.badge_class()
    badge_award_manual(actor=hr, badge_class=badge, recipient=learner, narrative="x")
    response = hr_client.post(
        reverse("badges_award_manual"),
        {"badge_class": badge.pk, "recipient": learner.pk, "narrative": "nogmaals"},
    )
    assert response.status_code == 200
    assert "already holds this badge" in str(
        response.context["form"].non_field_errors()
    )


def test_bulk_award_view(hr_client, learner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    badge = f.badge_class()
    upload = SimpleUploadedFile("lijst.csv", f"email\n{learner.email}\n".encode())
    response = hr_client.post(
        reverse("badges_award_bulk"),
        {
            "badge_class": badge.pk,
            "file": upload,
            "narrative": "Training",
            "dry_run": "",
        },
    )
    assert response.status_code == 200 and response.context["report"].ok
    assert BadgeAward.objects.filter(recipient=learner).exists()


def test_awards_cannot_be_added_or_edited_as_rows(hr_client, learner, hr):
    award = badge_award_manual(
        actor=hr, badge_class=f.badge_class(), recipient=learner, narrative="Hielp mee."
    )
    assert hr_client.get(reverse("badges_award:add")).status_code in (302, 403)
    assert hr_client.get(reverse("badges_award:edit", args=[award.pk])).status_code in (
        302,
        403,
    )
    inspect = hr_client.get(reverse("badges_award:inspect", args=[award.pk]))
    assert inspect.status_code == 200
    assert "Hielp mee." in inspect.content.decode()  # the evidence


def test_framework_export_download(hr_client):
    f.competence("zgw-status")
    response = hr_client.get(reverse("badges_framework_export", args=["framework"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "zgw-status" in response.content.decode("utf-8-sig")
    response = hr_client.get(reverse("badges_framework_export", args=["requirements"]))
    assert response.status_code == 200


def test_framework_import_view_reports_errors(hr_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("kader.csv", b"code;naam\nx;y\n")
    response = hr_client.post(
        reverse("badges_framework_import"),
        {"kind": "framework", "file": upload, "encoding": "utf-8", "dry_run": "on"},
    )
    assert response.status_code == 200
    assert not response.context["report"].ok
    assert "import-errors" in response.content.decode()
