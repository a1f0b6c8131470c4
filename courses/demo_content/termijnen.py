"""Module 3: decision terms, stopping the clock (opschorten) and extending them."""

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

SLUG = "termijnen-opschorten-en-verlengen"

LESSON_BESLISTERMIJN = Lesson(
    slug="beslistermijn-en-uiterlijke-einddatum",
    title="Beslistermijn en uiterlijke einddatum",
    body=[
        text(
            "<h2>Elke zaak heeft een klok</h2>"
            "<p>Voor veel zaken geeft de wet een <b>beslistermijn</b>. Die begint "
            "te lopen op de dag na ontvangst van de aanvraag, niet op de dag dat "
            "wij hem registreren. Een paar voorbeelden:</p>"
            "<ul>"
            "<li>Woo-verzoek: 4 weken, te verdagen met ten hoogste 2 weken "
            "(Woo artikel 4.4).</li>"
            "<li>Omgevingsvergunning, reguliere procedure: 8 weken, één keer te "
            "verlengen met ten hoogste 6 weken.</li>"
            "<li>Bezwaarschrift: 6 weken, of 12 weken met een "
            "bezwaaradviescommissie, te verdagen met ten hoogste 6 weken "
            "(Awb 7:10).</li>"
            "<li>Klacht: 6 weken, of 10 weken met een externe klachtadviseur, te "
            "verdagen met ten hoogste 4 weken (Awb 9:11).</li>"
            "</ul>"
            "<p>Het zaaktype legt deze termijn vast als <b>doorlooptijd</b>. Bij "
            "registratie berekent het zaaksysteem daaruit de <b>uiterlijke "
            "einddatum afdoening</b>: de datum waarop we uiterlijk moeten beslissen. "
            "Daarnaast kan een zaak een <b>geplande einddatum</b> hebben, gebaseerd "
            "op de servicenorm: de termijn die we onszelf stellen, vaak korter dan "
            "de wettelijke.</p>"
            "<h2>Te laat beslissen kost geld</h2>"
            "<p>Beslist de gemeente niet op tijd, dan kan de aanvrager de gemeente "
            "schriftelijk in gebreke stellen. Beslissen we dan nog steeds niet "
            "binnen twee weken, dan moet de gemeente een dwangsom betalen voor elke "
            "dag dat het besluit uitblijft (Awb 4:17).</p>"
        ),
        tip(
            "<p>Een melding openbare ruimte heeft geen wettelijke termijn. Daar "
            "werken we met een servicenorm, bijvoorbeeld vijf werkdagen. Houd je er "
            "net zo goed aan: de melder rekent erop.</p>",
            title="Geen wettelijke termijn? Wel een belofte",
        ),
        praktijk(
            "Vergunningverlener",
            "<p>Elke maandagochtend filter ik in het zaaksysteem op zaken waarvan "
            "de uiterlijke einddatum binnen drie weken valt. Zo zie ik op tijd "
            "welke aanvragen extra aandacht nodig hebben, en of ik nog kan "
            "verlengen.</p>",
            title="Het weekoverzicht",
        ),
        matching(
            "termijnen-per-zaaktype",
            "Koppel elk zaaktype aan zijn wettelijke beslistermijn.",
            [
                (
                    "Woo-verzoek",
                    "4 weken, verdaging met ten hoogste 2 weken",
                    "De Woo geeft 4 weken, met ten hoogste 2 weken verdaging.",
                ),
                (
                    "Omgevingsvergunning (regulier)",
                    "8 weken, één keer te verlengen met ten hoogste 6 weken",
                    "De reguliere procedure kent 8 weken plus eenmaal 6 weken.",
                ),
                (
                    "Bezwaarschrift (zonder commissie)",
                    "6 weken, verdaging met ten hoogste 6 weken",
                    "Awb 7:10: 6 weken zonder commissie, te verdagen met 6 weken.",
                ),
                (
                    "Klacht (zonder externe adviseur)",
                    "6 weken, verdaging met ten hoogste 4 weken",
                    "Awb 9:11: 6 weken, te verdagen met 4 weken.",
                ),
            ],
            points=4,
        ),
        single_choice(
            "einddatum-begrip",
            "Wat is de uiterlijke einddatum afdoening?",
            [
                (
                    "De datum waarop we volgens de wettelijke termijn uiterlijk "
                    "moeten beslissen",
                    True,
                    "Juist: startdatum plus de wettelijke termijn, aangepast voor "
                    "opschorting en verlenging.",
                ),
                (
                    "De datum die we onszelf als servicenorm stellen",
                    False,
                    "Nee, dat is de geplande einddatum.",
                ),
                (
                    "De datum waarop het dossier vernietigd mag worden",
                    False,
                    "Nee, dat is de archiefactiedatum.",
                ),
            ],
        ),
    ],
)

