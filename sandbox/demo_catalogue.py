"""The zaaktypecatalogus of the fictitious municipality Zaakwijk: eight case types
(the Wmo one as a melding with an aanvraag as deelzaak), with their legal terms.

Content is Dutch because it is the municipality's own configuration, as a real
zaaksysteem holds it. Sources for terms and Selectielijst classes:
``../shared/brief/zgw-domain.md`` §3 and docs/sandbox.md. Archive fields of the
result types are taken from the Selectielijst class by ``sandbox.demo``.
"""

from datetime import date

from sandbox.models.choices import (
    AardRelatie,
    EigenschapFormaat,
    Richting,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheidaanduiding,
)
from sandbox.models.workspace import DEMO_RSIN

V = Vertrouwelijkheidaanduiding
R = RolOmschrijvingGeneriek
IN, INTERN, UIT = Richting.INKOMEND, Richting.INTERN, Richting.UITGAAND
TEKST, GETAL, DATUM = (
    EigenschapFormaat.TEKST,
    EigenschapFormaat.GETAL,
    EigenschapFormaat.DATUM,
)

BEGIN_GELDIGHEID = date(2024, 1, 1)

CATALOGUS = {
    "domein": "ZWIJK",
    "rsin": DEMO_RSIN,
    "naam": "Zaaktypecatalogus gemeente Zaakwijk",
    "versie": "2024",
    "begindatum_versie": BEGIN_GELDIGHEID,
    "contactpersoon_beheer_naam": "Functioneel beheer zaaksysteem",
    "contactpersoon_beheer_emailadres": "zaaksysteem@zaakwijs.test",
}

# omschrijving: (vertrouwelijkheidaanduiding, informatieobjectcategorie)
INFORMATIEOBJECTTYPEN = {
    "Aanvraagformulier": (V.ZAAKVERTROUWELIJK, "Aanvraag"),
    "Aanvulling": (V.ZAAKVERTROUWELIJK, "Aanvraag"),
    "Tekening": (V.ZAAKVERTROUWELIJK, "Tekening"),
    "Constructieberekening": (V.ZAAKVERTROUWELIJK, "Rapport"),
    "Ontvangstbevestiging": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Verzoek om aanvulling": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Advies": (V.ZAAKVERTROUWELIJK, "Advies"),
    "Zienswijze": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Beschikking": (V.ZAAKVERTROUWELIJK, "Besluit"),
    "E-mail": (V.ZAAKVERTROUWELIJK, "Correspondentie"),
    "Brief": (V.ZAAKVERTROUWELIJK, "Correspondentie"),
    "Woo-verzoek": (V.ZAAKVERTROUWELIJK, "Verzoek"),
    "Verzoek om verduidelijking": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Inventarislijst": (V.ZAAKVERTROUWELIJK, "Overzicht"),
    "Te beoordelen document": (V.VERTROUWELIJK, "Document"),
    # Confidential until the besluit; the case handler lowers it on publication.
    "Gelakt document": (V.VERTROUWELIJK, "Document"),
    "Verdagingsbrief": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Bezwaarschrift": (V.ZAAKVERTROUWELIJK, "Bezwaar"),
    "Machtiging": (V.ZAAKVERTROUWELIJK, "Machtiging"),
    "Verzoek herstel verzuim": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Uitnodiging hoorzitting": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Verslag hoorzitting": (V.ZAAKVERTROUWELIJK, "Verslag"),
    "Advies bezwaarschriftencommissie": (V.ZAAKVERTROUWELIJK, "Advies"),
    "Verweerschrift": (V.ZAAKVERTROUWELIJK, "Document"),
    "Beslissing op bezwaar": (V.ZAAKVERTROUWELIJK, "Besluit"),
    "Klaagschrift": (V.ZAAKVERTROUWELIJK, "Klacht"),
    "Uitnodiging": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Verslag hoorgesprek": (V.VERTROUWELIJK, "Verslag"),
    "Afhandelingsbrief": (V.ZAAKVERTROUWELIJK, "Brief"),
    "Melding": (V.ZAAKVERTROUWELIJK, "Melding"),
    "Afbeelding": (V.ZAAKVERTROUWELIJK, "Afbeelding"),
    "Bijlage": (V.ZAAKVERTROUWELIJK, "Document"),
    "Factuur": (V.ZAAKVERTROUWELIJK, "Factuur"),
    "Bewijsstuk": (V.ZAAKVERTROUWELIJK, "Document"),
    "Rapport": (V.ZAAKVERTROUWELIJK, "Rapport"),
    "Gespreksverslag": (V.VERTROUWELIJK, "Verslag"),
    "Onderzoeksverslag": (V.VERTROUWELIJK, "Verslag"),
    # Health data (AVG art. 9).
    "Medisch advies": (V.CONFIDENTIEEL, "Advies"),
}

