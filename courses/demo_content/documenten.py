"""Module 4: documents in the zaakdossier, vertrouwelijkheid and archiving."""

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

SLUG = "documenten-vertrouwelijkheid-en-archiveren"

LESSON_DOCUMENTEN = Lesson(
    slug="documenten-in-het-zaakdossier",
    title="Documenten in het zaakdossier",
    body=[
        text(
            "<h2>Elk document heeft een type</h2>"
            "<p>Voeg je een document toe aan een zaak, dan kies je het "
            "<b>informatieobjecttype</b>: wat voor soort document het is. Het "
            "zaaktype bepaalt welke typen erbij horen, bijvoorbeeld "
            "<i>aanvraagformulier</i>, <i>ontvangstbevestiging</i>, <i>verzoek om "
            "aanvulling</i>, <i>advies</i> en <i>beschikking</i>. Het type bepaalt "
            "ook de standaard vertrouwelijkheid van het document.</p>"
            "<h2>De levensloop van een document</h2>"
            "<p>Een document heeft een <b>status</b>: <i>in bewerking</i>, <i>ter "
            "vaststelling</i>, <i>definitief</i> en ten slotte <i>gearchiveerd</i>. "
            "Een definitief document pas je niet meer aan. Wil je een document "
            "bewerken, dan zet het zaaksysteem het op slot, zodat niemand anders "
            "tegelijk wijzigt. Elke wijziging wordt een nieuwe versie.</p>"
            "<h2>Gebruiksrechten</h2>"
            "<p>Leg bij elk document vast of er gebruiksrechten gelden, "
            "bijvoorbeeld bij een foto of rapport van een ander. Een zaak met een "
            "document waarvan dit niet is ingevuld, kan niet worden afgesloten.</p>"
        ),
        tip(
            "<p>Geef een document een titel die zegt wat het is, zoals "
            "'Verzoek om aanvulling constructieberekening 13-01'. 'Scan0042.pdf' "
            "helpt niemand die het dossier later leest.</p>",
            title="Een goede titel scheelt zoeken",
        ),
        praktijk(
            "Vergunningverlener",
            "<p>Het advies van de brandweer kwam binnen als bijlage bij een "
            "e-mail. Ik sloeg het op bij de zaak als type <i>advies</i>, met "
            "status <i>definitief</i> en de ontvangstdatum erbij. Zo weet de "
            "jurist bij een eventueel bezwaar precies waarop het besluit "
            "gebaseerd is.</p>",
        ),
        ordering(
            "documentstatus",
            "Zet de statussen van een document in de volgorde waarin ze doorlopen "
            "worden.",
            [
                ("In bewerking", "Een document begint altijd in bewerking."),
                (
                    "Ter vaststelling",
                    "Na het schrijven wordt het document vastgesteld.",
                ),
                (
                    "Definitief",
                    "Na de vaststelling is het document definitief.",
                ),
                (
                    "Gearchiveerd",
                    "Archiveren is de laatste stap, na het afsluiten van de zaak.",
                ),
            ],
        ),
        true_false(
            "definitief-wijzigen",
            "Een document met de status definitief kun je gewoon aanpassen als je "
            "een tikfout ziet.",
            correct=False,
            feedback_true=(
                "Nee. Een definitief document ligt vast: het kan zijn verstuurd of "
                "de basis zijn van een besluit."
            ),
            feedback_false=(
                "Klopt. Een definitief document ligt vast. Een correctie maak je "
                "als nieuw document."
            ),
        ),
    ],
)