LESSON_OPSCHORTEN = Lesson(
    slug="opschorten-de-klok-stilzetten",
    title="Opschorten: de klok stilzetten",
    body=[
        text(
            "<h2>Wanneer staat de klok stil?</h2>"
            "<p>Is een aanvraag niet compleet, dan vraag je de aanvrager om de "
            "aanvraag binnen een redelijke termijn aan te vullen (Awb 4:5). Vanaf "
            "de dag na dat verzoek is de beslistermijn <b>opgeschort</b>, tot de "
            "dag waarop de aanvulling binnen is of de termijn voor aanvullen "
            "ongebruikt voorbij is (Awb 4:15).</p>"
            "<p>De termijn wordt ook opgeschort zolang de aanvrager daar "
            "schriftelijk mee instemt, of zolang de vertraging aan de aanvrager te "
            "wijten is. Meld dat de aanvrager dan wel direct schriftelijk.</p>"
            "<h2>Opschorten in het zaaksysteem</h2>"
            "<ol>"
            "<li>Kijk of het zaaktype opschorten toestaat.</li>"
            "<li>Stuur het verzoek om aanvulling en sla de brief op bij de "
            "zaak.</li>"
            "<li>Zet de opschorting aan, met een duidelijke <b>reden</b>.</li>"
            "<li>Is de aanvulling binnen, zet de opschorting dan weer uit. De "
            "uiterlijke einddatum schuift op met de dagen dat de klok "
            "stilstond.</li>"
            "</ol>"
        ),
        tip(
            "<p>Vergeet niet de opschorting op te heffen als de aanvulling binnen "
            "is. Anders lijkt het in het systeem alsof je alle tijd hebt, terwijl "
            "de wettelijke termijn gewoon weer loopt.</p>",
            kind="warning",
            title="Let op",
        ),
        praktijk(
            "Vergunningverlener",
            "<p>Bij een aanvraag voor een dakkapel ontbrak de "
            "constructieberekening. Ik stuurde de aanvrager een verzoek om "
            "aanvulling met een termijn van twee weken, sloeg de brief op bij de "
            "zaak en schortte de zaak op met als reden 'Wacht op "
            "constructieberekening (verzoek om aanvulling, Awb 4:5)'. Na acht "
            "dagen kwam de berekening binnen. Ik hief de opschorting op en de "
            "uiterlijke einddatum schoof mee.</p>",
        ),
        multiple_choice(
            "wanneer-opschorten",
            "In welke situaties wordt de beslistermijn opgeschort? Kies alles wat "
            "van toepassing is.",
            [
                (
                    "De aanvrager stemt er schriftelijk mee in dat je meer tijd neemt",
                    True,
                    "Ja: met schriftelijke instemming van de aanvrager kan het.",
                ),
                (
                    "De behandelaar is twee weken op vakantie",
                    False,
                    "Nee: drukte of afwezigheid bij de gemeente is geen reden om "
                    "de klok stil te zetten.",
                ),
                (
                    "Je wacht op een intern advies van een andere afdeling",
                    False,
                    "Nee: interne adviezen horen binnen de termijn te passen.",
                ),
                (
                    "Je hebt de aanvrager gevraagd ontbrekende tekeningen aan te "
                    "leveren",
                    True,
                    "Ja: het verzoek om aanvulling schort de termijn op (Awb 4:15).",
                ),
            ],
            points=2,
        ),
        assignment(
            "oefening-omgevingsvergunning-aanvullen",
            "Extra oefening: laat een aanvraag aanvullen",
            "<p>Bij een aanvraag omgevingsvergunning ontbreekt de "
            "constructieberekening. Vraag de aanvrager om aanvulling, schort de "
            "beslistermijn op met een reden en hervat de behandeling als de stukken "
            "binnen zijn. Kijk hoe de uiterlijke einddatum meeschuift.</p>",
            scenario_id="omgevingsvergunning-aanvullen",
            required=False,
        ),
        true_false(
            "opschorting-reden",
            "Bij een opschorting in het zaaksysteem leg je altijd een reden vast.",
            correct=True,
            feedback_true=(
                "Klopt. Zonder reden kan niemand later nagaan of de opschorting "
                "terecht was."
            ),
            feedback_false=(
                "Toch wel. De reden laat zien dat de opschorting terecht was, "
                "bijvoorbeeld bij een ingebrekestelling."
            ),
        ),
    ],
)

