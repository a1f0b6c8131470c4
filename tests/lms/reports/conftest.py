"""A small organisation with a competence framework and known levels.

    department Vergunningen: manager Mia (no function requirements herself)
        Eva  (Vergunningverlener, manager Mia): c1 2/2 met, c2 1/1 expiring in 10 days
        Ben  (Medewerker KCC, manager Mia):     c2 1/2 gap, c3 –/1 gap
    department KCC:
        Sam  (Vergunningverlener, no manager):  c1 3 expired yesterday → gap,
                                                c2 2/1 met
    Ina  (Vergunningverlener, inactive account): never in a report

Requirements: Vergunningverlener c1 ≥ 2, c2 ≥ 1; Medewerker KCC c2 ≥ 2, c3 ≥ 1.
"""

from datetime import timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone, translation

from badges.models import (
    BadgeAward,
    BadgeClass,
    Competence,
    EmployeeCompetence,
    FunctionRequirement,
    ProficiencyLevel,
)
from tests.factories import (
    DepartmentFactory,
    FloorFactory,
    JobFunctionFactory,
    employee,
)

_index = count(1)


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def make_competence(code: str, name: str, order: int) -> Competence:
    competence = Competence.objects.create(code=code, name=name, sort_order=order)
    for level, level_name in ((1, "Basis"), (2, "Zelfstandig"), (3, "Expert")):
        ProficiencyLevel.objects.create(
            competence=competence, level=level, name=level_name
        )
    return competence


def set_level(user, competence, level, *, expires_at=None, source="badge"):
    return EmployeeCompetence.objects.update_or_create(
        user=user,
        competence=competence,
        defaults={
            "level": level,
            "source": source,
            "achieved_at": timezone.now() - timedelta(days=30),
            "expires_at": expires_at,
        },
    )[0]


def make_award(user, badge: BadgeClass, *, awarded_at=None, **kwargs) -> BadgeAward:
    return BadgeAward.objects.create(
        badge_class=badge,
        recipient=user,
        method=BadgeAward.Method.AUTOMATIC,
        awarded_at=awarded_at or timezone.now(),
        recipient_salt="salt",
        status_list_index=next(_index) + 100000,
        **kwargs,
    )


@pytest.fixture
def org(db):
    return build_org()


def build_org() -> SimpleNamespace:
    now = timezone.now()
    vergunningen = DepartmentFactory(name="Vergunningen")
    kcc = DepartmentFactory(name="KCC")
    floor_1 = FloorFactory(code="STK-1")
    floor_2 = FloorFactory(code="STK-2")
    verlener = JobFunctionFactory(name="Vergunningverlener")
    kcc_function = JobFunctionFactory(name="Medewerker KCC")
    leiding = JobFunctionFactory(name="Teamleider")
    c1 = make_competence("zgw-intake", "Intake van een zaak", 1)
    c2 = make_competence("zgw-status", "Status bijhouden", 2)
    c3 = make_competence("zgw-besluit", "Besluit nemen", 3)
    inactive_competence = Competence.objects.create(
        code="oud", name="Niet meer gebruikt", sort_order=9, is_active=False
    )
    FunctionRequirement.objects.create(job_function=verlener, competence=c1, level=2)
    FunctionRequirement.objects.create(job_function=verlener, competence=c2, level=1)
    FunctionRequirement.objects.create(
        job_function=kcc_function, competence=c2, level=2
    )
    FunctionRequirement.objects.create(
        job_function=kcc_function, competence=c3, level=1
    )
    FunctionRequirement.objects.create(
        job_function=verlener, competence=inactive_competence, level=1
    )

    mia = employee(
        department=vergunningen,
        floor=floor_1,
        job_function=leiding,
        user__first_name="Mia",
        user__last_name="Manager",
    ).user
    eva = employee(
        department=vergunningen,
        floor=floor_1,
        job_function=verlener,
        manager=mia,
        user__first_name="Eva",
        user__last_name="Aalders",
    ).user
    ben = employee(
        department=vergunningen,
        floor=floor_2,
        job_function=kcc_function,
        manager=mia,
        user__first_name="Ben",
        user__last_name="Bakker",
    ).user
    sam = employee(
        department=kcc,
        floor=floor_2,
        job_function=verlener,
        user__first_name="Sam",
        user__last_name="Claes",
    ).user
    ina = employee(
        department=kcc,
        floor=floor_2,
        job_function=verlener,
        manager=mia,
        user__first_name="Ina",
        user__last_name="Dekker",
        user__is_active=False,
    ).user

    set_level(eva, c1, 2, expires_at=now + timedelta(days=365))
    set_level(eva, c2, 1, expires_at=now + timedelta(days=10))
    set_level(ben, c2, 1)
    set_level(sam, c1, 3, expires_at=now - timedelta(days=1))
    set_level(sam, c2, 2, source="signoff")
    set_level(ina, c1, 3)
    return SimpleNamespace(
        vergunningen=vergunningen,
        kcc=kcc,
        floor_1=floor_1,
        floor_2=floor_2,
        verlener=verlener,
        kcc_function=kcc_function,
        leiding=leiding,
        c1=c1,
        c2=c2,
        c3=c3,
        mia=mia,
        eva=eva,
        ben=ben,
        sam=sam,
        ina=ina,
        now=now,
    )
