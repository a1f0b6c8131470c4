"""Module 5: changing bottom-up, the five steps of the seed (seed-summary.md)."""

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

SLUG = "bottom-up-veranderen"

LESSON_VISIE = Lesson(
    slug="waarom-bottom-up",
    title="Waarom bottom-up? Visie en betrokkenheid",
    body=[
        text(
            "<h2>Een cultuurverandering, geen systeemwissel</h2>"
            "<p>Inwoners en bedrijven moeten hun zaken digitaal met de gemeente "
            "kunnen regelen. Zaakgericht werken is daarvoor de basis. Toch gaat het "
            "bij veel gemeenten mis: de aandacht gaat naar het systeem, en de "
            "medewerkers die er elke dag mee werken, worden vergeten. "
            "Zaakgericht werken is in de eerste plaats een verandering in de "
            "manier waarop we samenwerken. Die verandering lukt alleen met "
            "<b>draagvlak</b> in elke laag van de organisatie. Daarom werken we "
            "<b>bottom-up</b>, in vijf stappen:</p>"
            "<ol>"
            "<li><b>Visie</b></li>"
            "<li><b>Betrokkenheid</b></li>"
            "<li><b>Plan en communicatie</b></li>"
            "<li><b>Middelen</b></li>"
            "<li><b>Competenties</b></li>"
            "</ol>"
            "<h2>Stap 1: Visie</h2>"
            "<p>Zonder visie mislukt elk plan. Vaak schrijft het management die "
            "visie, zonder de mensen die het werk doen. Bottom-up gaat het anders: "
            "medewerkers uit alle lagen, die buiten de bestaande kaders durven te "
            "denken, stellen de visie op. Zij presenteren hem aan het management, "
            "en het management draagt hem uit in de hele organisatie.</p>"
            "<h2>Stap 2: Betrokkenheid</h2>"
            "<p>Ook bij de invoering zelf zijn medewerkers uit alle lagen nodig. Zij "
            "werken dagelijks met de processen. Door samen te sparren over hoe een "
            "proces moet lopen, groeit het draagvlak, en de betrokkenheid volgt "
            "vanzelf. Doe dus mee als je team een werksessie over een proces "
            "houdt, en probeer een nieuwe procesgang eerst uit in de "
            "oefenomgeving.</p>"
        ),
        tip(
            "<p>Jij kent het werk het best. Zie je dat een stap in een proces "
            "onhandig is, doe dan een voorstel. Daar is bottom-up werken voor.</p>",
            title="Jouw ervaring telt",
        ),
        praktijk(
            "Medewerker Publiekszaken",
            "<p>In de werkgroep voor het zaaktype <i>Melding openbare ruimte</i> "
            "zaten collega's van het KCC, de buitendienst en een teamleider. Wij "
            "van het KCC wisten welke vragen melders stellen. Daarom krijgt de "
            "melder nu bij elke status automatisch bericht. Het aantal "
            "terugbellers is flink gedaald.</p>",
            title="Samen de procesgang bepalen",
        ),
        single_choice(
            "wie-visie",
            "Wie stelt bij een bottom-up aanpak de visie op zaakgericht werken op?",
            [
                (
                    "Medewerkers uit alle lagen van de organisatie, die buiten de "
                    "kaders durven te denken",
                    True,
                    "Juist. Het management draagt de visie daarna uit.",
                ),
                (
                    "Het managementteam, dat de visie daarna aan medewerkers uitlegt",
                    False,
                    "Dat is juist de top-down aanpak waar draagvlak vaak ontbreekt.",
                ),
                (
                    "De leverancier van het zaaksysteem",
                    False,
                    "Nee. Zaakgericht werken draait om de organisatie, niet om het "
                    "systeem.",
                ),
            ],
        ),
        true_false(
            "draagvlak",
            "Volgens de bottom-up aanpak valt of staat zaakgericht werken met "
            "draagvlak in de hele organisatie.",
            correct=True,
            feedback_true=(
                "Klopt. Zaakgericht werken is een cultuurverandering; zonder "
                "draagvlak blijft het bij een systeem."
            ),
            feedback_false=(
                "Toch wel. Het systeem is het hulpmiddel; draagvlak bepaalt of de "
                "nieuwe werkwijze echt landt."
            ),
        ),
    ],
)

