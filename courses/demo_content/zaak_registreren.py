"""Module 2: registering and handling a zaak, from intake to closing."""

from courses.demo_content._blocks import (
    Lesson,
    Module,
    assignment,
    matching,
    multiple_choice,
    ordering,
    praktijk,
    reflection,
    single_choice,
    text,
    tip,
    true_false,
)

SLUG = "een-zaak-registreren-en-afhandelen"

LESSON_INTAKE = Lesson(
    slug="intake-het-juiste-zaaktype-kiezen",
    title="Intake: het juiste zaaktype kiezen",
    body=[
        text(
            "<h2>Wat vraagt de inwoner echt?</h2>"
            "<p>Bij de intake beslis je welk <b>zaaktype</b> bij de vraag hoort. Dat "
            "is de belangrijkste keuze van de hele zaak: het zaaktype bepaalt de "
            "termijn, de stappen, de documenten en hoe lang het dossier bewaard "
            "blijft.</p>"
            "<p>Luister daarom goed naar wat de inwoner wil bereiken:</p>"
            "<ul>"
            "<li>Wil de inwoner een <b>melding</b> doen over de openbare ruimte, "
            "zoals een losliggende stoeptegel? Dan is het een melding openbare "
            "ruimte.</li>"
            "<li>Wil de inwoner <b>informatie openbaar</b> laten maken die de "
            "gemeente heeft? Dan is het een Woo-verzoek.</li>"
            "<li>Is de inwoner het <b>niet eens met een besluit</b>? Dan is het een "
            "bezwaarschrift.</li>"
            "<li>Is de inwoner ontevreden over <b>hoe hij behandeld is</b> door "
            "een medewerker of de gemeente? Dan is het een klacht.</li>"
            "</ul>"
        ),
        tip(
            "<p>Een boze inwoner die zegt 'ik maak bezwaar' dient niet altijd een "
            "bezwaarschrift in. Gaat het over de manier waarop hij is behandeld, "
            "en niet over een besluit, dan is het een klacht.</p>",
            title="Bezwaar of klacht?",
        ),
        praktijk(
            "Medewerker Publiekszaken",
            "<p>Een inwoner mailt: 'Ik wil alle stukken over de herinrichting van "
            "het Marktplein zien, ook de e-mails met de aannemer.' Dat is geen "
            "klacht en geen melding, maar een verzoek om informatie openbaar te "
            "maken. Ik registreer een zaak van het zaaktype <i>Woo-verzoek "
            "behandelen</i>, met de datum van ontvangst van de e-mail als "
            "startdatum.</p>",
        ),
        matching(
            "vraag-zaaktype",
            "Koppel elke vraag van een inwoner aan het juiste zaaktype.",
            [
                (
                    "'Er ligt al een week een omgevallen boom op het fietspad.'",
                    "Melding openbare ruimte afhandelen",
                    "Een probleem in de openbare ruimte is een melding.",
                ),
                (
                    "'Ik wil de adviesrapporten over de nieuwe sporthal inzien.'",
                    "Woo-verzoek behandelen",
                    "Een verzoek om informatie van de gemeente openbaar te maken "
                    "valt onder de Woo.",
                ),
                (
                    "'Ik ben het niet eens met de weigering van mijn vergunning.'",
                    "Bezwaarschrift behandelen",
                    "Wie het niet eens is met een besluit, maakt bezwaar.",
                ),
                (
                    "'De baliemedewerker was onbeschoft tegen mij.'",
                    "Klacht behandelen",
                    "Een klacht gaat over hoe iemand behandeld is, niet over een "
                    "besluit.",
                ),
            ],
            points=4,
        ),
        single_choice(
            "startdatum",
            "Een aanvraag komt op vrijdag binnen, jij registreert hem op maandag. "
            "Welke startdatum leg je vast?",
            [
                (
                    "Maandag, de dag van registratie",
                    False,
                    "Nee. Dan lijkt het alsof we meer tijd hebben dan de wet ons "
                    "geeft. De registratiedatum legt het systeem zelf vast.",
                ),
                (
                    "De dag waarop de behandelaar begint",
                    False,
                    "Nee. De wettelijke termijn begint bij ontvangst van de aanvraag.",
                ),
                (
                    "Vrijdag, de dag van ontvangst",
                    True,
                    "Juist. De termijn loopt vanaf de ontvangst, niet vanaf het "
                    "moment dat wij registreren.",
                ),
            ],
        ),
    ],
)

