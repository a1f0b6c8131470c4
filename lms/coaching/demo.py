"""Demo coaching: where the ICT experts sit, a stand-in, help requests in every
state across the floors (with conversations and a proposed visit) and a sign-off.

Idempotent: a help request is recognised by its colleague and subject, the
sign-off by colleague, coach and competence; availability is overwritten.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lms.coaching import services
from lms.coaching.models import CoachAbsence, HelpMessage, HelpRequest, VisitProposal

User = get_user_model()

AVAILABILITY = {
    "ict-expert@zaakwijs.test": (
        "Werkplek 1.07, naast de publieksbalie",
        "ma, di en do 8:30–16:30",
        "06-12345671",
    ),
    "ict-expert.2@zaakwijs.test": (
        "Werkplek 2.12, bij het raam",
        "ma t/m vr 9:00–13:00",
        "06-12345672",
    ),
    "ict-expert.3@zaakwijs.test": (
        "Werkplek 3.03, tegenover de vergaderruimte",
        "di, wo en do 9:00–17:00",
        "",
    ),
    "ict-expert.4@zaakwijs.test": (
        "Werkplek 4.20, naast de printer",
        "ma, wo en vr 8:00–15:00",
        "",
    ),
}

# (colleague, subject, asked days ago, context kind, page label, context ref,
#  conversation [(who, text, hours after asking)], final status,
#  resolved hours after asking)
REQUESTS = [
    (
        "medewerker@zaakwijs.test",
        "Welk resultaattype kies ik bij een verleende vergunning?",
        0,
        "lesson",
        "Resultaat en archiefnominatie",
        {},
        [
            (
                "learner",
                "<p>Ik twijfel tussen <strong>Verleend</strong> en "
                "<strong>Toegekend</strong>. Wat is het verschil voor de "
                "archiefnominatie?</p>",
                0,
            )
        ],
        "open",
        None,
    ),
    (
        "p.dekker@zaakwijs.test",
        "Termijn loopt door terwijl ik op de aanvrager wacht",
        2,
        "scenario",
        "Woo-verzoek verdagen",
        {"scenario": "woo-verzoek-verdaging"},
        [
            (
                "learner",
                "<p>Ik heb om extra informatie gevraagd, maar de uiterste "
                "einddatum schuift niet op. Doe ik iets verkeerd?</p>",
                0,
            ),
            (
                "coach",
                "<p>Je moet de zaak <em>opschorten</em>, niet alleen een "
                "status zetten. Kijk bij de acties op de zaak: "
                "<strong>Opschorten</strong>. Zal ik even langskomen?</p>",
                1,
            ),
        ],
        "in_progress",
        None,
    ),
    (
        "e.vermeulen@zaakwijs.test",
        "Document koppelen aan de juiste zaak",
        6,
        "sandbox",
        "Oefenomgeving",
        {},
        [
            (
                "learner",
                "<p>Hoe koppel ik een binnengekomen brief aan een zaak?</p>",
                0,
            ),
            (
                "coach",
                "<p>Open de zaak, tabblad <strong>Documenten</strong>, en kies "
                "<em>Document toevoegen</em>. Vergeet het documenttype niet.</p>",
                3,
            ),
            ("learner", "<p>Gelukt, dank je!</p>", 4),
        ],
        "resolved",
        4,
    ),
    (
        "a.kaya@zaakwijs.test",
        "Melding openbare ruimte: wie is de initiator?",
        1,
        "scenario",
        "Melding openbare ruimte (eenvoudig)",
        {"scenario": "mor-melding-eenvoudig"},
        [
            (
                "learner",
                "<p>De melder belde namens een buurtvereniging. Registreer ik "
                "de vereniging of de persoon als initiator?</p>",
                0,
            )
        ],
        "open",
        None,
    ),
    (
        "r.dijkstra@zaakwijs.test",
        "Zaak afsluiten zonder besluit?",
        9,
        "lesson",
        "Een zaak afronden",
        {},
        [
            ("learner", "<p>Mag ik een zaak sluiten als er geen besluit is?</p>", 0),
            (
                "coach",
                "<p>Ja, als het zaaktype geen besluit vereist. Zet wel een "
                "resultaat, anders weigert het systeem de eindstatus.</p>",
                20,
            ),
        ],
        "resolved",
        26,
    ),
    (
        "s.baldewsingh@zaakwijs.test",
        "Bezwaar: welke termijn geldt?",
        3,
        "lesson",
        "Termijnen bewaken",
        {},
        [
            (
                "learner",
                "<p>Geldt de beslistermijn vanaf ontvangst of vanaf registratie?</p>",
                0,
            ),
            (
                "coach",
                "<p>Vanaf ontvangst. Ik kijk er morgen even met je naar.</p>",
                5,
            ),
        ],
        "in_progress",
        None,
    ),
    (
        "b.van.dam@zaakwijs.test",
        "Waar vind ik de selectielijst?",
        0,
        "other",
        "Mijn leren",
        {},
        [
            (
                "learner",
                "<p>Waar kan ik zien welke bewaartermijn een zaaktype heeft?</p>",
                0,
            )
        ],
        "open",
        None,
    ),
]


def _user(email: str):
    return User.objects.filter(email=email).first()


def _floor_coach(help_request):
    from lms.coaching.selectors import floor_helpers

    helpers = floor_helpers(floor=help_request.floor)
    return helpers[0] if helpers else None


@transaction.atomic
def coaching_demo_load() -> None:
    today = timezone.localdate()
    for email, (location, availability, phone) in AVAILABILITY.items():
        coach = _user(email)
        if coach is not None:
            services.coach_profile_set(
                user=coach, location=location, availability=availability, phone=phone
            )

    # ICT expert 4 is on leave this week; ICT expert 3 stands in.
    away, stand_in = (
        _user("ict-expert.4@zaakwijs.test"),
        _user("ict-expert.3@zaakwijs.test"),
    )
    if away and stand_in:
        CoachAbsence.objects.filter(coach=away, note="Vakantie (demo)").delete()
        CoachAbsence.objects.create(
            coach=away,
            starts_on=today - timedelta(days=1),
            ends_on=today + timedelta(days=6),
            stand_in=stand_in,
            note="Vakantie (demo)",
        )

    now = timezone.now()
    for (
        email,
        subject,
        days_ago,
        kind,
        label,
        ref,
        conversation,
        status,
        resolved_after,
    ) in REQUESTS:
        learner = _user(email)
        if (
            learner is None
            or HelpRequest.objects.filter(learner=learner, subject=subject).exists()
        ):
            continue
        asked = now - timedelta(days=days_ago, hours=2)
        _who, first_text, _h = conversation[0]
        help_request = services.help_request_create(
            learner=learner,
            subject=subject,
            body=first_text,
            context_kind=kind,
            context_label=label,
            context_ref=ref,
        )
        coach = _floor_coach(help_request)
        for who, text, hours in conversation[1:]:
            author = learner if who == "learner" else coach
            if author is None:
                continue
            message = services.help_message_add(
                help_request=help_request, author=author, body=text
            )
            HelpMessage.objects.filter(pk=message.pk).update(
                created_at=asked + timedelta(hours=hours)
            )
        first = help_request.messages.order_by("pk").first()
        HelpMessage.objects.filter(pk=first.pk).update(created_at=asked)
        coach_hours = [h for who, _t, h in conversation if who == "coach"]
        updates = {
            "created_at": asked,
            "updated_at": asked + timedelta(hours=max(h for *_x, h in conversation)),
            "first_response_at": asked + timedelta(hours=coach_hours[0])
            if coach_hours
            else None,
        }
        if status == "resolved" and coach is not None:
            services.help_request_status_set(
                help_request=help_request, actor=coach, status="resolved"
            )
            updates["resolved_at"] = asked + timedelta(hours=resolved_after)
            updates["updated_at"] = updates["resolved_at"]
        HelpRequest.objects.filter(pk=help_request.pk).update(**updates)
        if subject.startswith("Termijn loopt door") and coach is not None:
            VisitProposal.objects.create(
                request=help_request,
                coach=coach,
                starts_at=(now + timedelta(days=1)).replace(
                    hour=10, minute=0, second=0, microsecond=0
                ),
                note="Ik loop morgen even bij je langs.",
            )

    _signoff_demo()


def _signoff_demo() -> None:
    from badges.models import Competence, CompetenceSignOff

    learner = _user("medewerker@zaakwijs.test")
    coach = _user("ict-expert@zaakwijs.test")
    competence = Competence.objects.filter(code="zgw-intake").first()
    if not (learner and coach and competence):
        return
    if CompetenceSignOff.objects.filter(
        learner=learner, coach=coach, competence=competence
    ).exists():
        return
    services.signoff_record(
        coach=coach,
        learner=learner,
        competence=competence,
        level=1,
        note=(
            "Sanne registreerde aan de balie zelfstandig een melding, met de juiste "
            "initiator en het juiste zaaktype."
        ),
        observed_on=timezone.localdate() - timedelta(days=2),
    )
