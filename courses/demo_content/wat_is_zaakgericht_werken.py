"""Module 1: what zaakgericht werken is, for everyone."""

from courses.demo_content._blocks import (
    Lesson,
    Module,
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

SLUG = "wat-is-zaakgericht-werken"

LESSON_ZAAK = Lesson(
    slug="van-afdeling-naar-zaak",
    title="Van afdeling naar zaak",
    body=[
        text(
            "<h2>Wat is een zaak?</h2>"
            "<p>Een inwoner vraagt een vergunning aan, meldt een kapotte lantaarnpaal "
            "of dient een klacht in. Voor de inwoner is dat één vraag, met één "
            "antwoord dat hij wil krijgen. Zaakgericht werken betekent dat wij die "
            "vraag ook zo behandelen: als <b>één zaak</b>, van het eerste contact "
            "tot het eindresultaat, over de grenzen van afdelingen heen.</p>"
            "<p>GEMMA, de referentiearchitectuur van de gemeenten, omschrijft een "
            "zaak als <i>een samenhangende hoeveelheid werk met een welgedefinieerde "
            "aanleiding en een welgedefinieerd eindresultaat, waarvan kwaliteit en "
            "doorlooptijd bewaakt moeten worden</i>.</p>"
            "<h2>Waarom werken we zo?</h2>"
            "<ul>"
            "<li>De inwoner kan op elk moment horen hoe het met zijn zaak staat, "
            "bij wie hij ook belt.</li>"
            "<li>Je ziet wat er al gebeurd is: documenten, contacten en besluiten "
            "staan bij de zaak, niet in iemands mailbox.</li>"
            "<li>We bewaken termijnen, zodat we op tijd beslissen.</li>"
            "<li>We kunnen verantwoorden wat we gedaan hebben, en archiveren "
            "volgens de regels.</li>"
            "</ul>"
            "<p>Zaakgericht werken is daarom vooral een <b>manier van werken</b>. "
            "Het zaaksysteem ondersteunt die, maar vervangt hem niet.</p>"
        ),
        tip(
            "<p>Vraag je bij elk verzoek af: wat wil de inwoner uiteindelijk "
            "bereiken? Dat eindresultaat bepaalt welke zaak het is.</p>",
            title="Denk vanuit de inwoner",
        ),
        praktijk(
            "Medewerker Publiekszaken",
            "<p>Mevrouw Pronk belt voor de derde keer over haar aanvraag voor een "
            "gehandicaptenparkeerkaart. Vroeger moest ik haar doorverbinden en wist "
            "niemand precies waar het dossier lag. Nu open ik de zaak, zie ik dat "
            "het medisch advies binnen is en dat de beschikking deze week wordt "
            "verstuurd. Het gesprek duurt twee minuten en zij hangt tevreden op.</p>",
            title="Eén zaak, één antwoord",
        ),
        single_choice(
            "wat-is-een-zaak",
            "Welke omschrijving past het best bij een zaak?",
            [
                (
                    "Een project met meerdere doelen en een open einde",
                    False,
                    "Nee. Een zaak heeft juist één welomschreven eindresultaat.",
                ),
                (
                    "Werk met een duidelijke aanleiding en een duidelijk "
                    "eindresultaat, waarvan we kwaliteit en doorlooptijd bewaken",
                    True,
                    "Juist. Dit is de kern van de GEMMA-definitie.",
                ),
                (
                    "Alle post die op één dag bij een afdeling binnenkomt",
                    False,
                    "Nee. Een zaak volgt één vraag van begin tot eind, niet een "
                    "stapel post van een dag.",
                ),
                (
                    "Een map met documenten op de netwerkschijf",
                    False,
                    "Nee. Documenten horen wel bij een zaak, in het zaakdossier, "
                    "maar de zaak is het werk zelf.",
                ),
            ],
            explanation=(
                "Een zaak is een samenhangende hoeveelheid werk met een "
                "welgedefinieerde aanleiding en eindresultaat, waarvan kwaliteit en "
                "doorlooptijd bewaakt moeten worden."
            ),
        ),
        true_false(
            "systeem-of-werkwijze",
            "Zaakgericht werken is vooral het invoeren van een nieuw zaaksysteem.",
            correct=False,
            feedback_true=(
                "Niet helemaal. Het systeem ondersteunt, maar het gaat om een andere "
                "manier van werken: samen, vanuit de vraag van de inwoner."
            ),
            feedback_false=(
                "Klopt. Het is vooral een verandering in hoe we samenwerken; het "
                "systeem is het hulpmiddel."
            ),
        ),
    ],
)

LESSON_CATALOGUS = Lesson(
    slug="zaaktype-status-en-resultaat",
    title="Zaaktype, status en resultaat",
    body=[
        text(
            "<h2>Het zaaktype: de afspraken vooraf</h2>"
            "<p>Elke zaak hoort bij precies één <b>zaaktype</b>, zoals "
            "<i>Omgevingsvergunning behandelen</i>, <i>Woo-verzoek behandelen</i> of "
            "<i>Melding openbare ruimte afhandelen</i>. Het zaaktype staat in de "
            "zaaktypecatalogus en legt vooraf vast hoe zo'n zaak verloopt:</p>"
            "<ul>"
            "<li>de <b>statustypen</b>: de stappen van de behandeling, in een vaste "
            "volgorde;</li>"
            "<li>de <b>resultaattypen</b>: de mogelijke uitkomsten, met wat er "
            "daarna met het dossier gebeurt;</li>"
            "<li>de <b>roltypen</b>: wie er betrokken zijn, zoals initiator en "
            "behandelaar;</li>"
            "<li>de <b>informatieobjecttypen</b>: welke soorten documenten erbij "
            "horen;</li>"
            "<li>de <b>doorlooptijd</b>, en of opschorten en verlengen mogen.</li>"
            "</ul>"
            "<h2>Status en resultaat</h2>"
            "<p>De <b>status</b> vertelt waar een zaak nu staat, bijvoorbeeld "
            "<i>In behandeling</i>. Het <b>resultaat</b> vertelt hoe de zaak is "
            "afgelopen, bijvoorbeeld <i>Verleend</i> of <i>Geweigerd</i>. Een zaak "
            "sluit je af door eerst het resultaat vast te leggen en daarna de "
            "eindstatus te zetten.</p>"
        ),
        tip(
            "<p>Een verkeerd zaaktype is lastig te herstellen: statussen, rollen en "
            "documenten horen allemaal bij dat zaaktype. Twijfel je? Vraag het de "
            "ICT-expert op je verdieping voordat je registreert.</p>",
            title="Kies het zaaktype met zorg",
            kind="warning",
        ),
        praktijk(
            "Vergunningverlener",
            "<p>Bij een aanvraag voor een omgevingsvergunning zie ik in het "
            "zaaktype meteen welke stappen volgen: ontvangen, ontvankelijkheid "
            "beoordeeld, in behandeling, advies ingewonnen, besluit genomen, "
            "afgehandeld. Ik hoef niet te onthouden wat er moet gebeuren; ik zie "
            "het.</p>",
        ),
        matching(
            "begrippen-catalogus",
            "Koppel elk begrip aan de juiste omschrijving.",
            [
                (
                    "Zaaktype",
                    "Beschrijft een soort zaak en hoe die verloopt",
                    "Het zaaktype is het 'recept' voor alle zaken van die soort.",
                ),
                (
                    "Statustype",
                    "Een stap in de behandeling, met een vaste volgorde",
                    "Statustypen hebben een volgnummer: zo ligt de volgorde vast.",
                ),
                (
                    "Resultaattype",
                    "Een mogelijke uitkomst van de zaak",
                    "Het resultaattype bepaalt ook hoe lang het dossier bewaard wordt.",
                ),
                (
                    "Roltype",
                    "De manier waarop iemand bij de zaak betrokken is",
                    "Denk aan initiator, behandelaar, adviseur of beslisser.",
                ),
            ],
        ),
        ordering(
            "zaak-afsluiten",
            "Zet de stappen van een vergunningzaak in de goede volgorde.",
            [
                (
                    "Aanvraag ontvangen en zaak geregistreerd",
                    "Een zaak begint altijd met de registratie van de aanvraag.",
                ),
                (
                    "Aanvraag in behandeling genomen",
                    "Behandelen komt na het registreren en voor het besluit.",
                ),
                (
                    "Besluit genomen",
                    "Het besluit volgt op de behandeling en gaat vooraf aan het "
                    "afsluiten.",
                ),
                (
                    "Resultaat vastgelegd",
                    "Het resultaat leg je vast voordat je de eindstatus zet.",
                ),
                (
                    "Eindstatus gezet",
                    "De eindstatus is de laatste stap: daarmee is de zaak gesloten.",
                ),
            ],
            explanation=(
                "Een zaak kan pas gesloten worden als er een resultaat is. De "
                "eindstatus is het statustype met het hoogste volgnummer."
            ),
        ),
    ],
)

LESSON_ROLLEN = Lesson(
    slug="rollen-en-het-zaakdossier",
    title="Rollen en het zaakdossier",
    body=[
        text(
            "<h2>Wie is betrokken?</h2>"
            "<p>Bij elke zaak leg je vast wie er een <b>rol</b> in heeft. De "
            "belangrijkste:</p>"
            "<ul>"
            "<li><b>Initiator</b>: wie de zaak in gang zet, zoals de aanvrager, de "
            "melder of de klager.</li>"
            "<li><b>Behandelaar</b>: wie de zaak inhoudelijk behandelt.</li>"
            "<li><b>Beslisser</b>: wie het besluit neemt, vaak in mandaat.</li>"
            "<li><b>Adviseur</b>: bijvoorbeeld de welstandscommissie of de "
            "brandweer.</li>"
            "<li><b>Belanghebbende</b>: bijvoorbeeld buren bij een "
            "bouwvergunning.</li>"
            "<li><b>Klantcontacter</b>: wie het contact met de inwoner had.</li>"
            "</ul>"
            "<h2>Het zaakdossier</h2>"
            "<p>Alles wat bij de zaak hoort, staat bij de zaak: documenten, "
            "contactmomenten, rollen, objecten (zoals een adres) en besluiten. Dat "
            "is het <b>zaakdossier</b>. Werk je buiten het zaakdossier, bijvoorbeeld "
            "in je mailbox, dan kan een collega je werk niet overnemen en weet de "
            "inwoner niet waar hij aan toe is.</p>"
        ),
        tip(
            "<p>Sla een e-mail van een inwoner direct op bij de zaak. Zo kan "
            "iedereen die de inwoner te woord staat, zien wat er gevraagd is.</p>",
        ),
        praktijk(
            "Klachtcoördinator",
            "<p>Toen een collega plotseling ziek werd, kon ik haar klachtzaken "
            "dezelfde dag overnemen. Alle gespreksverslagen en brieven stonden bij "
            "de zaken. Vroeger had ik eerst haar mailbox moeten laten openen.</p>",
        ),
        multiple_choice(
            "zaakdossier-inhoud",
            "Wat hoort in het zaakdossier? Kies alles wat van toepassing is.",
            [
                (
                    "Het verslag van een telefoongesprek met de inwoner",
                    True,
                    "Ja, ook contactmomenten horen bij de zaak.",
                ),
                (
                    "Wie de aanvrager is en wie de zaak behandelt",
                    True,
                    "Ja, dat zijn de rollen van de zaak.",
                ),
                (
                    "Je persoonlijke aantekeningen over je werkdruk",
                    False,
                    "Nee, dat gaat niet over de zaak en hoort er niet in.",
                ),
                (
                    "De aanvraag en de brieven die we versturen",
                    True,
                    "Ja, alle documenten van de zaak horen erin.",
                ),
            ],
            points=3,
        ),
        single_choice(
            "rol-buren",
            "De buren van iemand die een dakkapel wil bouwen, dienen een zienswijze "
            "in. Welke rol hebben zij in de vergunningzaak?",
            [
                (
                    "Initiator",
                    False,
                    "Nee, de initiator is de aanvrager die de zaak in gang zette.",
                ),
                (
                    "Behandelaar",
                    False,
                    "Nee, de behandelaar is de medewerker die de zaak behandelt.",
                ),
                (
                    "Belanghebbende",
                    True,
                    "Juist: zij hebben een belang bij het besluit.",
                ),
            ],
        ),
        reflection(
            "eigen-werk",
            "Welke vragen van inwoners krijg jij het vaakst? Hoe zou je die als "
            "zaak beschrijven: wat is de aanleiding en wat is het eindresultaat?",
            guidance="Kies één voorbeeld uit je eigen werk van de afgelopen week.",
        ),
    ],
)

MODULE = Module(
    slug=SLUG,
    title="Wat is zaakgericht werken?",
    summary=(
        "De basis: wat een zaak is, waarom we zaakgericht werken en hoe zaaktype, "
        "status, resultaat, rollen en het zaakdossier samenhangen."
    ),
    learning_objectives=[
        "Je kunt in eigen woorden uitleggen wat een zaak is.",
        "Je kent het verschil tussen zaaktype, status en resultaat.",
        "Je weet welke rollen bij een zaak horen en wat in het zaakdossier staat.",
    ],
    lessons=[LESSON_ZAAK, LESSON_CATALOGUS, LESSON_ROLLEN],
    target_functions=[],
    estimated_duration=30,
    competences=["zgw-zaaktype", "zgw-status"],
    mandatory=True,
    pass_mark=70,
    max_attempts=3,
)