LESSON_PLAN = Lesson(
    slug="plan-communicatie-en-middelen",
    title="Plan, communicatie en middelen",
    body=[
        text(
            "<h2>Stap 3: Plan en communicatie</h2>"
            "<p>Zaakgericht werken standaardiseert processen. Leg daarom vast "
            "welke processen wanneer overgaan. Een helder plan geeft "
            "duidelijkheid en houdt iedereen betrokken. Communiceer vaak en "
            "eerlijk: vier successen, markeer mijlpalen en deel ook wat tegenviel. "
            "Je wilt dat iedereen aan boord blijft.</p>"
            "<h2>Stap 4: Middelen</h2>"
            "<p>Het doel is betere dienstverlening aan inwoners, door efficiënter "
            "te werken en informatie beter toegankelijk te maken. Dat lukt alleen "
            "als medewerkers enthousiast meedoen. Daarvoor zijn nodig:</p>"
            "<ul>"
            "<li>voldoende geld;</li>"
            "<li>een open dialoog;</li>"
            "<li>apparatuur die goed werkt;</li>"
            "<li>cursussen, zoals de modules hier in Zaakwijs.</li>"
            "</ul>"
        ),
        tip(
            "<p>Weet je niet wanneer jouw proces overgaat op zaakgericht werken? "
            "Vraag het je teamleider. Is het nog nergens te vinden, zeg dat dan: "
            "het is een teken dat de communicatie beter kan.</p>",
            kind="note",
            title="Goed om te weten",
        ),
        praktijk(
            "Teamleider",
            "<p>Toen de Woo-zaken live gingen, hebben we dat gevierd met gebak op "
            "de afdeling. Een maand later bleek dat de verdagingsbrief niet goed "
            "uit het systeem kwam. Dat hebben we in het teamoverleg eerlijk "
            "verteld, met de oplossing erbij. Juist dat gaf vertrouwen: mensen "
            "zagen dat problemen serieus genomen worden.</p>",
            title="Successen vieren, tegenvallers delen",
        ),
        multiple_choice(
            "middelen",
            "Wat is volgens stap 4 nodig om medewerkers enthousiast te laten "
            "meedoen? Kies alles wat van toepassing is.",
            [
                (
                    "Een strenge controle op wie het systeem nog niet gebruikt",
                    False,
                    "Nee: controle maakt niemand enthousiast. Ondersteuning wel.",
                ),
                ("Voldoende geld", True, "Ja, zonder middelen lukt het niet."),
                (
                    "Een open dialoog",
                    True,
                    "Ja: medewerkers moeten vragen en zorgen kunnen uitspreken.",
                ),
                (
                    "Goed werkende apparatuur en cursussen",
                    True,
                    "Ja, dat zijn essentiële schakels.",
                ),
            ],
            points=3,
        ),
        reflection(
            "communicatie-team",
            "Welk succes van jouw team met zaakgericht werken zou je willen vieren? "
            "En welke tegenvaller zou je willen delen?",
        ),
    ],
)