BESLUITTYPEN = {
    "Besluit omgevingsvergunning": {
        "besluitcategorie": "Vergunning",
        "reactietermijn": "P6W",
        "publicatie_indicatie": True,
        "publicatietermijn": "P6W",
        "toelichting": "Bezwaartermijn 6 weken na bekendmaking (Awb 6:7).",
        "informatieobjecttypen": ["Beschikking"],
    },
    "Buitenbehandelingstelling aanvraag": {
        "besluitcategorie": "Buitenbehandelingstelling",
        "reactietermijn": "P6W",
        "toelichting": "Besluit om een onvolledige aanvraag niet te behandelen (Awb 4:5).",
        "informatieobjecttypen": ["Beschikking"],
    },
    "Besluit op Woo-verzoek": {
        "besluitcategorie": "Openbaarmaking",
        "reactietermijn": "P6W",
        "publicatie_indicatie": True,
        "toelichting": "Het besluit en de openbaar gemaakte documenten worden gepubliceerd.",
        "informatieobjecttypen": ["Beschikking", "Gelakt document"],
    },
    "Beslissing op bezwaar": {
        "besluitcategorie": "Bezwaar",
        "reactietermijn": "P6W",
        "toelichting": "Beroepstermijn 6 weken bij de rechtbank (Awb 6:7).",
        "informatieobjecttypen": ["Beslissing op bezwaar"],
    },
    "Verbod klein evenement": {
        "besluitcategorie": "Verbod",
        "reactietermijn": "P6W",
        "toelichting": "De burgemeester verbiedt een gemeld klein evenement (APV).",
        "informatieobjecttypen": ["Beschikking"],
    },
    "Beschikking Wmo-maatwerkvoorziening": {
        "besluitcategorie": "Voorziening",
        "reactietermijn": "P6W",
        "toelichting": "Toekenning of afwijzing van een maatwerkvoorziening.",
        "informatieobjecttypen": ["Beschikking"],
    },
}