LESSON_VERTROUWELIJKHEID = Lesson(
    slug="vertrouwelijkheid-de-juiste-aanduiding",
    title="Vertrouwelijkheid: de juiste aanduiding",
    body=[
        text(
            "<h2>Acht niveaus</h2>"
            "<p>Elke zaak en elk document heeft een "
            "<b>vertrouwelijkheidaanduiding</b>. Die bepaalt wie het mag zien. Van "
            "open naar gesloten:</p>"
            "<ol>"
            "<li><b>Openbaar</b>: voor iedereen, zoals een gepubliceerd "
            "besluit.</li>"
            "<li><b>Beperkt openbaar</b>: voor een beperkte groep, ook buiten de "
            "gemeente, zoals de partijen in een procedure.</li>"
            "<li><b>Intern</b>: voor medewerkers van de gemeente.</li>"
            "<li><b>Zaakvertrouwelijk</b>: voor wie bij de zaak betrokken is.</li>"
            "<li><b>Vertrouwelijk</b>: voor een kleine, benoemde groep, zoals bij "
            "medische of andere bijzondere persoonsgegevens.</li>"
            "<li><b>Confidentieel</b>, <b>geheim</b> en <b>zeer geheim</b>: voor "
            "uitzonderlijke gevallen. Bij een gemeente kom je ze zelden tegen.</li>"
            "</ol>"
            "<p>Het zaaktype en het informatieobjecttype geven een standaardwaarde. "
            "Geef je bij een zaak zelf geen aanduiding, dan krijgt de zaak die van "
            "het zaaktype. Maak een aanduiding strenger als er meer gevoelige "
            "gegevens in staan dan gewoonlijk.</p>"
        ),
        tip(
            "<p>Zet nooit een BSN, gezondheidsgegevens of andere bijzondere "
            "persoonsgegevens in de omschrijving of toelichting van een zaak. Die "
            "velden zien meer mensen dan het document zelf.</p>",
            kind="warning",
            title="Privacy gaat voor",
        ),
        praktijk(
            "Consulent Wmo",
            "<p>Bij een Wmo-aanvraag komt vaak een medisch advies binnen. Dat sla "
            "ik op als <i>vertrouwelijk</i>, zodat alleen de consulenten en de "
            "medisch adviseur het kunnen openen. Collega's van het KCC zien wel dat "
            "er een advies is en kunnen de inwoner vertellen hoe het staat, maar "
            "lezen het advies niet.</p>",
        ),
        matching(
            "aanduiding-situatie",
            "Koppel elk document aan de aanduiding die het best past.",
            [
                (
                    "Een gepubliceerd besluit op een Woo-verzoek",
                    "Openbaar",
                    "Een besluit op een Woo-verzoek wordt openbaar gemaakt.",
                ),
                (
                    "Een interne werkinstructie voor het KCC",
                    "Intern",
                    "Een werkinstructie is voor medewerkers, niet voor inwoners.",
                ),
                (
                    "Een ontvangstbevestiging van een bouwaanvraag",
                    "Zaakvertrouwelijk",
                    "Alleen wie bij de zaak betrokken is, hoeft dit te zien.",
                ),
                (
                    "Een medisch advies bij een Wmo-aanvraag",
                    "Vertrouwelijk",
                    "Gezondheidsgegevens zijn bijzondere persoonsgegevens: houd de "
                    "groep zo klein mogelijk.",
                ),
            ],
            points=4,
        ),
        single_choice(
            "zonder-aanduiding",
            "Je registreert een zaak en vult geen vertrouwelijkheidaanduiding in. "
            "Wat gebeurt er?",
            [
                (
                    "De zaak wordt openbaar",
                    False,
                    "Nee, het systeem valt terug op de standaardwaarde van het "
                    "zaaktype.",
                ),
                (
                    "De zaak wordt zeer geheim",
                    False,
                    "Nee, het systeem valt terug op de standaardwaarde van het "
                    "zaaktype.",
                ),
                (
                    "De zaak krijgt de aanduiding van het zaaktype",
                    True,
                    "Juist. Controleer wel of die past bij deze zaak.",
                ),
            ],
        ),
        assignment(
            "oefening-wmo-privacy",
            "Oefening: registreer een Wmo-melding zorgvuldig",
            "<p>In de oefenomgeving belt een inwoner die na een operatie hulp "
            "thuis nodig heeft. Haar melding bevat gezondheidsgegevens. Registreer "
            "de zaak, kies voor de zaak en de medische stukken de juiste "
            "vertrouwelijkheid en zet geen BSN of medische details in vrije "
            "tekstvelden.</p>",
            scenario_id="wmo-aanvraag-privacy",
        ),
    ],
)