LESSON_VERLENGEN = Lesson(
    slug="verlengen-en-verdagen",
    title="Verlengen en verdagen",
    body=[
        text(
            "<h2>Meer tijd nodig</h2>"
            "<p>Soms lukt het niet om binnen de termijn te beslissen, bijvoorbeeld "
            "omdat er veel documenten zijn of omdat derden hun mening mogen geven. "
            "De wet staat dan soms toe dat je de termijn <b>verlengt</b> of "
            "<b>verdaagt</b>. Daarvoor gelden strikte regels:</p>"
            "<ul>"
            "<li>Het mag alleen als de wet en het zaaktype het toestaan, en voor "
            "ten hoogste de toegestane duur.</li>"
            "<li>Je laat het de aanvrager <b>schriftelijk</b> en met redenen "
            "weten.</li>"
            "<li>Je doet dat <b>voordat</b> de eerste termijn voorbij is. Daarna "
            "kan het niet meer.</li>"
            "</ul>"
            "<h2>Voorbeeld: een Woo-verzoek</h2>"
            "<p>Een Woo-verzoek komt binnen op maandag 3 maart. De beslistermijn "
            "van 4 weken eindigt op maandag 31 maart. Er zijn veel documenten en "
            "twee bedrijven moeten hun zienswijze kunnen geven. Op 24 maart stuurt "
            "de behandelaar een verdagingsbrief: de termijn wordt met 2 weken "
            "verdaagd. De uiterlijke einddatum wordt maandag 14 april.</p>"
            "<p>In het zaaksysteem leg je de verlenging vast met een "
            "<b>reden</b> en een <b>duur</b>, en je slaat de verdagingsbrief op bij "
            "de zaak.</p>"
        ),
        tip(
            "<p>Zet in je agenda een herinnering een week voor het einde van de "
            "eerste termijn. Dan heb je nog tijd om te verdagen als dat nodig "
            "is.</p>",
        ),
        praktijk(
            "Jurist bezwaar en beroep",
            "<p>Bij een bezwaar tegen een kapvergunning wilde de commissie eerst "
            "ter plaatse kijken. Ik zag dat we het niet zouden redden binnen de "
            "termijn en stuurde ruim op tijd een brief aan de bezwaarmaker en "
            "vergunninghouder: de beslissing wordt met zes weken verdaagd, met de "
            "reden erbij. In de zaak legde ik de verlenging vast en koppelde ik de "
            "brief.</p>",
        ),
        ordering(
            "woo-verdagen",
            "Je moet een Woo-verzoek verdagen. Zet de stappen in de goede volgorde.",
            [
                (
                    "Vaststellen dat beslissen binnen 4 weken niet lukt",
                    "Eerst moet je weten dat je meer tijd nodig hebt.",
                ),
                (
                    "Verdagingsbrief met redenen opstellen en versturen, vóór het "
                    "einde van de eerste termijn",
                    "De brief gaat de deur uit zodra je weet dat verdagen nodig is, "
                    "en in elk geval binnen de eerste termijn.",
                ),
                (
                    "De verlenging met reden en duur vastleggen en de brief "
                    "opslaan bij de zaak",
                    "Leg de verlenging vast zodra de brief verstuurd is; dan klopt "
                    "de uiterlijke einddatum en is het dossier compleet.",
                ),
                (
                    "Binnen de verdaagde termijn beslissen",
                    "Beslissen komt na het verdagen, binnen de nieuwe termijn.",
                ),
                (
                    "Resultaat vastleggen en de zaak afsluiten",
                    "Afsluiten is altijd de laatste stap.",
                ),
            ],
        ),
        true_false(
            "verdagen-na-termijn",
            "Een Woo-verzoek mag je ook nog verdagen als de eerste termijn van 4 "
            "weken al voorbij is.",
            correct=False,
            feedback_true=(
                "Nee. De verdaging moet de verzoeker bereiken vóór het einde van de "
                "eerste termijn (Woo 4.4 lid 2)."
            ),
            feedback_false=(
                "Klopt. Na afloop van de termijn kun je niet meer verdagen: dan "
                "ben je te laat."
            ),
        ),
        single_choice(
            "woo-einddatum",
            "Een Woo-verzoek komt binnen op maandag 2 juni en wordt tijdig met de "
            "maximale duur verdaagd. Wat is de uiterlijke einddatum?",
            [
                (
                    "Maandag 14 juli",
                    True,
                    "Juist: 4 weken (30 juni) plus 2 weken verdaging.",
                ),
                (
                    "Maandag 30 juni",
                    False,
                    "Dat is het einde van de eerste termijn, zonder verdaging.",
                ),
                (
                    "Maandag 28 juli",
                    False,
                    "Nee: verdagen kan met ten hoogste 2 weken, niet 4.",
                ),
            ],
            points=2,
        ),
        assignment(
            "oefening-woo-verdaging",
            "Oefening: verdaag een Woo-verzoek op tijd",
            "<p>In de oefenomgeving ligt een Woo-verzoek met veel documenten. De "
            "klok van de oefenomgeving loopt: verdaag het verzoek op tijd, met "
            "redenen, koppel de verdagingsbrief aan de zaak en leg de verlenging "
            "vast. Let op de uiterlijke einddatum.</p>",
            scenario_id="woo-verzoek-verdaging",
        ),
        reflection(
            "termijnen-eigen-werk",
            "Bij welke zaken in jouw werk komt de termijn het vaakst in gevaar? "
            "Wat kun jij eerder in het proces doen om dat te voorkomen?",
        ),
    ],
)

