"""The demo organisation loaded by ``manage.py load_demo_data``. Every name is fictitious."""

from django.contrib.auth import get_user_model
from django.db import transaction

from lms.accounts.roles import Role, role_labels
from lms.accounts.services import user_email_address_ensure, user_roles_set
from lms.organisation.models import Building, Department, Floor, JobFunction
from lms.organisation.services import (
    EmployeeData,
    employee_roles_assign,
    employee_upsert,
)

User = get_user_model()

DEMO_PASSWORD = "zaakwijs-demo"  # noqa: S105 - documented demo credential, refused in production
BUILDING = ("Stadskantoor", "Marktplein 1, 1234 AB Zaakwijk")
FLOORS = [
    (1, "Publieksbalie en Vergunningen", "STK-1"),
    (2, "Sociaal Domein", "STK-2"),
    (3, "Juridische Zaken en Klachten", "STK-3"),
    (4, "Bestuur en Bedrijfsvoering", "STK-4"),
]
DEPARTMENTS = [
    "Publiekszaken",
    "Vergunningen, Toezicht en Handhaving",
    "Sociaal Domein",
    "Juridische Zaken",
    "Bedrijfsvoering",
]
FUNCTIONS = [
    "Medewerker Publiekszaken",
    "Vergunningverlener",
    "Consulent Wmo",
    "Jurist bezwaar en beroep",
    "Klachtcoördinator",
    "Teamleider",
    "Informatiemanager",
    "HR-adviseur",
    "Communicatieadviseur",
    "Functioneel beheerder zaaksysteem",
]

# (email, first name, last name, department, floor code, function, manager, roles, coached floors)
PEOPLE = [
    (
        "teamleider.vth@zaakwijs.test",
        "Karin",
        "Visser",
        1,
        "STK-1",
        "Teamleider",
        None,
        [],
        [],
    ),
    (
        "teamleider.sd@zaakwijs.test",
        "Hans",
        "Mulder",
        2,
        "STK-2",
        "Teamleider",
        None,
        [],
        [],
    ),
    (
        "teamleider.jz@zaakwijs.test",
        "Fatima",
        "Yilmaz",
        3,
        "STK-3",
        "Teamleider",
        None,
        [],
        [],
    ),
    (
        "medewerker@zaakwijs.test",
        "Sanne",
        "Jansen",
        1,
        "STK-1",
        "Vergunningverlener",
        "teamleider.vth@zaakwijs.test",
        [],
        [],
    ),
    (
        "ict-expert@zaakwijs.test",
        "Mohamed",
        "El Amrani",
        4,
        "STK-1",
        "Functioneel beheerder zaaksysteem",
        None,
        [Role.COACH],
        ["STK-1"],
    ),
    (
        "ict-expert.2@zaakwijs.test",
        "Lisa",
        "van den Berg",
        4,
        "STK-2",
        "Functioneel beheerder zaaksysteem",
        None,
        [Role.COACH],
        ["STK-2"],
    ),
    (
        "ict-expert.3@zaakwijs.test",
        "Daan",
        "Smit",
        3,
        "STK-3",
        "Jurist bezwaar en beroep",
        "teamleider.jz@zaakwijs.test",
        [Role.COACH],
        ["STK-3"],
    ),
    (
        "ict-expert.4@zaakwijs.test",
        "Noor",
        "Hendriks",
        4,
        "STK-4",
        "Informatiemanager",
        None,
        [Role.COACH],
        ["STK-4"],
    ),
    (
        "hr@zaakwijs.test",
        "Ingrid",
        "de Boer",
        4,
        "STK-4",
        "HR-adviseur",
        None,
        [Role.HR],
        [],
    ),
    (
        "redacteur@zaakwijs.test",
        "Thomas",
        "Bakker",
        4,
        "STK-4",
        "Communicatieadviseur",
        None,
        [Role.EDITOR],
        [],
    ),
    (
        "beheer@zaakwijs.test",
        "Priya",
        "Ramdin",
        4,
        "STK-4",
        "Informatiemanager",
        None,
        [Role.ADMIN],
        [],
    ),
    (
        "p.dekker@zaakwijs.test",
        "Pieter",
        "Dekker",
        0,
        "STK-1",
        "Medewerker Publiekszaken",
        "teamleider.vth@zaakwijs.test",
        [],
        [],
    ),
    (
        "e.vermeulen@zaakwijs.test",
        "Emma",
        "Vermeulen",
        0,
        "STK-1",
        "Medewerker Publiekszaken",
        "teamleider.vth@zaakwijs.test",
        [],
        [],
    ),
    (
        "j.bos@zaakwijs.test",
        "Jeroen",
        "Bos",
        1,
        "STK-1",
        "Vergunningverlener",
        "teamleider.vth@zaakwijs.test",
        [],
        [],
    ),
    (
        "a.kaya@zaakwijs.test",
        "Ayşe",
        "Kaya",
        2,
        "STK-2",
        "Consulent Wmo",
        "teamleider.sd@zaakwijs.test",
        [],
        [],
    ),
    (
        "r.dijkstra@zaakwijs.test",
        "Ruud",
        "Dijkstra",
        2,
        "STK-2",
        "Consulent Wmo",
        "teamleider.sd@zaakwijs.test",
        [],
        [],
    ),
    (
        "m.peters@zaakwijs.test",
        "Marieke",
        "Peters",
        2,
        "STK-2",
        "Consulent Wmo",
        "teamleider.sd@zaakwijs.test",
        [],
        [],
    ),
    (
        "s.baldewsingh@zaakwijs.test",
        "Sunita",
        "Baldewsingh",
        3,
        "STK-3",
        "Jurist bezwaar en beroep",
        "teamleider.jz@zaakwijs.test",
        [],
        [],
    ),
    (
        "w.de.jong@zaakwijs.test",
        "Willem",
        "de Jong",
        3,
        "STK-3",
        "Klachtcoördinator",
        "teamleider.jz@zaakwijs.test",
        [],
        [],
    ),
    (
        "l.meijer@zaakwijs.test",
        "Lotte",
        "Meijer",
        3,
        "STK-3",
        "Jurist bezwaar en beroep",
        "teamleider.jz@zaakwijs.test",
        [],
        [],
    ),
    (
        "k.osei@zaakwijs.test",
        "Kwame",
        "Osei",
        1,
        "STK-1",
        "Vergunningverlener",
        "teamleider.vth@zaakwijs.test",
        [],
        [],
    ),
    (
        "b.van.dam@zaakwijs.test",
        "Bram",
        "van Dam",
        4,
        "STK-4",
        "Communicatieadviseur",
        None,
        [],
        [],
    ),
]


