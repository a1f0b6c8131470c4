"""Demo competence framework (ZGW competences, zgw-domain.md §4) and badges.

Codes are stable: modules, scenarios and badges refer to them.
"""

from django.db import transaction

from lms.organisation.models import JobFunction

from .models import Competence, FunctionRequirement, ProficiencyLevel

CATEGORY_INTAKE = "Intake en registratie"
CATEGORY_HANDLING = "Behandeling en termijnen"
CATEGORY_CLOSING = "Besluit, afronding en archief"
CATEGORY_CARE = "Zorgvuldigheid"
CATEGORY_CHANGE = "Samen veranderen"

# (code, name, category, description)
COMPETENCES = [
    ("zgw-zaaktype", "Het juiste zaaktype kiezen", CATEGORY_INTAKE,
     "Kiest bij de intake het zaaktype dat bij het verzoek past (Woo-verzoek, klacht, "
     "bezwaar, melding openbare ruimte, ...)."),
    ("zgw-initiator", "Betrokkenen juist vastleggen", CATEGORY_INTAKE,
     "Legt de initiator vast met het juiste betrokkenetype (BSN of KvK), een gemachtigde "
     "met machtiging, en wijst een behandelaar toe."),
    ("zgw-intake", "Intakegegevens vastleggen", CATEGORY_INTAKE,
     "Vult communicatiekanaal, omschrijving, startdatum (datum van ontvangst), object en "
     "eigenschappen juist in."),
    ("zgw-documenten", "Documenten vastleggen en koppelen", CATEGORY_HANDLING,
     "Koppelt elk in- en uitgaand document met het juiste informatieobjecttype, de juiste "
     "vertrouwelijkheid, status en gebruiksrechten."),
    ("zgw-status", "Statussen op volgorde zetten", CATEGORY_HANDLING,
     "Zet statussen in volgorde met een zinvolle toelichting en informeert de klant waar "
     "dat hoort."),
    ("zgw-termijnen", "Termijnen bewaken", CATEGORY_HANDLING,
     "Kent de wettelijke termijn, bewaakt de uiterlijke einddatum en handelt op tijd."),
    ("zgw-opschorten", "Opschorten en hervatten", CATEGORY_HANDLING,
     "Schort alleen op waar het zaaktype dat toestaat, na een gedocumenteerd verzoek om "
     "aanvulling, met een reden, en hervat de zaak."),
    ("zgw-verlengen", "Verlengen en verdagen", CATEGORY_HANDLING,
     "Verlengt één keer, binnen de toegestane duur, schriftelijk en vóór het einde van "
     "de termijn."),
    ("zgw-resultaat", "Resultaat kiezen en afsluiten", CATEGORY_CLOSING,
     "Kiest het juiste resultaat en sluit af met de eindstatus."),
    ("zgw-besluit", "Besluiten vastleggen", CATEGORY_CLOSING,
     "Legt het besluit vast met besluittype, ingangsdatum, verzenddatum en reactietermijn "
     "en koppelt het aan de zaak."),
    ("zgw-privacy", "Privacy en vertrouwelijkheid", CATEGORY_CARE,
     "Kiest de juiste vertrouwelijkheid, zet geen BSN in vrije tekst en koppelt geen "
     "documenten aan de verkeerde zaak."),
    ("zgw-relaties", "Zaken aan elkaar relateren", CATEGORY_CARE,
     "Relateert een bezwaar aan de zaak van het bestreden besluit en gebruikt deelzaken "
     "voor meerstapsprocessen."),
    ("zgw-archief", "Archiveren", CATEGORY_CLOSING,
     "Vernietigt niets zelf, kent de selectielijstklasse en maakt documenten definitief "
     "vóór het afsluiten."),
    ("zgw-samen-veranderen", "Samen veranderen", CATEGORY_CHANGE,
     "Denkt mee over visie en procesontwerp, deelt kennis met collega's en helpt hen op "
     "weg."),
]  # fmt: skip

LEVELS = [
    (1, "Basis", "Kent de regels en werkt ze met hulp toe."),
    (2, "Zelfstandig", "Past de regels zelfstandig en foutloos toe in het eigen werk."),
    (3, "Expert", "Handelt ook uitzonderingen af en helpt collega's op weg."),
]

# Job function → {competence code: required level}. Everyone who handles cases needs
# the basics; specialists need more of what their process asks.
_CASE_BASICS = {
    "zgw-zaaktype": 2, "zgw-initiator": 2, "zgw-intake": 2, "zgw-documenten": 2,
    "zgw-status": 2, "zgw-termijnen": 2, "zgw-privacy": 2, "zgw-archief": 1,
}  # fmt: skip
REQUIREMENTS = {
    "Medewerker Publiekszaken": {**_CASE_BASICS, "zgw-opschorten": 1},
    "Vergunningverlener": {
        **_CASE_BASICS, "zgw-opschorten": 2, "zgw-verlengen": 2, "zgw-besluit": 2,
        "zgw-resultaat": 2, "zgw-termijnen": 3,
    },
    "Consulent Wmo": {
        **_CASE_BASICS, "zgw-besluit": 2, "zgw-resultaat": 2, "zgw-relaties": 2,
        "zgw-privacy": 3,
    },
    "Jurist bezwaar en beroep": {
        **_CASE_BASICS, "zgw-verlengen": 2, "zgw-besluit": 3, "zgw-resultaat": 3,
        "zgw-relaties": 3,
    },
    "Klachtcoördinator": {**_CASE_BASICS, "zgw-resultaat": 2, "zgw-verlengen": 2},
    "Teamleider": {"zgw-termijnen": 2, "zgw-samen-veranderen": 3},
    "Informatiemanager": {"zgw-archief": 3, "zgw-privacy": 3, "zgw-samen-veranderen": 2},
    "Functioneel beheerder zaaksysteem": {
        **{code: 3 for code in _CASE_BASICS}, "zgw-samen-veranderen": 3,
    },
}  # fmt: skip


