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


def badges_demo_load() -> None:
    """Demo badges for the demo modules and scenarios (the badges issue fills this)."""
