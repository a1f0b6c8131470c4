"""The six seeded practice scenarios of Zaakwijk, from easy to hard. Content is
Dutch (it is the municipality's own training material). Slugs are fixed: lessons
and badge criteria refer to them."""

import uuid
from datetime import date
from typing import Any

from django.db import transaction

from sandbox.models import Scenario, ZaakType

_NS = uuid.UUID("0f3c1d52-5b7e-4a51-9d1e-2b7a4c6e8f10")


def _check(
    kind: str, weight: int, fail: str, ok: str = "", competence: str = "", **params
):
    return (kind, {"weight": weight, "feedback_fail": fail, "feedback_pass": ok,
                   "competence": competence, **params})  # fmt: skip


def _task(title: str, hint: str = ""):
    return ("task", {"title": title, "hint": hint})


def _event(
    day: int, kanaal: str, afzender: str, onderwerp: str, tekst: str, document=None
):
    return ("event", {"working_day": day, "kanaal": kanaal, "afzender": afzender,
                      "onderwerp": onderwerp, "tekst": tekst,
                      "document": document or _no_document()})  # fmt: skip


def _no_document():
    return {
        "informatieobjecttype": "",
        "titel": "",
        "tekst": "",
        "vertrouwelijkheid": "",
    }


def _document(iotype: str, titel: str, tekst: str = "", vertrouwelijkheid: str = ""):
    return {"informatieobjecttype": iotype, "titel": titel, "tekst": tekst,
            "vertrouwelijkheid": vertrouwelijkheid}  # fmt: skip


def _intake(kanaal, afzender, onderwerp, ontvangen: date, tekst, document=None):
    return ("intake", {"kanaal": kanaal, "afzender": afzender, "onderwerp": onderwerp,
                       "ontvangen": ontvangen.isoformat(), "tekst": tekst,
                       "document": document or _no_document()})  # fmt: skip