LESSON_REGISTREREN = Lesson(
    slug="gegevens-vastleggen",
    title="Gegevens vastleggen: initiator, kanaal en locatie",
    body=[
        text(
            "<h2>Wat leg je vast bij registratie?</h2>"
            "<ol>"
            "<li><b>Zaaktype</b>: gekozen bij de intake.</li>"
            "<li><b>Omschrijving</b>: kort en zakelijk, zodat een collega in één "
            "oogopslag ziet waar het over gaat. Geen BSN of medische gegevens in "
            "vrije tekst.</li>"
            "<li><b>Startdatum</b>: de datum van ontvangst.</li>"
            "<li><b>Communicatiekanaal</b>: telefoon, e-mail, webformulier, balie "
            "of post.</li>"
            "<li><b>Initiator</b>: de inwoner of het bedrijf dat de zaak in gang "
            "zet, als natuurlijk persoon of niet-natuurlijk persoon. Handelt "
            "iemand namens een ander, leg dan vast dat het een gemachtigde "
            "is.</li>"
            "<li><b>Zaakobject</b>: waar de zaak over gaat, zoals een adres of een "
            "plek in de openbare ruimte.</li>"
            "</ol>"
            "<p>Daarna wijs je een <b>behandelaar</b> toe: een medewerker of een "
            "team. Zonder behandelaar blijft een zaak liggen.</p>"
        ),
        tip(
            "<p>Bij een melding openbare ruimte mag de melder anoniem blijven. "
            "Vraag wel of hij op de hoogte gehouden wil worden: dan leg je een "
            "e-mailadres vast en krijgt hij bericht bij elke statuswijziging.</p>",
        ),
        praktijk(
            "Medewerker Publiekszaken",
            "<p>Een inwoner belt over een kapotte lantaarnpaal in de Molenstraat. "
            "Ik registreer een melding openbare ruimte, met kanaal telefoon, de "
            "inwoner als initiator en de lantaarnpaal als zaakobject op de kaart. "
            "Behandelaar is het team Buitendienst. Binnen vijf werkdagen hoort de "
            "inwoner wat we gaan doen: dat is onze servicenorm.</p>",
            title="Een melding aan de telefoon",
        ),
        multiple_choice(
            "registratie-gegevens",
            "Welke gegevens leg je vast bij het registreren van een melding "
            "openbare ruimte? Kies alles wat van toepassing is.",
            [
                (
                    "De locatie als zaakobject",
                    True,
                    "Ja: de buitendienst moet weten waar het is.",
                ),
                (
                    "De melder als initiator, of dat de melding anoniem is",
                    True,
                    "Ja: zo kunnen we de melder op de hoogte houden.",
                ),
                (
                    "Het BSN van de melder in de omschrijving",
                    False,
                    "Nee: een BSN hoort nooit in vrije tekst.",
                ),
                (
                    "Het communicatiekanaal",
                    True,
                    "Ja: zo weten we hoe inwoners ons bereiken.",
                ),
            ],
            points=3,
        ),
        true_false(
            "gemachtigde",
            "Als een dochter de aanvraag voor haar vader indient, leg je de dochter "
            "vast als initiator en vermeld je nergens dat zij namens hem "
            "handelt.",
            correct=False,
            feedback_true=(
                "Nee. Leg vast dat zij gemachtigde is. Anders weet niemand voor wie "
                "het besluit is en wie de post moet krijgen."
            ),
            feedback_false=(
                "Klopt. De vader is de aanvrager. Leg bij de dochter vast dat zij "
                "als gemachtigde optreedt."
            ),
        ),
        assignment(
            "oefening-mor-melding",
            "Oefening: registreer een melding openbare ruimte",
            "<p>In de oefenomgeving belt een inwoner over een kapotte "
            "lantaarnpaal. Registreer de melding met het juiste zaaktype, kanaal, "
            "initiator en locatie, zet de statussen op volgorde en handel de zaak "
            "af met het juiste resultaat zodra de buitendienst klaar is. Niets wat "
            "je hier doet, raakt echte inwoners.</p>",
            scenario_id="mor-melding-eenvoudig",
        ),
        assignment(
            "oefening-klacht",
            "Extra oefening: handel een klacht af",
            "<p>Wil je meer oefenen? Een inwoner klaagt over de bejegening aan de "
            "balie. Registreer de klacht, bevestig de ontvangst en handel haar af "
            "binnen de termijn van de Algemene wet bestuursrecht.</p>",
            scenario_id="klacht-afhandelen",
            required=False,
        ),
    ],
)