LESSON_ARCHIVEREN = Lesson(
    slug="archiveren-met-de-selectielijst",
    title="Archiveren met de Selectielijst",
    body=[
        text(
            "<h2>Bewaren of vernietigen?</h2>"
            "<p>Een gemeente mag archiefstukken niet zomaar weggooien, maar ook niet "
            "alles eeuwig bewaren. De <b>Selectielijst gemeenten en "
            "intergemeentelijke organen</b> (versie 2020) bepaalt per soort "
            "resultaat hoe lang een dossier bewaard blijft.</p>"
            "<p>Elk <b>resultaattype</b> van een zaaktype is gekoppeld aan een "
            "selectielijstklasse. Daaruit volgen:</p>"
            "<ul>"
            "<li>de <b>archiefnominatie</b>: <i>blijvend bewaren</i> of "
            "<i>vernietigen</i>;</li>"
            "<li>de <b>archiefactietermijn</b>: na hoeveel tijd de actie "
            "volgt.</li>"
            "</ul>"
            "<p>Sluit je een zaak af met een resultaat, dan berekent het "
            "zaaksysteem de <b>archiefactiedatum</b>: meestal de datum van afsluiten "
            "plus de archiefactietermijn. Een paar voorbeelden uit de "
            "Selectielijst:</p>"
            "<ul>"
            "<li>Omgevingsvergunning voor bouwen verleend: blijvend bewaren.</li>"
            "<li>Omgevingsvergunning geweigerd: vernietigen na 5 jaar.</li>"
            "<li>Woo-verzoek ingewilligd: vernietigen na 5 jaar; afgewezen: na 1 "
            "jaar.</li>"
            "<li>Wmo-voorziening verstrekt: vernietigen na 15 jaar.</li>"
            "</ul>"
            "<p>Daarom is het juiste resultaat zo belangrijk: een verkeerd resultaat "
            "kan betekenen dat een dossier te vroeg vernietigd wordt, of onnodig "
            "lang bewaard.</p>"
        ),
        tip(
            "<p>Verwijder nooit zelf een zaak of document om op te ruimen. "
            "Vernietigen gebeurt alleen via de vastgestelde procedure, op basis van "
            "de archiefactiedatum. Twijfel je, vraag het de informatiebeheerder.</p>",
            kind="warning",
        ),
        praktijk(
            "Informatiemanager",
            "<p>Eén keer per jaar maken we een lijst van zaken waarvan de "
            "archiefactiedatum verstreken is en die vernietigd mogen worden. "
            "Klopt het resultaat niet, dan zien we dat op die lijst. Zo vonden we "
            "een verleende bouwvergunning die als 'geweigerd' was afgesloten: die "
            "hadden we bijna vernietigd, terwijl hij blijvend bewaard moet "
            "worden.</p>",
        ),
        multiple_choice(
            "voor-afsluiten",
            "Wat moet in orde zijn voordat je een zaak afsluit? Kies alles wat van "
            "toepassing is.",
            [
                (
                    "Alle documenten zijn definitief en staan bij de zaak",
                    True,
                    "Ja: het dossier moet compleet zijn voor het wordt gearchiveerd.",
                ),
                (
                    "Je hebt de archiefactiedatum zelf uitgerekend en ingevuld",
                    False,
                    "Nee: die berekent het zaaksysteem uit het resultaattype.",
                ),
                (
                    "Het resultaat is vastgelegd",
                    True,
                    "Ja: zonder resultaat kan de zaak niet worden afgesloten.",
                ),
                (
                    "Bij elk document is ingevuld of er gebruiksrechten gelden",
                    True,
                    "Ja: anders weigert het zaaksysteem het afsluiten.",
                ),
            ],
            points=3,
        ),
        true_false(
            "bouwvergunning-vernietigen",
            "Het dossier van een verleende omgevingsvergunning voor bouwen mag na "
            "vijf jaar worden vernietigd.",
            correct=False,
            feedback_true=(
                "Nee. Volgens de Selectielijst wordt een verleende "
                "omgevingsvergunning voor bouwen blijvend bewaard."
            ),
            feedback_false=(
                "Klopt. Dit resultaat heeft de archiefnominatie blijvend bewaren."
            ),
        ),
        reflection(
            "archief-eigen-werk",
            "Welke resultaten kies jij het vaakst bij het afsluiten? Weet je wat "
            "die betekenen voor hoe lang het dossier bewaard blijft?",
            guidance="Zoek het op in het zaaktype als je het niet zeker weet.",
        ),
    ],
)

MODULE = Module(
    slug=SLUG,
    title="Documenten, vertrouwelijkheid en archiveren",
    summary=(
        "Documenten goed opslaan in het zaakdossier, de juiste "
        "vertrouwelijkheidaanduiding kiezen en begrijpen hoe de Selectielijst "
        "bepaalt wat we bewaren en wat we vernietigen."
    ),
    learning_objectives=[
        "Je slaat documenten op met het juiste informatieobjecttype en de juiste "
        "status.",
        "Je kiest de vertrouwelijkheidaanduiding die past bij de inhoud.",
        "Je legt uit hoe het resultaat via de Selectielijst de archiefnominatie en "
        "archiefactiedatum bepaalt.",
    ],
    lessons=[LESSON_DOCUMENTEN, LESSON_VERTROUWELIJKHEID, LESSON_ARCHIVEREN],
    target_functions=[
        "Medewerker Publiekszaken",
        "Vergunningverlener",
        "Consulent Wmo",
        "Jurist bezwaar en beroep",
        "Klachtcoördinator",
        "Informatiemanager",
    ],
    estimated_duration=40,
    competences=["zgw-documenten", "zgw-privacy", "zgw-archief"],
    prerequisites=["wat-is-zaakgericht-werken"],
    mandatory=False,
    pass_mark=70,
    max_attempts=3,
)