LESSON_COMPETENTIES = Lesson(
    slug="competenties-en-de-ict-expert",
    title="Competenties en de ICT-expert op elke verdieping",
    body=[
        text(
            "<h2>Stap 5: Competenties</h2>"
            "<p>ICT is de ondersteunende basis van zaakgericht werken. Dat vraagt "
            "kennis en vaardigheden van iedereen. Goede ondersteuning zorgt ervoor "
            "dat je met vertrouwen aan de slag gaat en zo snel mogelijk zelfstandig "
            "werkt.</p>"
            "<p>Daarom is er op <b>elke verdieping een ICT-expert</b>. Hij of zij "
            "helpt je met vragen en problemen, op de werkplek zelf. En je krijgt "
            "de tijd om de nieuwe werkwijze en het systeem onder de knie te "
            "krijgen.</p>"
            "<h2>Zo helpt Zaakwijs</h2>"
            "<ul>"
            "<li>In de <b>oefenomgeving</b> oefen je met fictieve zaken, zonder "
            "risico.</li>"
            "<li>De <b>ICT-expert</b> van je verdieping ziet je voortgang en "
            "reflecties en kan je gericht helpen.</li>"
            "<li>Met <b>badges</b> laat je zien welke competenties je beheerst.</li>"
            "</ul>"
        ),
        tip(
            "<p>Loop je vast in het zaaksysteem? Stel je vraag aan de ICT-expert "
            "op je verdieping. Er bestaan geen domme vragen: vandaag jij, morgen "
            "je collega.</p>",
        ),
        praktijk(
            "ICT-expert, verdieping 1",
            "<p>In de eerste weken na de overgang liep ik elke ochtend een rondje "
            "over de verdieping. Vaak ging het om kleine dingen: waar vind ik het "
            "zaaktype, hoe koppel ik een e-mail. Na een maand kwamen er vooral nog "
            "vragen over uitzonderingen. Toen wist ik: mijn collega's kunnen het "
            "zelf.</p>",
        ),
        ordering(
            "vijf-stappen",
            "Zet de vijf stappen van bottom-up zaakgericht werken in de goede "
            "volgorde.",
            [
                ("Visie", "Alles begint met een gedeelde visie."),
                (
                    "Betrokkenheid",
                    "Na de visie betrek je medewerkers bij de invoering.",
                ),
                (
                    "Plan en communicatie",
                    "Met betrokken medewerkers maak je een plan en communiceer je "
                    "erover.",
                ),
                (
                    "Middelen",
                    "Middelen zoals geld, apparatuur en cursussen maken het plan "
                    "mogelijk.",
                ),
                (
                    "Competenties",
                    "Competenties en ondersteuning op de werkplek sluiten de reeks af.",
                ),
            ],
        ),
        matching(
            "stap-maatregel",
            "Koppel elke stap aan een maatregel die erbij past.",
            [
                (
                    "Visie",
                    "Medewerkers uit alle lagen schrijven samen de koers",
                    "De visie komt uit de hele organisatie, niet alleen van boven.",
                ),
                (
                    "Betrokkenheid",
                    "Samen sparren over de gewenste procesgang",
                    "Meedenken over processen geeft betrokkenheid.",
                ),
                (
                    "Plan en communicatie",
                    "Mijlpalen markeren en successen vieren",
                    "Een plan en regelmatige communicatie houden iedereen aan boord.",
                ),
                (
                    "Middelen",
                    "Goed werkende apparatuur en cursussen",
                    "Middelen zijn geld, dialoog, apparatuur en cursussen.",
                ),
                (
                    "Competenties",
                    "Een ICT-expert op elke verdieping",
                    "De ICT-expert helpt collega's zelfstandig te werken.",
                ),
            ],
            points=5,
        ),
    ],
)

MODULE = Module(
    slug=SLUG,
    title="Bottom-up veranderen: samen naar zaakgericht werken",
    summary=(
        "Waarom zaakgericht werken een cultuurverandering is, en hoe we die samen "
        "maken in vijf stappen: visie, betrokkenheid, plan en communicatie, "
        "middelen en competenties."
    ),
    learning_objectives=[
        "Je legt uit waarom zaakgericht werken draagvlak in de hele organisatie "
        "nodig heeft.",
        "Je kent de vijf stappen van de bottom-up aanpak.",
        "Je weet hoe jij kunt bijdragen en waar je hulp vindt.",
    ],
    lessons=[LESSON_VISIE, LESSON_PLAN, LESSON_COMPETENTIES],
    target_functions=[],
    estimated_duration=25,
    competences=["zgw-samen-veranderen"],
    prerequisites=[],
    mandatory=False,
    pass_mark=60,
    max_attempts=0,
)