# Each zaaktype: its fields, then its statustypen (volgnummer, omschrijving,
# informeren, statustekst), roltypen (omschrijving, generiek), resultaattypen
# (omschrijving, resultaattypeomschrijving, Selectielijst class, toelichting),
# informatieobjecttypen (omschrijving, richting), eigenschappen (naam, definitie,
# formaat, lengte, waardenverzameling) and besluittypen.
ZAAKTYPEN = [
    {
        "identificatie": "OMV-REGULIER",
        "omschrijving": "Omgevingsvergunning (reguliere procedure) behandelen",
        "onderwerp": "Omgevingsvergunning",
        "doel": (
            "Een besluit nemen op een aanvraag om een omgevingsvergunning volgens "
            "de reguliere voorbereidingsprocedure."
        ),
        "aanleiding": "Een aanvraag om een omgevingsvergunning via het Omgevingsloket.",
        "toelichting": (
            "Beslistermijn 8 weken na ontvangst van de aanvraag (art. 16.64 "
            "Omgevingswet), eenmaal te verlengen met ten hoogste 6 weken. Bij een "
            "onvolledige aanvraag is de termijn opgeschort tot de aanvulling binnen "
            "is (Awb 4:5 en 4:15)."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Aanvragen",
        "handeling_behandelaar": "Behandelen",
        "doorlooptijd": "P8W",
        "servicenorm": "P6W",
        "opschorting_en_aanhouding_mogelijk": True,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P6W",
        "publicatie_indicatie": True,
        "publicatietekst": "Aanvraag omgevingsvergunning ontvangen",
        "trefwoorden": ["omgevingsvergunning", "bouwen", "Omgevingswet"],
        "selectielijst_procestype": 11,
        "referentieproces_naam": "Toestemming verlenen",
        "verantwoordelijke": "Team Vergunningen",
        "statustypen": [
            (1, "Ontvangen", False, ""),
            (2, "Ontvankelijkheid beoordeeld", False, ""),
            (
                3,
                "Aanvulling gevraagd",
                True,
                "Wij hebben u gevraagd uw aanvraag aan te vullen. De beslistermijn "
                "staat stil tot wij de aanvulling hebben ontvangen.",
            ),
            (4, "In behandeling", False, ""),
            (5, "Advies ingewonnen", False, ""),
            (
                6,
                "Besluit genomen",
                True,
                "Er is een besluit genomen op uw aanvraag. U ontvangt het besluit "
                "in uw berichtenbox.",
            ),
            (7, "Afgehandeld", True, "Uw aanvraag is afgehandeld."),
        ],
        "roltypen": [
            ("Aanvrager", R.INITIATOR),
            ("Gemachtigde", R.BELANGHEBBENDE),
            ("Vergunningverlener", R.BEHANDELAAR),
            ("Adviseur", R.ADVISEUR),
            ("Beslisser", R.BESLISSER),
            ("Belanghebbende", R.BELANGHEBBENDE),
        ],
        "resultaattypen": [
            ("Verleend", "Verleend", "11.1.6", ""),
            ("Geweigerd", "Geweigerd", "11.2", ""),
            (
                "Ingetrokken",
                "Ingetrokken",
                "11.3",
                "De aanvrager trekt de aanvraag in.",
            ),
            (
                "Buiten behandeling gesteld",
                "Afgebroken",
                "11.4",
                "De aanvraag is niet aangevuld en buiten behandeling gesteld (Awb 4:5).",
            ),
        ],
        "informatieobjecttypen": [
            ("Aanvraagformulier", IN),
            ("Tekening", IN),
            ("Constructieberekening", IN),
            ("Ontvangstbevestiging", UIT),
            ("Verzoek om aanvulling", UIT),
            ("Aanvulling", IN),
            ("Advies", INTERN),
            ("Zienswijze", IN),
            ("E-mail", IN),
            ("Beschikking", UIT),
        ],
        "eigenschappen": [
            (
                "Bouwkosten",
                "Geraamde bouwkosten in euro, exclusief btw.",
                GETAL,
                "10",
                [],
            ),
            (
                "Activiteit",
                "De activiteit waarvoor vergunning wordt gevraagd.",
                TEKST,
                "40",
                [
                    "Bouwen",
                    "Slopen",
                    "Kappen",
                    "Afwijken omgevingsplan",
                    "Monument wijzigen",
                ],
            ),
            (
                "Kadastraal perceel",
                "Kadastrale aanduiding van het perceel.",
                TEKST,
                "20",
                [],
            ),
        ],
        "besluittypen": [
            "Besluit omgevingsvergunning",
            "Buitenbehandelingstelling aanvraag",
        ],
    },
    {
        "identificatie": "WOO-VERZOEK",
        "omschrijving": "Woo-verzoek behandelen",
        "onderwerp": "Woo-verzoek",
        "doel": (
            "Beslissen op een verzoek om openbaarmaking van publieke informatie "
            "(Wet open overheid)."
        ),
        "aanleiding": "Een verzoek om informatie op grond van artikel 4.1 Woo.",
        "toelichting": (
            "Beslistermijn 4 weken na ontvangst, eenmaal te verdagen met ten hoogste "
            "2 weken; de verdaging wordt vóór het einde van de eerste termijn "
            "schriftelijk en gemotiveerd meegedeeld (art. 4.4 Woo). Opschorting bij "
            "een verzoek om verduidelijking en voor zienswijzen van derden (Awb 4:15)."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Indienen",
        "handeling_behandelaar": "Behandelen",
        "doorlooptijd": "P4W",
        "servicenorm": "",
        "opschorting_en_aanhouding_mogelijk": True,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P2W",
        "publicatie_indicatie": True,
        "publicatietekst": "Besluit op Woo-verzoek",
        "trefwoorden": ["Woo", "openbaarmaking"],
        "selectielijst_procestype": 6,
        "referentieproces_naam": "Verzoeken behandelen",
        "verantwoordelijke": "Team Juridische Zaken",
        "statustypen": [
            (1, "Ontvangen", False, ""),
            (2, "Ontvangst bevestigd", True, "Wij hebben uw Woo-verzoek ontvangen."),
            (3, "Documenten verzameld", False, ""),
            (4, "Zienswijze derden gevraagd", False, ""),
            (
                5,
                "Besluit genomen",
                True,
                "Er is een besluit genomen op uw Woo-verzoek.",
            ),
            (6, "Openbaar gemaakt", False, ""),
            (7, "Afgehandeld", True, "Uw Woo-verzoek is afgehandeld."),
        ],
        "roltypen": [
            ("Verzoeker", R.INITIATOR),
            ("Behandelaar", R.BEHANDELAAR),
            ("Derde-belanghebbende", R.BELANGHEBBENDE),
            ("Beslisser", R.BESLISSER),
        ],
        "resultaattypen": [
            ("Openbaar gemaakt", "Ingewilligd", "6.1", ""),
            ("Deels openbaar gemaakt", "Ingewilligd", "6.1", ""),
            ("Niet openbaar gemaakt", "Afgewezen", "6.2", ""),
            ("Ingetrokken", "Ingetrokken", "6.3", ""),
            ("Buiten behandeling gesteld", "Afgebroken", "6.3", ""),
        ],
        "informatieobjecttypen": [
            ("Woo-verzoek", IN),
            ("Ontvangstbevestiging", UIT),
            ("Verzoek om verduidelijking", UIT),
            ("Inventarislijst", INTERN),
            ("Te beoordelen document", INTERN),
            ("Zienswijze", IN),
            ("Verdagingsbrief", UIT),
            ("Gelakt document", UIT),
            ("E-mail", IN),
            ("Beschikking", UIT),
        ],
        "eigenschappen": [
            (
                "Onderwerp verzoek",
                "Waarover de verzoeker informatie vraagt.",
                TEKST,
                "200",
                [],
            ),
            ("Aantal documenten", "Aantal gevonden documenten.", GETAL, "5", []),
        ],
        "besluittypen": ["Besluit op Woo-verzoek"],
    },
    {
        "identificatie": "BEZWAAR",
        "omschrijving": "Bezwaarschrift behandelen",
        "onderwerp": "Bezwaar",
        "doel": (
            "Een besluit heroverwegen naar aanleiding van een bezwaarschrift en "
            "beslissen op het bezwaar."
        ),
        "aanleiding": "Een bezwaarschrift tegen een besluit van het college of de burgemeester.",
        "toelichting": (
            "Beslistermijn 12 weken, omdat een onafhankelijke bezwaarschriftencommissie "
            "adviseert (Awb 7:10 lid 1); de termijn loopt vanaf het einde van de "
            "bezwaartermijn. Eenmaal te verdagen met ten hoogste 6 weken (Awb 7:10 "
            "lid 3). Opgeschort zolang de indiener een verzuim herstelt (Awb 7:10 lid 2). "
            "Leg de zaak van het bestreden besluit vast als relevante andere zaak."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Indienen",
        "handeling_behandelaar": "Beslissen",
        "doorlooptijd": "P12W",
        "servicenorm": "",
        "opschorting_en_aanhouding_mogelijk": True,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P6W",
        "publicatie_indicatie": False,
        "trefwoorden": ["bezwaar", "Awb"],
        "selectielijst_procestype": 13,
        "referentieproces_naam": "Geschillen behandelen",
        "verantwoordelijke": "Team Juridische Zaken",
        "statustypen": [
            (1, "Ontvangen", False, ""),
            (2, "Ontvangst bevestigd", True, "Wij hebben uw bezwaarschrift ontvangen."),
            (3, "Ontvankelijkheid getoetst", False, ""),
            (
                4,
                "Hoorzitting gepland",
                True,
                "U bent uitgenodigd voor de hoorzitting over uw bezwaar.",
            ),
            (5, "Advies commissie ontvangen", False, ""),
            (6, "Beslissing op bezwaar genomen", True, "Er is beslist op uw bezwaar."),
            (7, "Afgehandeld", False, ""),
        ],
        "roltypen": [
            ("Bezwaarmaker", R.INITIATOR),
            ("Gemachtigde", R.BELANGHEBBENDE),
            ("Jurist", R.BEHANDELAAR),
            ("Bezwaarschriftencommissie", R.ADVISEUR),
            ("Beslisser", R.BESLISSER),
            ("Belanghebbende", R.BELANGHEBBENDE),
        ],
        "resultaattypen": [
            ("Gegrond", "Gegrond", "13.1", ""),
            ("Deels gegrond", "Gegrond", "13.1", ""),
            ("Ongegrond", "Ongegrond", "13.1", ""),
            ("Niet-ontvankelijk", "Niet ontvankelijk", "13.1.4", ""),
            ("Ingetrokken", "Ingetrokken", "13.2", ""),
            (
                "Beslist (te bewaren zaak)",
                "Afgehandeld",
                "13.1.3",
                "Bezwaar tegen een besluit in een zaak die blijvend bewaard wordt, "
                "zoals een verleende omgevingsvergunning.",
            ),
        ],
        "informatieobjecttypen": [
            ("Bezwaarschrift", IN),
            ("Ontvangstbevestiging", UIT),
            ("Machtiging", IN),
            ("Verzoek herstel verzuim", UIT),
            ("Uitnodiging hoorzitting", UIT),
            ("Verweerschrift", INTERN),
            ("Verslag hoorzitting", INTERN),
            ("Advies bezwaarschriftencommissie", INTERN),
            ("Verdagingsbrief", UIT),
            ("E-mail", IN),
            ("Beslissing op bezwaar", UIT),
        ],
        "eigenschappen": [
            (
                "Datum besluit",
                "Datum van het besluit waartegen bezwaar is gemaakt.",
                DATUM,
                "10",
                [],
            ),
            (
                "Kenmerk besluit",
                "Kenmerk van het besluit waartegen bezwaar is gemaakt.",
                TEKST,
                "50",
                [],
            ),
            (
                "Einde bezwaartermijn",
                "Laatste dag van de bezwaartermijn (Awb 6:7).",
                DATUM,
                "10",
                [],
            ),
        ],
        "besluittypen": ["Beslissing op bezwaar"],
        "gerelateerde_zaaktypen": [
            ("OMV-REGULIER", AardRelatie.ONDERWERP, "Het bestreden besluit."),
        ],
    },
    {
        "identificatie": "KLACHT",
        "omschrijving": "Klacht behandelen",
        "onderwerp": "Klacht",
        "doel": (
            "Een klacht over een gedraging van de gemeente of een medewerker "
            "zorgvuldig behandelen en de klager schriftelijk informeren over de "
            "bevindingen."
        ),
        "aanleiding": "Een schriftelijke klacht (Awb hoofdstuk 9).",
        "toelichting": (
            "Afhandeltermijn 6 weken na ontvangst, 10 weken bij een externe "
            "klachtadviseur; eenmaal schriftelijk te verdagen met ten hoogste 4 weken "
            "(Awb 9:11). Een klacht die naar tevredenheid is opgelost hoeft niet verder "
            "te worden behandeld (Awb 9:5)."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Indienen",
        "handeling_behandelaar": "Behandelen",
        "doorlooptijd": "P6W",
        "servicenorm": "P4W",
        "opschorting_en_aanhouding_mogelijk": False,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P4W",
        "publicatie_indicatie": False,
        "trefwoorden": ["klacht", "klachtbehandeling"],
        "selectielijst_procestype": 13,
        "referentieproces_naam": "Geschillen behandelen",
        "verantwoordelijke": "Klachtcoördinator",
        "statustypen": [
            (1, "Ontvangen", False, ""),
            (2, "Ontvangst bevestigd", True, "Wij hebben uw klacht ontvangen."),
            (3, "Klager en beklaagde gehoord", False, ""),
            (4, "Afgehandeld", True, "Uw klacht is afgehandeld."),
        ],
        "roltypen": [
            ("Klager", R.INITIATOR),
            ("Klachtcoördinator", R.BEHANDELAAR),
            ("Beklaagde medewerker", R.BELANGHEBBENDE),
        ],
        "resultaattypen": [
            ("Gegrond", "Gegrond", "13.1", ""),
            ("Ongegrond", "Ongegrond", "13.1", ""),
            ("Naar tevredenheid opgelost", "Afgehandeld", "13.1", "Awb 9:5."),
            ("Afgehandeld via ombudsman", "Afgehandeld", "13.1.2", ""),
            ("Ingetrokken", "Ingetrokken", "13.2", ""),
        ],
        "informatieobjecttypen": [
            ("Klaagschrift", IN),
            ("Ontvangstbevestiging", UIT),
            ("Uitnodiging", UIT),
            ("Verslag hoorgesprek", INTERN),
            ("Verdagingsbrief", UIT),
            ("E-mail", IN),
            ("Afhandelingsbrief", UIT),
        ],
        "eigenschappen": [
            (
                "Klachtcategorie",
                "Waar de klacht over gaat.",
                TEKST,
                "40",
                [
                    "Bejegening",
                    "Informatievoorziening",
                    "Termijnoverschrijding",
                    "Kwaliteit dienstverlening",
                    "Overig",
                ],
            ),
        ],
        "besluittypen": [],
    },
    {
        "identificatie": "MOR",
        "omschrijving": "Melding openbare ruimte afhandelen",
        "onderwerp": "Melding openbare ruimte",
        "doel": (
            "Een melding over de openbare ruimte (kapotte lantaarnpaal, zwerfafval, "
            "losliggende stoeptegel) oplossen en de melder op de hoogte houden."
        ),
        "aanleiding": (
            "Een melding van een inwoner of bedrijf via de website, de app, de "
            "telefoon of de balie."
        ),
        "toelichting": (
            "Geen wettelijke termijn. De gemeente hanteert een servicenorm van één "
            "week (vijf werkdagen) en handelt uiterlijk binnen drie weken af. De melder "
            "krijgt bij elke status bericht."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Melden",
        "handeling_behandelaar": "Afhandelen",
        "doorlooptijd": "P3W",
        "servicenorm": "P1W",
        "opschorting_en_aanhouding_mogelijk": False,
        "verlenging_mogelijk": False,
        "verlengingstermijn": "",
        "publicatie_indicatie": False,
        "trefwoorden": ["MOR", "openbare ruimte", "melding"],
        "selectielijst_procestype": 6,
        "referentieproces_naam": "Verzoeken behandelen",
        "verantwoordelijke": "Team Buitendienst",
        "statustypen": [
            (1, "Gemeld", True, "Bedankt voor uw melding. Wij gaan ermee aan de slag."),
            (2, "In behandeling", True, "Uw melding is in behandeling."),
            (3, "Ingepland", True, "Het werk voor uw melding is ingepland."),
            (4, "Afgehandeld", True, "Uw melding is afgehandeld."),
        ],
        "roltypen": [
            ("Melder", R.INITIATOR),
            ("Behandelaar", R.BEHANDELAAR),
            ("KCC-medewerker", R.KLANTCONTACTER),
        ],
        "resultaattypen": [
            ("Opgelost", "Ingewilligd", "6.1", "Melding overlast (Selectielijst 6.1)."),
            (
                "Geen actie nodig",
                "Afgewezen",
                "6.2",
                "De melding leidt niet tot actie, bijvoorbeeld omdat het geen "
                "gemeentegrond is.",
            ),
            (
                "Doorgestuurd",
                "Afgebroken",
                "6.3",
                "Doorgestuurd naar de verantwoordelijke organisatie (waterschap, "
                "woningcorporatie).",
            ),
        ],
        "informatieobjecttypen": [
            ("Melding", IN),
            ("Afbeelding", IN),
            ("E-mail", UIT),
        ],
        "eigenschappen": [
            (
                "Categorie",
                "Het soort melding.",
                TEKST,
                "40",
                [
                    "Afval",
                    "Openbare verlichting",
                    "Straatmeubilair",
                    "Groen",
                    "Wegen en fietspaden",
                    "Overlast",
                    "Overig",
                ],
            ),
        ],
        "besluittypen": [],
    },
    {
        "identificatie": "EVENEMENT-MELDING",
        "omschrijving": "Melding klein evenement behandelen",
        "onderwerp": "Klein evenement",
        "doel": (
            "Beoordelen of een gemeld klein evenement zonder vergunning kan "
            "doorgaan, of dat het wordt verboden."
        ),
        "aanleiding": "Een melding van een klein evenement (APV).",
        "toelichting": (
            "Een klein evenement wordt ten minste 2 weken vooraf gemeld; binnen die "
            "termijn kan de burgemeester het verbieden. Gemodelleerd naar de "
            "testgegevens van de Dimpact zaakafhandelcomponent."
        ),
        "vertrouwelijkheidaanduiding": V.OPENBAAR,
        "handeling_initiator": "Melden",
        "handeling_behandelaar": "Behandelen",
        "doorlooptijd": "P14D",
        "servicenorm": "",
        "opschorting_en_aanhouding_mogelijk": False,
        "verlenging_mogelijk": False,
        "verlengingstermijn": "",
        "publicatie_indicatie": False,
        "trefwoorden": ["evenement", "APV"],
        "selectielijst_procestype": 11,
        "referentieproces_naam": "Toestemming verlenen",
        "verantwoordelijke": "Team Vergunningen",
        # Dimpact numbers these 7-11 with "Heropend" in the middle; here "Heropend"
        # comes right before the eindstatus, so reopening leads on to closing again.
        "statustypen": [
            (1, "Intake", False, ""),
            (2, "In behandeling", False, ""),
            (
                3,
                "Wacht op aanvullende informatie",
                True,
                "Wij hebben aanvullende informatie nodig over uw melding.",
            ),
            (4, "Heropend", False, ""),
            (5, "Afgerond", True, "Uw melding is afgerond."),
        ],
        "roltypen": [
            ("Melder", R.INITIATOR),
            ("Behandelaar", R.BEHANDELAAR),
        ],
        "resultaattypen": [
            (
                "Verleend",
                "Verleend",
                "11.1.1",
                "Evenementenmelding (Selectielijst 11.1.1).",
            ),
            ("Geweigerd", "Geweigerd", "11.2", ""),
            ("Afgebroken", "Afgebroken", "11.4", ""),
        ],
        "informatieobjecttypen": [
            ("Melding", IN),
            ("Tekening", IN),
            ("Ontvangstbevestiging", UIT),
            ("E-mail", IN),
            ("Beschikking", UIT),
        ],
        "eigenschappen": [
            (
                "Datum evenement",
                "De dag waarop het evenement plaatsvindt.",
                DATUM,
                "10",
                [],
            ),
            ("Aantal bezoekers", "Verwacht aantal bezoekers tegelijk.", GETAL, "6", []),
            ("Locatie", "Waar het evenement plaatsvindt.", TEKST, "100", []),
        ],
        "besluittypen": ["Verbod klein evenement"],
    },
    {
        "identificatie": "AANSPRAKELIJKSTELLING",
        "omschrijving": "Aansprakelijkstelling door derden behandelen",
        "onderwerp": "Aansprakelijkstelling",
        "doel": (
            "Beoordelen of de gemeente aansprakelijk is voor schade van een derde en "
            "de claim afwikkelen, zo nodig met de verzekeraar."
        ),
        "aanleiding": (
            "Een schriftelijke aansprakelijkstelling, bijvoorbeeld na schade door een "
            "losliggende stoeptegel of een omgewaaide boom."
        ),
        "toelichting": (
            "Privaatrechtelijke afhandeling, geen besluit in de zin van de Awb. "
            "Gemodelleerd naar de testgegevens van de Dimpact zaakafhandelcomponent."
        ),
        "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
        "handeling_initiator": "Indienen",
        "handeling_behandelaar": "Behandelen",
        "doorlooptijd": "P30D",
        "servicenorm": "",
        "opschorting_en_aanhouding_mogelijk": True,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P1M",
        "publicatie_indicatie": False,
        "trefwoorden": ["schade", "aansprakelijkheid"],
        "selectielijst_procestype": 13,
        "referentieproces_naam": "Geschillen behandelen",
        "verantwoordelijke": "Team Juridische Zaken",
        "statustypen": [
            (1, "Intake", False, ""),
            (2, "In behandeling", False, ""),
            (
                3,
                "Aanvullende informatie vereist",
                True,
                "Wij hebben aanvullende informatie nodig om uw claim te beoordelen.",
            ),
            (4, "Onderzoek afgerond", False, ""),
            (5, "Heropend", False, ""),
            (6, "Afgerond", True, "Uw aansprakelijkstelling is afgehandeld."),
        ],
        "roltypen": [
            ("Initiator", R.INITIATOR),
            ("Behandelaar", R.BEHANDELAAR),
            ("Informatiebeheerder", R.ZAAKCOORDINATOR),
            ("Verzekeraar", R.ADVISEUR),
        ],
        "resultaattypen": [
            ("Toegekend", "Toegekend", "13.1.1", "Schade en aansprakelijkheid."),
            ("Geweigerd", "Geweigerd", "13.1.1", "Schade en aansprakelijkheid."),
            ("Buiten behandeling", "Afgebroken", "13.2", ""),
            ("Afgebroken", "Afgebroken", "13.2", ""),
        ],
        "informatieobjecttypen": [
            ("E-mail", IN),
            ("Bijlage", IN),
            ("Factuur", IN),
            ("Bewijsstuk", IN),
            ("Afbeelding", IN),
            ("Ontvangstbevestiging", UIT),
            ("Brief", UIT),
            ("Advies", INTERN),
            ("Rapport", INTERN),
        ],
        "eigenschappen": [
            ("Schadedatum", "De dag waarop de schade ontstond.", DATUM, "10", []),
            ("Schadebedrag", "Geclaimd bedrag in euro.", GETAL, "10", []),
            ("Schadeoorzaak", "Wat de schade veroorzaakte.", TEKST, "200", []),
        ],
        "besluittypen": [],
    },
    {
        "identificatie": "WMO-MELDING",
        "omschrijving": "Wmo-melding behandelen",
        "onderwerp": "Wmo-melding",
        "doel": (
            "Samen met de inwoner onderzoeken welke ondersteuning nodig is "
            "(keukentafelgesprek) en het verslag daarvan vastleggen."
        ),
        "aanleiding": "Een melding van een hulpvraag (art. 2.3.2 Wmo 2015).",
        "toelichting": (
            "Het onderzoek is binnen 6 weken na de melding afgerond (art. 2.3.2 lid 1 "
            "Wmo 2015). De Awb-regels over opschorten en verdagen gelden niet voor "
            "deze meldingsfase. Een aanvraag om een maatwerkvoorziening volgt als "
            "deelzaak (Wmo-aanvraag)."
        ),
        "vertrouwelijkheidaanduiding": V.VERTROUWELIJK,
        "handeling_initiator": "Melden",
        "handeling_behandelaar": "Onderzoeken",
        "doorlooptijd": "P6W",
        "servicenorm": "P4W",
        "opschorting_en_aanhouding_mogelijk": False,
        "verlenging_mogelijk": False,
        "verlengingstermijn": "",
        "publicatie_indicatie": False,
        "trefwoorden": ["Wmo", "melding", "keukentafelgesprek"],
        "selectielijst_procestype": 8,
        "referentieproces_naam": "Voorzieningen verstrekken",
        "verantwoordelijke": "Team Wmo",
        "statustypen": [
            (1, "Melding ontvangen", False, ""),
            (
                2,
                "Gesprek gepland",
                True,
                "U bent uitgenodigd voor een gesprek over uw hulpvraag.",
            ),
            (3, "Onderzoek afgerond", False, ""),
            (4, "Verslag verstuurd", True, "U ontvangt het verslag van het gesprek."),
            (5, "Afgehandeld", False, ""),
        ],
        "roltypen": [
            ("Cliënt", R.INITIATOR),
            ("Consulent Wmo", R.BEHANDELAAR),
            ("Mantelzorger", R.BELANGHEBBENDE),
            ("Gemachtigde", R.BELANGHEBBENDE),
            ("Medisch adviseur", R.ADVISEUR),
        ],
        "resultaattypen": [
            (
                "Vervolgd met aanvraag",
                "Afgehandeld",
                "8.1.1",
                "Het onderzoeksverslag hoort bij het dossier van de voorziening.",
            ),
            ("Geen aanvraag ingediend", "Afgebroken", "8.4.1", ""),
            ("Ingetrokken", "Ingetrokken", "8.4.1", ""),
        ],
        "informatieobjecttypen": [
            ("Melding", IN),
            ("Ontvangstbevestiging", UIT),
            ("Uitnodiging", UIT),
            ("Gespreksverslag", INTERN),
            ("Medisch advies", INTERN),
            ("Onderzoeksverslag", UIT),
        ],
        "eigenschappen": [
            ("Datum gesprek", "De dag van het keukentafelgesprek.", DATUM, "10", []),
            (
                "Hulpvraag",
                "Waarbij de inwoner ondersteuning vraagt.",
                TEKST,
                "40",
                [
                    "Huishoudelijke ondersteuning",
                    "Begeleiding",
                    "Woningaanpassing",
                    "Vervoer",
                    "Rolstoel",
                    "Overig",
                ],
            ),
        ],
        "besluittypen": [],
        "deelzaaktypen": ["WMO-AANVRAAG"],
    },
    {
        "identificatie": "WMO-AANVRAAG",
        "omschrijving": "Wmo-aanvraag maatwerkvoorziening behandelen",
        "onderwerp": "Wmo-maatwerkvoorziening",
        "doel": "Beslissen op een aanvraag om een maatwerkvoorziening (Wmo 2015).",
        "aanleiding": (
            "Een aanvraag na het onderzoek naar aanleiding van een melding "
            "(art. 2.3.2 lid 9 Wmo 2015)."
        ),
        "toelichting": (
            "Beschikking binnen 2 weken na ontvangst van de aanvraag (art. 2.3.5 "
            "lid 1 Wmo 2015). Bij een onvolledige aanvraag staat de termijn stil "
            "(Awb 4:15); de gemeente verdaagt ten hoogste 2 weken (Awb 4:14)."
        ),
        "vertrouwelijkheidaanduiding": V.VERTROUWELIJK,
        "handeling_initiator": "Aanvragen",
        "handeling_behandelaar": "Beslissen",
        "doorlooptijd": "P2W",
        "servicenorm": "",
        "opschorting_en_aanhouding_mogelijk": True,
        "verlenging_mogelijk": True,
        "verlengingstermijn": "P2W",
        "publicatie_indicatie": False,
        "trefwoorden": ["Wmo", "maatwerkvoorziening"],
        "selectielijst_procestype": 8,
        "referentieproces_naam": "Voorzieningen verstrekken",
        "verantwoordelijke": "Team Wmo",
        "statustypen": [
            (1, "Aanvraag ontvangen", False, ""),
            (2, "In behandeling", False, ""),
            (
                3,
                "Aanvulling gevraagd",
                True,
                "Wij hebben u gevraagd uw aanvraag aan te vullen.",
            ),
            (
                4,
                "Beschikking verzonden",
                True,
                "U ontvangt de beschikking op uw aanvraag.",
            ),
            (5, "Afgehandeld", False, ""),
        ],
        "roltypen": [
            ("Aanvrager", R.INITIATOR),
            ("Consulent Wmo", R.BEHANDELAAR),
            ("Gemachtigde", R.BELANGHEBBENDE),
            ("Beslisser", R.BESLISSER),
            ("Zorgaanbieder", R.BELANGHEBBENDE),
        ],
        "resultaattypen": [
            ("Toegekend", "Verstrekt", "8.1.1", "WMO-voorziening."),
            ("Afgewezen", "Geweigerd", "8.2", ""),
            (
                "Voorziening beëindigd",
                "Beëindigd",
                "8.3.1",
                "Herziening: een eerder toegekende voorziening wordt beëindigd.",
            ),
            ("Ingetrokken", "Afgebroken", "8.4.1", ""),
        ],
        "informatieobjecttypen": [
            ("Aanvraagformulier", IN),
            ("Ontvangstbevestiging", UIT),
            ("Verzoek om aanvulling", UIT),
            ("Aanvulling", IN),
            ("Gespreksverslag", INTERN),
            ("Medisch advies", INTERN),
            ("Beschikking", UIT),
        ],
        "eigenschappen": [
            (
                "Soort voorziening",
                "De gevraagde maatwerkvoorziening.",
                TEKST,
                "40",
                [
                    "Huishoudelijke ondersteuning",
                    "Begeleiding",
                    "Woningaanpassing",
                    "Vervoersvoorziening",
                    "Rolstoel",
                ],
            ),
            (
                "Leveringsvorm",
                "Zorg in natura of een persoonsgebonden budget.",
                TEKST,
                "40",
                ["Zorg in natura", "Persoonsgebonden budget"],
            ),
        ],
        "besluittypen": ["Beschikking Wmo-maatwerkvoorziening"],
    },
]

# The eight case types of the brief, by the zaaktype that starts each one.
CASE_TYPES = [
    "OMV-REGULIER",
    "WOO-VERZOEK",
    "BEZWAAR",
    "KLACHT",
    "MOR",
    "EVENEMENT-MELDING",
    "AANSPRAKELIJKSTELLING",
    "WMO-MELDING",
]