MOR = {
    "slug": "mor-melding-eenvoudig",
    "title": "Melding openbare ruimte: kapotte lantaarnpaal",
    "summary": "Registreer een telefonische melding, plan het werk in en handel af binnen de servicenorm.",
    "level": 1,
    "zaaktype": "MOR",
    "clock_start": date(2026, 3, 2),
    "competences": [
        "zgw-zaaktype",
        "zgw-intake",
        "zgw-initiator",
        "zgw-status",
        "zgw-resultaat",
        "zgw-privacy",
    ],
    "briefing": (
        "<p>Je werkt bij het Klantcontactcentrum (KCC) van de gemeente Zaakwijk en "
        "behandelt vandaag de meldingen openbare ruimte. Maandagochtend belt een "
        "inwoner over een kapotte lantaarnpaal.</p>"
        "<p>Registreer de melding zoals in een echt zaaksysteem, zorg dat het werk "
        "wordt ingepland en handel de zaak af zodra de buitendienst klaar is. De "
        "servicenorm is één week.</p>"
    ),
    "start_state": [
        _intake(
            "telefoon",
            "Dhr. J. de Vries (Lindelaan 12, Zaakwijk)",
            "Lantaarnpaal kapot",
            date(2026, 3, 2),
            "Goedemorgen, u spreekt met Jan de Vries, Lindelaan 12. De lantaarnpaal "
            "voor nummer 14 is al drie avonden uit. Het is daar 's avonds echt "
            "donker en er lopen veel kinderen. Kunt u er iemand naar laten kijken? "
            "U kunt mij bellen op 06-12345678.",
        ),
    ],
    "tasks": [
        _task(
            "Registreer de melding als zaak van het juiste zaaktype.",
            "Startdatum is de dag van de melding; het kanaal is telefoon.",
        ),
        _task(
            "Leg de melder vast als initiator (natuurlijk persoon, met naam en adres)."
        ),
        _task("Wijs jezelf toe als behandelaar."),
        _task("Leg de locatie vast (Lindelaan 14) als object van de zaak."),
        _task(
            "Zet de zaak in behandeling en plan het werk in, telkens met een toelichting."
        ),
        _task(
            "Als de buitendienst meldt dat het klaar is: leg het resultaat vast en sluit de zaak af.",
            "Zet de sandboxklok vooruit om te zien wanneer de buitendienst reageert.",
        ),
        _task("Zet geen persoonsgegevens zoals een BSN in vrije tekstvelden."),
    ],
    "events": [
        _event(
            2,
            "e-mail",
            "Team Buitendienst",
            "Lantaarnpaal Lindelaan 14 gerepareerd",
            "De lamp en het armatuur van de lantaarnpaal voor Lindelaan 14 zijn "
            "vandaag vervangen. De paal brandt weer. Groet, Team Buitendienst.",
        ),
    ],
    "checks": [
        _check(
            "zaaktype",
            2,
            "Een kapotte lantaarnpaal is een melding openbare ruimte (MOR), geen klacht of aanvraag. Kies het zaaktype dat past bij de aanleiding.",
            "Goed zaaktype gekozen.",
            "zgw-zaaktype",
            zaaktype="MOR",
        ),
        _check(
            "intake",
            1,
            "De startdatum is de dag waarop de melding binnenkwam en het kanaal is hoe de melding binnenkwam (telefoon).",
            "",
            "zgw-intake",
            startdatum="2026-03-02",
            communicatiekanaal="telefoon",
        ),
        _check(
            "initiator",
            2,
            "Leg de melder vast als initiator: een natuurlijk persoon met naam, zodat je hem op de hoogte kunt houden.",
            "",
            "zgw-initiator",
            betrokkene_type="natuurlijk_persoon",
            bsn="",
            kvk_nummer="",
            naam="Vries",
        ),
        _check(
            "behandelaar",
            1,
            "Een zaak zonder behandelaar valt tussen wal en schip. Wijs een behandelaar toe.",
            "",
            "zgw-intake",
        ),
        _check(
            "zaakobject",
            1,
            "Leg de locatie vast als object van de zaak (openbare ruimte of adres), zodat de buitendienst weet waar hij moet zijn.",
            "",
            "zgw-intake",
            object_type="openbare_ruimte",
        ),
        _check(
            "status_order",
            2,
            "Zet de statussen in de volgorde van het proces en geef bij elke status een toelichting: de melder krijgt die status te zien.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="In behandeling, Ingepland",
        ),
        _check(
            "resultaat",
            2,
            "Het lampje is gerepareerd: het resultaat is ‘Opgelost’.",
            "",
            "zgw-resultaat",
            resultaattypen="Opgelost",
        ),
        _check(
            "closed_in_time",
            1,
            "Handel een melding af binnen de servicenorm van één week.",
            "",
            "zgw-termijnen",
            against="einddatum_gepland",
        ),
        _check(
            "no_bsn_in_free_text",
            1,
            "Er staat een BSN in een vrij tekstveld. Een BSN hoort alleen bij de betrokkene, nooit in omschrijvingen of toelichtingen.",
            "",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

WOO = {
    "slug": "woo-verzoek-verdaging",
    "title": "Woo-verzoek met zienswijze van derden en verdaging",
    "summary": "Behandel een omvangrijk Woo-verzoek: vraag zienswijzen, verdaag op tijd en besluit binnen de termijn.",
    "level": 3,
    "zaaktype": "WOO-VERZOEK",
    "clock_start": date(2026, 3, 2),
    "competences": [
        "zgw-zaaktype",
        "zgw-documenten",
        "zgw-termijnen",
        "zgw-verlengen",
        "zgw-besluit",
        "zgw-resultaat",
    ],
    "briefing": (
        "<p>Je bent behandelaar bij Team Juridische Zaken. Een journalist vraagt op "
        "grond van de Wet open overheid (Woo) om alle documenten over de herinrichting "
        "van het Marktplein. Er zitten bedrijfsgegevens van de aannemer in, dus die "
        "moet een zienswijze kunnen geven.</p>"
        "<p>De beslistermijn is <strong>vier weken</strong> en kan <strong>één keer met "
        "ten hoogste twee weken</strong> worden verdaagd. Die verdaging moet schriftelijk "
        "en gemotiveerd gebeuren, vóórdat de eerste termijn afloopt (art. 4.4 Woo).</p>"
    ),
    "start_state": [
        _intake(
            "e-mail",
            "S. Yilmaz, journalist Zaakwijker Courant",
            "Woo-verzoek herinrichting Marktplein",
            date(2026, 3, 2),
            "Geachte heer/mevrouw,\n\nOp grond van artikel 4.1 van de Wet open overheid "
            "verzoek ik u om openbaarmaking van alle documenten over de herinrichting "
            "van het Marktplein in 2025, inclusief de correspondentie met de aannemer "
            "Bouwbedrijf Van Dijk BV en de offertes.\n\nMet vriendelijke groet,\n"
            "Selin Yilmaz",
            _document("Woo-verzoek", "Woo-verzoek herinrichting Marktplein"),
        ),
    ],
    "tasks": [
        _task(
            "Registreer het verzoek als Woo-verzoek met de juiste startdatum en leg de verzoeker vast."
        ),
        _task("Voeg het verzoek toe aan het dossier en bevestig de ontvangst."),
        _task(
            "Vraag de aannemer om een zienswijze (status ‘Zienswijze derden gevraagd’)."
        ),
        _task(
            "Verdaag de beslistermijn op tijd, met een verdagingsbrief in het dossier."
        ),
        _task(
            "Voeg de zienswijze toe, leg het besluit vast en sluit de zaak af met het juiste resultaat."
        ),
    ],
    "events": [
        _event(
            3,
            "e-mail",
            "Team Informatiebeheer",
            "Documenten Marktplein verzameld",
            "We hebben 142 documenten gevonden. In 23 daarvan staan bedrijfs- en "
            "fabricagegegevens van Bouwbedrijf Van Dijk BV. Die zullen een zienswijze "
            "willen geven.",
        ),
        _event(
            13,
            "brief",
            "Bouwbedrijf Van Dijk BV",
            "Zienswijze openbaarmaking",
            "Wij maken bezwaar tegen openbaarmaking van onze eenheidsprijzen in de "
            "offertes (bedrijfsgegevens, art. 5.1 lid 2 sub f Woo). Tegen "
            "openbaarmaking van de overige stukken hebben wij geen bezwaar.",
            _document("Zienswijze", "Zienswijze Bouwbedrijf Van Dijk BV"),
        ),
    ],
    "checks": [
        _check(
            "zaaktype",
            1,
            "Een verzoek om openbaarmaking van informatie is een Woo-verzoek.",
            "",
            "zgw-zaaktype",
            zaaktype="WOO-VERZOEK",
        ),
        _check(
            "intake",
            1,
            "De termijn loopt vanaf de dag van ontvangst van het verzoek (e-mail).",
            "",
            "zgw-intake",
            startdatum="2026-03-02",
            communicatiekanaal="e-mail",
        ),
        _check(
            "initiator",
            1,
            "Leg de verzoeker vast als initiator (natuurlijk persoon).",
            "",
            "zgw-initiator",
            betrokkene_type="natuurlijk_persoon",
            bsn="",
            kvk_nummer="",
            naam="Yilmaz",
        ),
        _check(
            "document",
            1,
            "Het verzoek zelf hoort in het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Woo-verzoek",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "status_order",
            2,
            "Zet de statussen in volgorde, met toelichting; de stap ‘Zienswijze derden gevraagd’ hoort erbij als derden belang hebben.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="Ontvangst bevestigd, Zienswijze derden gevraagd",
        ),
        _check(
            "verlenging",
            3,
            "Verdaag één keer, met ten hoogste twee weken, schriftelijk (verdagingsbrief in het dossier) en vóór het einde van de eerste termijn van vier weken.",
            "Op tijd en schriftelijk verdaagd.",
            "zgw-verlengen",
            required=True,
            brief_informatieobjecttype="Verdagingsbrief",
        ),
        _check(
            "document",
            1,
            "Voeg de zienswijze van de aannemer toe aan het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Zienswijze",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "besluit",
            2,
            "Leg het besluit op het Woo-verzoek vast.",
            "",
            "zgw-besluit",
            besluittype="Besluit op Woo-verzoek",
            document_required=False,
            verzenddatum_required=False,
        ),
        _check(
            "resultaat",
            2,
            "De eenheidsprijzen blijven geheim, de rest wordt openbaar: het resultaat is ‘Deels openbaar gemaakt’.",
            "",
            "zgw-resultaat",
            resultaattypen="Deels openbaar gemaakt",
        ),
        _check(
            "closed_in_time",
            2,
            "Besluit en sluit af binnen de (verdaagde) beslistermijn.",
            "",
            "zgw-termijnen",
            against="uiterlijke_einddatum_afdoening",
        ),
        _check(
            "no_bsn_in_free_text",
            1,
            "Zet geen BSN in vrije tekstvelden.",
            "",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

KLACHT = {
    "slug": "klacht-afhandelen",
    "title": "Klacht over bejegening aan de balie",
    "summary": "Registreer een schriftelijke klacht met de juiste ontvangstdatum, hoor de klager en handel af.",
    "level": 2,
    "zaaktype": "KLACHT",
    "clock_start": date(2026, 3, 4),
    "competences": [
        "zgw-zaaktype",
        "zgw-intake",
        "zgw-status",
        "zgw-documenten",
        "zgw-resultaat",
    ],
    "briefing": (
        "<p>Je bent klachtcoördinator. Op woensdag ligt er een brief in je postvak die "
        "al op <strong>maandag 2 maart</strong> is binnengekomen: een inwoner klaagt over "
        "de manier waarop zij aan de balie is behandeld.</p>"
        "<p>Behandel de klacht volgens hoofdstuk 9 van de Awb: bevestig de ontvangst, "
        "hoor de klager en laat haar schriftelijk weten hoe de klacht is afgehandeld. "
        "De termijn is zes weken.</p>"
    ),
    "start_state": [
        _intake(
            "brief",
            "Mw. A. Jansen, Kerkstraat 5, Zaakwijk",
            "Klacht over behandeling aan de balie",
            date(2026, 3, 2),
            "Geachte heer/mevrouw,\n\nOp 24 februari was ik aan de balie van het "
            "stadhuis voor een nieuw paspoort. De medewerker was kortaf en onvriendelijk "
            "en zei dat ik 'maar beter had moeten lezen'. Ook ben ik niet teruggebeld, "
            "terwijl dat wel was beloofd. Ik wil dat dit serieus wordt genomen.\n\n"
            "Anna Jansen (BSN 999990032)",
            _document("Klaagschrift", "Klachtbrief A. Jansen"),
        ),
    ],
    "tasks": [
        _task(
            "Registreer de klacht. Let op: de startdatum is de dag dat de brief binnenkwam, niet vandaag."
        ),
        _task("Leg de klager vast als initiator, met BSN."),
        _task(
            "Voeg de klachtbrief toe aan het dossier en bevestig de ontvangst (status met toelichting en een klantcontact)."
        ),
        _task(
            "Hoor de klager en de medewerker (status ‘Klager en beklaagde gehoord’)."
        ),
        _task(
            "Stuur een afhandelingsbrief, leg het resultaat vast en sluit de zaak af."
        ),
    ],
    "events": [
        _event(
            4,
            "telefoon",
            "Mw. A. Jansen",
            "Reactie na het hoorgesprek",
            "Bedankt voor het gesprek van vanmorgen. De excuses van de medewerker "
            "neem ik aan en ik ben inmiddels teruggebeld. Voor mij is de klacht "
            "hiermee naar tevredenheid opgelost.",
        ),
    ],
    "checks": [
        _check(
            "zaaktype",
            1,
            "Een klacht over een gedraging van een medewerker behandel je als klacht (Awb hoofdstuk 9).",
            "",
            "zgw-zaaktype",
            zaaktype="KLACHT",
        ),
        _check(
            "intake",
            2,
            "De startdatum is de ontvangstdatum van de brief (2 maart), niet de dag waarop je hem registreert.",
            "Startdatum is de ontvangstdatum: goed.",
            "zgw-intake",
            startdatum="2026-03-02",
            communicatiekanaal="brief",
        ),
        _check(
            "initiator",
            1,
            "Leg de klager vast als natuurlijk persoon met haar BSN (11-proef).",
            "",
            "zgw-initiator",
            betrokkene_type="natuurlijk_persoon",
            bsn="999990032",
            kvk_nummer="",
            naam="Jansen",
        ),
        _check(
            "document",
            1,
            "De klachtbrief hoort in het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Klaagschrift",
            min_vertrouwelijkheid="zaakvertrouwelijk",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "status_order",
            2,
            "Zet de statussen in volgorde en met toelichting.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="Ontvangst bevestigd, Klager en beklaagde gehoord",
        ),
        _check(
            "informeren",
            1,
            "Bij ‘Ontvangst bevestigd’ en bij afhandeling moet de klager bericht krijgen: leg een klantcontact vast of voeg de brief toe.",
            "",
            "zgw-status",
        ),
        _check(
            "document",
            1,
            "De klager krijgt een schriftelijke afhandeling (Awb 9:12): voeg de afhandelingsbrief toe.",
            "",
            "zgw-documenten",
            informatieobjecttype="Afhandelingsbrief",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "verlenging",
            1,
            "Verdagen was niet nodig: de klacht kon binnen zes weken worden afgehandeld.",
            "",
            "zgw-verlengen",
            required=False,
            brief_informatieobjecttype="",
        ),
        _check(
            "resultaat",
            2,
            "De klager is tevreden na het gesprek: het resultaat is ‘Naar tevredenheid opgelost’ (Awb 9:5).",
            "",
            "zgw-resultaat",
            resultaattypen="Naar tevredenheid opgelost",
        ),
        _check(
            "closed_in_time",
            1,
            "Handel af binnen zes weken.",
            "",
            "zgw-termijnen",
            against="uiterlijke_einddatum_afdoening",
        ),
        _check(
            "no_bsn_in_free_text",
            2,
            "De klaagster noemt haar BSN in de brief. Neem dat nummer niet over in omschrijvingen, toelichtingen of titels.",
            "",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

OMV = {
    "slug": "omgevingsvergunning-aanvullen",
    "title": "Omgevingsvergunning: onvolledige aanvraag laten aanvullen",
    "summary": "Beoordeel een aanvraag, vraag de ontbrekende constructieberekening op, schort de termijn op en hervat.",
    "level": 2,
    "zaaktype": "OMV-REGULIER",
    "clock_start": date(2026, 3, 4),
    "competences": ["zgw-opschorten", "zgw-documenten", "zgw-status", "zgw-termijnen"],
    "briefing": (
        "<p>Je bent vergunningverlener. In je werkvoorraad staat een aanvraag voor een "
        "dakopbouw aan de Dorpsstraat 8, op maandag 2 maart binnengekomen via het "
        "Omgevingsloket. De constructieberekening ontbreekt.</p>"
        "<p>Vraag de aanvrager om aanvulling en schort de beslistermijn op (Awb 4:5 en "
        "4:15). Als de aanvulling binnen is, hervat je de behandeling.</p>"
    ),
    "start_state": [
        (
            "zaak",
            {
                "key": "aanvraag",
                "zaaktype": "OMV-REGULIER",
                "omschrijving": "Dakopbouw Dorpsstraat 8",
                "startdatum": "2026-03-02",
                "kanaal": "e-mail",
                "initiator": {
                    "geslachtsnaam": "Bakker",
                    "voorvoegsel": "",
                    "voorletters": "P.",
                    "bsn": "999990044",
                    "straat": "Dorpsstraat",
                    "huisnummer": 8,
                    "postcode": "1234 AB",
                    "woonplaats": "Zaakwijk",
                },
                "statussen": "",
                "documenten": [
                    _document(
                        "Aanvraagformulier", "Aanvraag omgevingsvergunning dakopbouw"
                    ),
                    _document("Tekening", "Bouwtekeningen dakopbouw"),
                ],
                "besluittype": "",
                "resultaat": "",
                "is_subject": True,
            },
        ),
    ],
    "tasks": [
        _task("Wijs jezelf toe als behandelaar."),
        _task("Beoordeel de ontvankelijkheid (status met toelichting)."),
        _task(
            "Voeg een ‘Verzoek om aanvulling’ toe aan het dossier en schort de zaak op met een reden."
        ),
        _task("Zet de status ‘Aanvulling gevraagd’."),
        _task(
            "Als de aanvulling binnenkomt: voeg hem toe, hervat de zaak en zet hem in behandeling.",
            "Zet de sandboxklok een paar werkdagen vooruit.",
        ),
    ],
    "events": [
        _event(
            5,
            "e-mail",
            "P. Bakker",
            "Aanvulling: constructieberekening",
            "Hierbij stuur ik de constructieberekening die u nog miste.",
            _document("Aanvulling", "Constructieberekening dakopbouw"),
        ),
    ],
    "checks": [
        _check("behandelaar", 1, "Wijs een behandelaar toe.", "", "zgw-intake"),
        _check(
            "status_order",
            2,
            "Zet de statussen in volgorde, met toelichting.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="Ontvankelijkheid beoordeeld, Aanvulling gevraagd, In behandeling",
        ),
        _check(
            "document",
            2,
            "Een opschorting rust op een schriftelijk verzoek om aanvulling: voeg dat toe aan het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Verzoek om aanvulling",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "opschorting",
            3,
            "Schort de termijn op met een reden, pas nadat (of op de dag dat) het verzoek om aanvulling in het dossier staat, en hervat als de aanvulling binnen is.",
            "Correct opgeschort en hervat.",
            "zgw-opschorten",
            verzoek_informatieobjecttype="Verzoek om aanvulling",
            hervat_required=True,
        ),
        _check(
            "document",
            1,
            "Voeg de ontvangen aanvulling toe aan het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Aanvulling",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "verlenging",
            1,
            "Verlengen was niet nodig: de opschorting schuift de termijn al op.",
            "",
            "zgw-verlengen",
            required=False,
            brief_informatieobjecttype="",
        ),
        _check(
            "no_bsn_in_free_text",
            1,
            "Zet geen BSN in vrije tekstvelden.",
            "",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

BEZWAAR = {
    "slug": "bezwaar-ontvankelijkheid",
    "title": "Bezwaar tegen een omgevingsvergunning: ontvankelijkheid",
    "summary": "Registreer een bezwaarschrift, koppel de vergunningzaak, laat een verzuim herstellen en toets de ontvankelijkheid.",
    "level": 3,
    "zaaktype": "BEZWAAR",
    "clock_start": date(2026, 3, 10),
    "competences": [
        "zgw-zaaktype",
        "zgw-relaties",
        "zgw-opschorten",
        "zgw-initiator",
        "zgw-status",
    ],
    "briefing": (
        "<p>Je bent jurist bij Team Juridische Zaken. Een buurman maakt bezwaar tegen de "
        "omgevingsvergunning die de gemeente eerder verleende voor een dakopbouw. Het "
        "bezwaarschrift kwam op <strong>9 maart</strong> per post binnen, maar is niet "
        "ondertekend en bevat geen gronden.</p>"
        "<p>Registreer het bezwaar, koppel het aan de vergunningzaak en geef de indiener "
        "gelegenheid het verzuim te herstellen (Awb 6:6). Zolang hij herstelt, staat de "
        "beslistermijn stil (Awb 7:10 lid 2).</p>"
    ),
    "start_state": [
        (
            "zaak",
            {
                "key": "vergunning",
                "zaaktype": "OMV-REGULIER",
                "omschrijving": "Dakopbouw Dorpsstraat 8",
                "startdatum": "2026-01-05",
                "kanaal": "e-mail",
                "initiator": {
                    "geslachtsnaam": "Bakker",
                    "voorvoegsel": "",
                    "voorletters": "P.",
                    "bsn": "999990056",
                    "straat": "Dorpsstraat",
                    "huisnummer": 8,
                    "postcode": "1234 AB",
                    "woonplaats": "Zaakwijk",
                },
                "statussen": "Ontvankelijkheid beoordeeld, In behandeling, Besluit genomen",
                "documenten": [
                    _document(
                        "Aanvraagformulier", "Aanvraag omgevingsvergunning dakopbouw"
                    ),
                    _document("Beschikking", "Verleende omgevingsvergunning dakopbouw"),
                ],
                "besluittype": "Besluit omgevingsvergunning",
                "resultaat": "Verleend",
                "is_subject": False,
            },
        ),
        _intake(
            "brief",
            "Dhr. K. Visser, Dorpsstraat 10, Zaakwijk",
            "Bezwaar dakopbouw Dorpsstraat 8",
            date(2026, 3, 9),
            "Hierbij maak ik bezwaar tegen de vergunning voor de dakopbouw van mijn "
            "buren op Dorpsstraat 8.\n\nK. Visser",
            _document("Bezwaarschrift", "Bezwaarschrift K. Visser"),
        ),
    ],
    "tasks": [
        _task(
            "Registreer het bezwaarschrift met de juiste ontvangstdatum en leg de bezwaarmaker vast (BSN 999990068)."
        ),
        _task("Koppel de zaak van de bestreden vergunning als relevante andere zaak."),
        _task(
            "Stuur een ‘Verzoek herstel verzuim’ en schort de zaak op met een reden."
        ),
        _task(
            "Als het herstel binnenkomt: voeg het toe, hervat de zaak en zet de status ‘Ontvankelijkheid getoetst’."
        ),
    ],
    "events": [
        _event(
            6,
            "brief",
            "Dhr. K. Visser",
            "Herstel verzuim bezwaarschrift",
            "Hierbij het ondertekende bezwaarschrift met mijn gronden: de dakopbouw "
            "neemt de zon uit mijn tuin weg en past niet in het straatbeeld.",
            _document("Bezwaarschrift", "Ondertekend bezwaarschrift met gronden"),
        ),
    ],
    "checks": [
        _check(
            "zaaktype",
            1,
            "Bezwaar tegen een besluit behandel je als bezwaarschrift, niet als klacht.",
            "",
            "zgw-zaaktype",
            zaaktype="BEZWAAR",
        ),
        _check(
            "intake",
            1,
            "De startdatum is de dag waarop het bezwaarschrift binnenkwam.",
            "",
            "zgw-intake",
            startdatum="2026-03-09",
            communicatiekanaal="brief",
        ),
        _check(
            "initiator",
            1,
            "Leg de bezwaarmaker vast als natuurlijk persoon met BSN.",
            "",
            "zgw-initiator",
            betrokkene_type="natuurlijk_persoon",
            bsn="999990068",
            kvk_nummer="",
            naam="Visser",
        ),
        _check(
            "related_zaak",
            3,
            "Een bezwaarzaak volgt op de vergunningzaak: leg die vast als relevante andere zaak (aard ‘onderwerp’).",
            "De vergunningzaak is gekoppeld.",
            "zgw-relaties",
            seeded_key="vergunning",
            zaaktype="",
            aard_relatie="onderwerp",
            as_hoofdzaak=False,
        ),
        _check(
            "document",
            1,
            "Het verzoek om herstel van het verzuim hoort in het dossier.",
            "",
            "zgw-documenten",
            informatieobjecttype="Verzoek herstel verzuim",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "opschorting",
            2,
            "Schort de termijn op met een reden zodra je om herstel vraagt, en hervat als het herstel binnen is.",
            "",
            "zgw-opschorten",
            verzoek_informatieobjecttype="Verzoek herstel verzuim",
            hervat_required=True,
        ),
        _check(
            "document",
            1,
            "Voeg zowel het oorspronkelijke als het herstelde bezwaarschrift toe.",
            "",
            "zgw-documenten",
            informatieobjecttype="Bezwaarschrift",
            min_vertrouwelijkheid="",
            status="",
            gebruiksrecht_set=False,
            minimum=2,
        ),
        _check(
            "status_order",
            1,
            "Zet de statussen in volgorde, met toelichting.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="Ontvankelijkheid getoetst",
        ),
        _check(
            "no_bsn_in_free_text",
            1,
            "Zet geen BSN in vrije tekstvelden.",
            "",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

WMO = {
    "slug": "wmo-aanvraag-privacy",
    "title": "Wmo-melding met medische gegevens",
    "summary": "Registreer een Wmo-melding zorgvuldig: vertrouwelijkheid, medische stukken en geen BSN in vrije tekst.",
    "level": 2,
    "zaaktype": "WMO-MELDING",
    "clock_start": date(2026, 3, 2),
    "competences": ["zgw-privacy", "zgw-documenten", "zgw-initiator", "zgw-status"],
    "briefing": (
        "<p>Je bent Wmo-consulent. Een inwoner belt: na een heupoperatie redt zij zich "
        "thuis niet meer. Een Wmo-melding bevat gezondheidsgegevens (bijzondere "
        "persoonsgegevens, AVG art. 9): de zaak en de stukken moeten passend vertrouwelijk "
        "zijn en persoonsgegevens horen niet in vrije tekstvelden.</p>"
    ),
    "start_state": [
        _intake(
            "telefoon",
            "Mw. L. Bos, Molenweg 3, Zaakwijk",
            "Hulpvraag na heupoperatie",
            date(2026, 3, 2),
            "Mevrouw Bos (BSN 999990081, 78 jaar) belt. Ze is twee weken geleden aan haar "
            "heup geopereerd en kan haar huishouden niet meer doen. Haar dochter helpt "
            "waar ze kan, maar werkt fulltime. Ze vraagt om huishoudelijke ondersteuning.",
        ),
    ],
    "tasks": [
        _task(
            "Registreer de Wmo-melding (kanaal telefoon) en leg mevrouw Bos vast als initiator met BSN."
        ),
        _task(
            "Laat de vertrouwelijkheid van de zaak niet lager zijn dan ‘vertrouwelijk’."
        ),
        _task(
            "Plan een gesprek (status ‘Gesprek gepland’ met toelichting) en laat het mevrouw Bos weten."
        ),
        _task(
            "Leg een gespreksverslag vast en voeg het medisch advies toe als het binnenkomt."
        ),
        _task("Zet geen BSN of medische details in omschrijvingen of toelichtingen."),
    ],
    "events": [
        _event(
            3,
            "e-mail",
            "GGD-arts (medisch adviseur)",
            "Medisch advies mw. Bos",
            "Medisch advies over beperkingen na heupoperatie is bijgevoegd.",
            _document("Medisch advies", "Medisch advies mw. Bos"),
        ),
    ],
    "checks": [
        _check(
            "zaaktype",
            1,
            "Een hulpvraag begint als Wmo-melding; de aanvraag volgt pas na het onderzoek.",
            "",
            "zgw-zaaktype",
            zaaktype="WMO-MELDING",
        ),
        _check(
            "intake",
            1,
            "Startdatum is de dag van de melding; het kanaal is telefoon.",
            "",
            "zgw-intake",
            startdatum="2026-03-02",
            communicatiekanaal="telefoon",
        ),
        _check(
            "initiator",
            2,
            "Leg mevrouw Bos vast als initiator met haar BSN, in het veld voor de BSN.",
            "",
            "zgw-initiator",
            betrokkene_type="natuurlijk_persoon",
            bsn="999990081",
            kvk_nummer="",
            naam="Bos",
        ),
        _check(
            "vertrouwelijkheid",
            2,
            "Gezondheidsgegevens: de zaak moet minstens ‘vertrouwelijk’ zijn.",
            "",
            "zgw-privacy",
            minimum="vertrouwelijk",
        ),
        _check(
            "document",
            2,
            "Het medisch advies moet in het dossier, minstens ‘confidentieel’.",
            "",
            "zgw-privacy",
            informatieobjecttype="Medisch advies",
            min_vertrouwelijkheid="confidentieel",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "document",
            1,
            "Leg het gespreksverslag vast, minstens ‘vertrouwelijk’.",
            "",
            "zgw-documenten",
            informatieobjecttype="Gespreksverslag",
            min_vertrouwelijkheid="vertrouwelijk",
            status="",
            gebruiksrecht_set=False,
            minimum=1,
        ),
        _check(
            "status_order",
            1,
            "Zet de status ‘Gesprek gepland’ met toelichting.",
            "",
            "zgw-status",
            toelichting_required=True,
            statustypen="Gesprek gepland",
        ),
        _check(
            "informeren",
            1,
            "Bij ‘Gesprek gepland’ krijgt mevrouw Bos bericht: leg een klantcontact vast.",
            "",
            "zgw-status",
        ),
        _check(
            "no_bsn_in_free_text",
            3,
            "Er staat een BSN in een vrij tekstveld. Dat is een datalek-risico: een BSN hoort alleen in het BSN-veld van de betrokkene.",
            "Geen BSN in vrije tekst: goed.",
            "zgw-privacy",
        ),
    ],
    "pass_mark": 70,
}

SCENARIOS = [MOR, KLACHT, OMV, WMO, WOO, BEZWAAR]


def _stream(slug: str, part: str, items: list[tuple[str, dict[str, Any]]]):
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid5(_NS, f"{slug}.{part}.{n}"))}
        for n, (kind, value) in enumerate(items, start=1)
    ]


@transaction.atomic
def scenarios_load() -> list[Scenario]:
    """Create or refresh the six demo scenarios (idempotent, matched on slug)."""
    from badges.models import Competence

    loaded = []
    for spec in SCENARIOS:
        slug = spec["slug"]
        zaaktype = (
            ZaakType.objects.published()
            .filter(identificatie=spec["zaaktype"])
            .order_by("-begin_geldigheid")
            .first()
        )
        if zaaktype is None:
            raise LookupError(
                f"load the catalogue first: no zaaktype {spec['zaaktype']}"
            )
        scenario = Scenario.objects.filter(slug=slug).first() or Scenario(slug=slug)
        scenario.title = spec["title"]
        scenario.summary = spec["summary"]
        scenario.level = spec["level"]
        scenario.briefing = spec["briefing"]
        scenario.zaaktype = zaaktype
        scenario.clock_start = spec["clock_start"]
        scenario.pass_mark = spec["pass_mark"]
        scenario.is_active = True
        scenario.start_state = _stream(slug, "start", spec["start_state"])
        scenario.tasks = _stream(slug, "task", spec["tasks"])
        scenario.events = _stream(slug, "event", spec["events"])
        known = set(Competence.objects.values_list("code", flat=True))
        checks = []
        for kind, value in spec["checks"]:
            if value["competence"] not in known:
                value = {**value, "competence": ""}
            checks.append((kind, value))
        scenario.checks = _stream(slug, "check", checks)
        scenario.save()
        scenario.competences.set(
            Competence.objects.filter(code__in=spec["competences"])
        )
        loaded.append(scenario)
    return loaded