@transaction.atomic
def framework_demo_load() -> list[Competence]:
    """Create or refresh the demo framework. Idempotent; HR's own edits to names and
    descriptions of existing competences are overwritten only for these codes."""
    competences = []
    for order, (code, name, category, description) in enumerate(COMPETENCES):
        competence, _ = Competence.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "description": description,
                "sort_order": order,
            },
        )
        for level, level_name, level_description in LEVELS:
            ProficiencyLevel.objects.update_or_create(
                competence=competence,
                level=level,
                defaults={"name": level_name, "description": level_description},
            )
        competences.append(competence)
    by_code = {c.code: c for c in competences}
    for function_name, levels in REQUIREMENTS.items():
        function = JobFunction.objects.filter(name=function_name).first()
        if function is None:
            continue
        for code, level in levels.items():
            FunctionRequirement.objects.update_or_create(
                job_function=function,
                competence=by_code[code],
                defaults={"level": level},
            )
    return competences


# The demo badges. Criteria: ("module_passed", module slug, min score),
# ("module_completed", module slug), ("scenario_passed", scenario slug, min score),
# ("signoff", competence code, level), ("badge_held", badge slug).
MODULE_ZAAK = "een-zaak-registreren-en-afhandelen"
MODULE_BASIS = "wat-is-zaakgericht-werken"
MODULE_TERMIJNEN = "termijnen-opschorten-en-verlengen"
MODULE_DOCUMENTEN = "documenten-vertrouwelijkheid-en-archiveren"
MODULE_BOTTOM_UP = "bottom-up-veranderen"

BADGES = [
    {
        "slug": "zaakgericht-werken-basis",
        "name": "Zaakgericht werken: de basis",
        "description": "Kent de begrippen van zaakgericht werken: zaak, zaaktype, "
        "status, resultaat en zaakdossier.",
        "criteria_text": "Rond de module “Wat is zaakgericht werken?” af.",
        "competence": ("zgw-zaaktype", 1),
        "criteria": [("module_completed", MODULE_BASIS)],
    },
    {
        "slug": "zaak-registreren",
        "name": "Zaak registreren",
        "description": "Registreert een zaak zelfstandig en juist: zaaktype, "
        "betrokkenen en intakegegevens.",
        "criteria_text": "Haal de module “Een zaak registreren en afhandelen” met ten "
        "minste 70% én slaag voor het oefenscenario “Melding openbare ruimte” met "
        "ten minste 70%.",
        "competence": ("zgw-intake", 2),
        "criteria": [
            ("module_passed", MODULE_ZAAK, 70),
            ("scenario_passed", "mor-melding-eenvoudig", 70),
        ],
    },
    {
        "slug": "termijnen-bewaken",
        "name": "Termijnen bewaken",
        "description": "Bewaakt wettelijke termijnen en verdaagt of verlengt op de "
        "juiste manier. Een jaar geldig: termijnregels veranderen.",
        "criteria_text": "Haal de module “Termijnen: opschorten en verlengen” met ten "
        "minste 70% én slaag voor het oefenscenario “Woo-verzoek verdagen” met ten "
        "minste 70%. Na een jaar opnieuw.",
        "competence": ("zgw-verlengen", 2),
        "valid_for_days": 365,
        "criteria": [
            ("module_passed", MODULE_TERMIJNEN, 70),
            ("scenario_passed", "woo-verzoek-verdaging", 70),
        ],
    },
    {
        "slug": "documenten-en-privacy",
        "name": "Documenten en privacy",
        "description": "Legt documenten vast met de juiste vertrouwelijkheid en "
        "beschermt persoonsgegevens in het zaakdossier.",
        "criteria_text": "Twee van de drie: de module “Documenten, vertrouwelijkheid en "
        "archiveren” met ten minste 70%, het oefenscenario “Wmo-aanvraag en privacy” "
        "of het oefenscenario “Omgevingsvergunning aanvullen”, elk met ten minste 70%.",
        "competence": ("zgw-privacy", 2),
        "rule": "n_of",
        "required_count": 2,
        "criteria": [
            ("module_passed", MODULE_DOCUMENTEN, 70),
            ("scenario_passed", "wmo-aanvraag-privacy", 70),
            ("scenario_passed", "omgevingsvergunning-aanvullen", 70),
        ],
    },
    {
        "slug": "klacht-en-bezwaar",
        "name": "Klacht en bezwaar afhandelen",
        "description": "Handelt een klacht en een bezwaar af met het juiste resultaat "
        "en relateert het bezwaar aan de zaak van het besluit.",
        "criteria_text": "Slaag voor de oefenscenario’s “Klacht afhandelen” en "
        "“Bezwaar: ontvankelijkheid”, elk met ten minste 70%.",
        "competence": ("zgw-resultaat", 2),
        "criteria": [
            ("scenario_passed", "klacht-afhandelen", 70),
            ("scenario_passed", "bezwaar-ontvankelijkheid", 70),
        ],
    },
    {
        "slug": "intake-in-de-praktijk",
        "name": "Intake in de praktijk",
        "description": "Doet de intake ook bij uitzonderingen foutloos, gezien door de "
        "ICT-expert van de verdieping.",
        "criteria_text": "Heb de badge “Zaak registreren” en laat de ICT-expert van je "
        "verdieping de intake op niveau 3 (Expert) aftekenen.",
        "competence": ("zgw-intake", 3),
        "criteria": [
            ("badge_held", "zaak-registreren"),
            ("signoff", "zgw-intake", 3),
        ],
    },
    {
        "slug": "samen-veranderen",
        "name": "Samen veranderen",
        "description": "Denkt mee over de nieuwe manier van werken en helpt collega’s "
        "op weg.",
        "criteria_text": "Rond de module “Bottom-up veranderen” af of laat de ICT-expert "
        "“Samen veranderen” op niveau 2 aftekenen.",
        "competence": ("zgw-samen-veranderen", 2),
        "rule": "any",
        "criteria": [
            ("module_completed", MODULE_BOTTOM_UP),
            ("signoff", "zgw-samen-veranderen", 2),
        ],
    },
]