MODULE = Module(
    slug=SLUG,
    title="Termijnen: opschorten en verlengen",
    summary=(
        "Beslistermijnen bewaken: de uiterlijke einddatum, de klok stilzetten bij "
        "een verzoek om aanvulling (Awb 4:15) en op tijd verlengen of verdagen, "
        "zoals bij een Woo-verzoek (Woo 4.4)."
    ),
    learning_objectives=[
        "Je kent de beslistermijnen van de zaaktypen waarmee je werkt.",
        "Je weet wanneer een termijn is opgeschort en legt de opschorting vast "
        "met een reden.",
        "Je verlengt of verdaagt op tijd, schriftelijk en binnen de toegestane duur.",
        "Je kunt de uiterlijke einddatum van een zaak berekenen.",
    ],
    lessons=[LESSON_BESLISTERMIJN, LESSON_OPSCHORTEN, LESSON_VERLENGEN],
    target_functions=[
        "Vergunningverlener",
        "Jurist bezwaar en beroep",
        "Klachtcoördinator",
        "Consulent Wmo",
    ],
    estimated_duration=45,
    competences=["zgw-termijnen", "zgw-opschorten", "zgw-verlengen"],
    prerequisites=["een-zaak-registreren-en-afhandelen"],
    mandatory=True,
    pass_mark=75,
    max_attempts=2,
)