LESSON_AFHANDELEN = Lesson(
    slug="behandelen-en-afsluiten",
    title="Behandelen en afsluiten: status, besluit en resultaat",
    body=[
        text(
            "<h2>Statussen houden iedereen op de hoogte</h2>"
            "<p>Zet de statussen in de volgorde van het zaaktype, op het moment dat "
            "de stap echt gezet is. Schrijf bij elke status een korte "
            "<b>toelichting</b>: wat is er gebeurd en wat komt er nu? Bij sommige "
            "statussen krijgt de inwoner automatisch bericht. Schrijf de "
            "toelichting dus zo dat de inwoner hem kan begrijpen.</p>"
            "<h2>Besluit</h2>"
            "<p>Neemt de gemeente een besluit, zoals het verlenen van een "
            "vergunning, dan leg je het besluit vast bij de zaak: het besluittype, "
            "de datum, de ingangsdatum en de verzenddatum. Daaruit volgt tot "
            "wanneer bezwaar mogelijk is.</p>"
            "<h2>Afsluiten</h2>"
            "<p>Eerst leg je het <b>resultaat</b> vast, bijvoorbeeld "
            "<i>Verleend</i>. Pas daarna zet je de <b>eindstatus</b>. Het resultaat "
            "bepaalt ook hoe lang het dossier bewaard wordt. Controleer voor het "
            "afsluiten of alle documenten definitief zijn en bij de zaak "
            "staan.</p>"
        ),
        tip(
            "<p>Een zaak zonder resultaat kan niet worden afgesloten. Krijg je een "
            "foutmelding bij de eindstatus, kijk dan eerst of het resultaat is "
            "vastgelegd.</p>",
            kind="note",
            title="Goed om te weten",
        ),
        praktijk(
            "Vergunningverlener",
            "<p>Na het positieve welstandsadvies zet ik de status <i>Advies "
            "ingewonnen</i>, met als toelichting 'De welstandscommissie heeft "
            "positief geadviseerd. We verwachten binnen twee weken te "
            "beslissen.' De aanvrager belt niet meer om te vragen hoe het staat: "
            "hij leest het in Mijn Gemeente.</p>",
        ),
        ordering(
            "melding-afhandelen",
            "Zet de afhandeling van een melding openbare ruimte in de goede volgorde.",
            [
                (
                    "Melding registreren met locatie en melder",
                    "Zonder registratie is er nog geen zaak.",
                ),
                (
                    "Behandelaar toewijzen en status 'In behandeling' zetten",
                    "Eerst moet duidelijk zijn wie de melding oppakt.",
                ),
                (
                    "Werk inplannen en status 'Ingepland' zetten",
                    "Inplannen komt na het oppakken en voor het uitvoeren.",
                ),
                (
                    "Resultaat vastleggen",
                    "Het resultaat komt als het werk gedaan is, vóór de eindstatus.",
                ),
                (
                    "Eindstatus 'Afgehandeld' zetten; de melder krijgt bericht",
                    "De eindstatus is altijd de laatste stap.",
                ),
            ],
        ),
        single_choice(
            "statustoelichting",
            "Welke statustoelichting is het best?",
            [
                (
                    "'Doorgezet naar BOR/OV-3 cf. werkafspraak.'",
                    False,
                    "Nee: interne afkortingen begrijpt de inwoner niet.",
                ),
                (
                    "'De buitendienst vervangt de lantaarnpaal op 12 maart.'",
                    True,
                    "Juist: duidelijk, concreet en begrijpelijk voor de melder.",
                ),
                (
                    "'Status gewijzigd.'",
                    False,
                    "Nee: dit zegt niets over wat er gebeurd is of wat er komt.",
                ),
            ],
        ),
        reflection(
            "toelichting-eigen-werk",
            "Denk aan een zaak die je onlangs hebt behandeld. Wat had de inwoner "
            "willen lezen bij elke status? Wat schrijf je voortaan anders?",
        ),
    ],
)

MODULE = Module(
    slug=SLUG,
    title="Een zaak registreren en afhandelen",
    summary=(
        "Van intake tot afsluiten: het juiste zaaktype kiezen, de gegevens goed "
        "vastleggen, statussen zetten die de inwoner begrijpt en netjes afsluiten "
        "met resultaat en eindstatus. Met een oefening in de oefenomgeving."
    ),
    learning_objectives=[
        "Je kiest bij de intake het juiste zaaktype.",
        "Je registreert een zaak met startdatum, kanaal, initiator en zaakobject.",
        "Je zet statussen in volgorde, met een toelichting die de inwoner begrijpt.",
        "Je sluit een zaak af met resultaat en eindstatus.",
    ],
    lessons=[LESSON_INTAKE, LESSON_REGISTREREN, LESSON_AFHANDELEN],
    target_functions=[
        "Medewerker Publiekszaken",
        "Vergunningverlener",
        "Consulent Wmo",
        "Klachtcoördinator",
        "Jurist bezwaar en beroep",
    ],
    estimated_duration=45,
    competences=[
        "zgw-zaaktype",
        "zgw-initiator",
        "zgw-intake",
        "zgw-status",
        "zgw-resultaat",
    ],
    prerequisites=["wat-is-zaakgericht-werken"],
    mandatory=True,
    pass_mark=70,
    max_attempts=3,
)