DEMO_LEARNER = "medewerker@zaakwijs.test"
DEMO_HR = "hr@zaakwijs.test"
# (badge slug, days ago awarded, narrative): a valid one, one due for
# recertification soon, so both states show on "Mijn badges".
DEMO_AWARDS = [
    ("zaakgericht-werken-basis", 40, "Demo: module afgerond tijdens de startweek."),
    ("termijnen-bewaken", 350, "Demo: behaald vóór de overstap; bijna te verlengen."),
]


def _criterion_fields(spec, badges: dict) -> dict | None:
    from courses.models import ModulePage

    from .models import BadgeCriterion

    kind = spec[0]
    if kind in ("module_passed", "module_completed"):
        module = ModulePage.objects.filter(slug=spec[1]).first()
        if module is None:
            return None
        fields = {"kind": kind, "module": module}
        if kind == "module_passed":
            fields["min_score"] = spec[2]
        return fields
    if kind == "scenario_passed":
        return {"kind": kind, "scenario_slug": spec[1], "min_score": spec[2]}
    if kind == "signoff":
        return {
            "kind": kind,
            "competence": Competence.objects.get(code=spec[1]),
            "level": spec[2],
        }
    if kind == BadgeCriterion.Kind.BADGE_HELD:
        return {"kind": kind, "required_badge": badges[spec[1]]}
    raise ValueError(kind)


@transaction.atomic
def badges_demo_load() -> None:
    """Demo badges for the demo modules and scenarios, and a few awards for the demo
    learner. Idempotent; a badge HR has changed in the admin keeps HR's criteria
    (criteria are only written when the badge is created)."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from .models import BadgeAward, BadgeClass, BadgeCriterion
    from .services import EvidenceItem, _award_create

    if not Competence.objects.filter(code="zgw-intake").exists():
        framework_demo_load()
    badges: dict[str, BadgeClass] = {}
    for spec in BADGES:
        code, level = spec["competence"]
        criteria = [_criterion_fields(c, badges) for c in spec["criteria"]]
        if any(c is None for c in criteria):
            continue  # the demo modules are not loaded
        badge, created = BadgeClass.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "criteria_text": spec["criteria_text"],
                "competence": Competence.objects.get(code=code),
                "level": level,
                "rule": spec.get("rule", BadgeClass.Rule.ALL),
                "required_count": spec.get("required_count"),
                "valid_for_days": spec.get("valid_for_days"),
            },
        )
        if created:
            for order, fields in enumerate(criteria):
                BadgeCriterion.objects.create(
                    badge_class=badge, sort_order=order, **fields
                )
        badges[spec["slug"]] = badge

    User = get_user_model()
    learner = User.objects.filter(email=DEMO_LEARNER).first()
    hr = User.objects.filter(email=DEMO_HR).first()
    if learner is None or hr is None:
        return
    for slug, days_ago, narrative in DEMO_AWARDS:
        badge = badges.get(slug)
        if (
            badge is None
            or BadgeAward.objects.filter(badge_class=badge, recipient=learner).exists()
        ):
            continue
        _award_create(
            badge_class=badge,
            recipient=learner,
            method=BadgeAward.Method.MANUAL,
            evidence=[EvidenceItem(description=narrative)],
            awarded_by=hr,
            narrative=narrative,
            now=timezone.now() - timedelta(days=days_ago),
        )