@transaction.atomic
def organisation_demo_load() -> list[tuple[str, str]]:
    """Create or refresh the demo organisation; returns (e-mail, roles) per person."""
    building, _ = Building.objects.update_or_create(
        name=BUILDING[0], defaults={"address": BUILDING[1]}
    )
    floors = {}
    for number, name, code in FLOORS:
        floors[code], _ = Floor.objects.update_or_create(
            code=code, defaults={"building": building, "number": number, "name": name}
        )
    departments = [
        Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS
    ]
    functions = {
        name: JobFunction.objects.get_or_create(name=name)[0] for name in FUNCTIONS
    }

    admin_actor = None
    accounts = []
    for email, first, last, dept, floor, function, manager, roles, coached in PEOPLE:
        profile, _created = employee_upsert(
            data=EmployeeData(
                email=email,
                first_name=first,
                last_name=last,
                department=departments[dept],
                floor=floors[floor],
                job_function=functions[function],
                manager=User.objects.get(email=manager) if manager else None,
            )
        )
        user = profile.user
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user_email_address_ensure(user=user, verified=True)
        if Role.ADMIN in roles:
            user_roles_set(user=user, roles=set(roles))
            admin_actor = user
        accounts.append((profile, set(roles), [floors[code] for code in coached]))

    for profile, roles, coached in accounts:
        employee_roles_assign(
            actor=admin_actor, profile=profile, roles=roles, coached_floors=coached
        )
    return [
        (profile.user.email, ", ".join(role_labels({Role.LEARNER, *roles})))
        for profile, roles, _coached in accounts
    ]
