"""Course pages and lesson blocks for tests.

Blocks are written in the raw StreamField JSON form Wagtail stores, with explicit
block and ListBlock item ids, so tests can refer to questions and options by id.
"""

import uuid
from itertools import count

from django.core.files.base import ContentFile
from faker import Faker
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.models import CourseCatalogPage, LessonPage, ModulePage

fake = Faker("nl_NL")
_serial = count(1)


def new_id() -> str:
    return str(uuid.uuid4())


def block(block_type: str, value: dict | str, block_id: str | None = None) -> dict:
    return {"type": block_type, "value": value, "id": block_id or new_id()}


def items(values: list[dict]) -> list[dict]:
    return [{"type": "item", "value": value, "id": new_id()} for value in values]


def item_ids(raw_block: dict, list_name: str) -> list[str]:
    return [item["id"] for item in raw_block["value"][list_name]]


# --- Content blocks ----------------------------------------------------------------


def text(html: str = "<p>Een zaak heeft een begin en een einde.</p>") -> dict:
    return block("rich_text", html)


def image_block(image: Image, alt: str = "Schema van een zaak") -> dict:
    return block("image", {"image": image.pk, "alt_text": alt, "caption": "Een zaak"})


def callout(kind: str = "tip", text_html: str = "<p>Leg elke zaak direct vast.</p>"):
    return block("callout", {"kind": kind, "title": "", "text": text_html})


def practice_example() -> dict:
    return block(
        "practice_example",
        {
            "title": "",
            "role": "Medewerker KCC",
            "text": "<p>Een inwoner belt over een kapvergunning.</p>",
        },
    )


def download(document: Document) -> dict:
    return block(
        "download",
        {"document": document.pk, "title": "Werkinstructie", "description": "PDF"},
    )


def video_file(video: Document, captions: Document) -> dict:
    return block(
        "video",
        {
            "title": "Een zaak registreren",
            "video_file": video.pk,
            "embed_url": None,
            "captions": captions.pk,
            "captions_language": "nl",
            "transcript": "<p>In deze video registreren we een zaak.</p>",
        },
    )


def video_embed(url: str) -> dict:
    return block(
        "video",
        {
            "title": "Zaakgericht werken in 2 minuten",
            "video_file": None,
            "embed_url": url,
            "captions": None,
            "captions_language": "nl",
            "transcript": "<p>Zaakgericht werken betekent ...</p>",
        },
    )


# --- Questions -------------------------------------------------------------------


def _question(kind: str, prompt: str, points: int, max_attempts, **value) -> dict:
    return block(
        kind,
        {
            "prompt": prompt,
            "points": points,
            "max_attempts": max_attempts,
            "explanation": "Elke zaak heeft precies één zaaktype.",
            **value,
        },
    )


def single_choice(
    prompt: str = "Wat bepaalt de behandeltermijn van een zaak?",
    options=(
        ("Het zaaktype", True, "Ja: het zaaktype legt de termijn vast."),
        ("De behandelaar", False, "Nee: de behandelaar kiest die niet zelf."),
        ("De inwoner", False, "Nee."),
    ),
    points: int = 1,
    max_attempts: int | None = None,
) -> dict:
    return _question(
        "single_choice",
        prompt,
        points,
        max_attempts,
        options=items(
            [{"text": t, "correct": c, "feedback": f} for t, c, f in options]
        ),
    )


def multiple_choice(
    prompt: str = "Welke gegevens horen bij elke zaak?",
    options=(
        ("Een zaaktype", True, "Goed."),
        ("Een status", True, "Goed."),
        ("De lievelingskleur van de behandelaar", False, "Dat hoort er niet bij."),
    ),
    points: int = 2,
    max_attempts: int | None = None,
) -> dict:
    return _question(
        "multiple_choice",
        prompt,
        points,
        max_attempts,
        options=items(
            [{"text": t, "correct": c, "feedback": f} for t, c, f in options]
        ),
    )


def true_false(
    prompt: str = "Een opschorting verlengt de uiterlijke einddatum.",
    correct: str = "true",
    points: int = 1,
    max_attempts: int | None = None,
) -> dict:
    return _question(
        "true_false",
        prompt,
        points,
        max_attempts,
        correct_answer=correct,
        feedback_true="Klopt: de termijn staat stil.",
        feedback_false="Toch wel: de klok staat stil tijdens de opschorting.",
    )


def ordering(
    prompt: str = "Zet de stappen van een zaak in de goede volgorde.",
    steps=("Zaak registreren", "Zaak behandelen", "Besluit nemen", "Zaak afsluiten"),
    points: int = 1,
    max_attempts: int | None = None,
) -> dict:
    return _question(
        "ordering",
        prompt,
        points,
        max_attempts,
        steps=items([{"text": s, "feedback": f"Denk na over: {s}"} for s in steps]),
    )


def matching(
    prompt: str = "Koppel de begrippen aan hun betekenis.",
    pairs=(
        ("Zaaktype", "Beschrijft een soort zaak"),
        ("Statustype", "Een stap in de behandeling"),
        ("Resultaattype", "De uitkomst van een zaak"),
    ),
    points: int = 3,
    max_attempts: int | None = None,
) -> dict:
    return _question(
        "matching",
        prompt,
        points,
        max_attempts,
        pairs=items(
            [{"term": t, "definition": d, "feedback": f"{t}: {d}."} for t, d in pairs]
        ),
    )


def reflection(prompt: str = "Wat ga jij morgen anders doen?") -> dict:
    return block(
        "reflection", {"prompt": prompt, "guidance": "Denk aan je eigen werk."}
    )


def practice_assignment(scenario_id: str = "kapvergunning-1", required: bool = True):
    return block(
        "practice_assignment",
        {
            "title": "Registreer een aanvraag",
            "instructions": "<p>Registreer de aanvraag voor een kapvergunning.</p>",
            "scenario_id": scenario_id,
            "required": required,
        },
    )


# --- Media -------------------------------------------------------------------------


def image() -> Image:
    return Image.objects.create(title="Schema", file=get_test_image_file())


def document(
    name: str = "werkinstructie.pdf", content: bytes = b"%PDF-1.4"
) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def cached_embed(url: str = "https://www.youtube.com/watch?v=zaakwijs") -> str:
    """An embed Wagtail will not fetch: the test machine has no network."""
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe title="Zaakgericht werken" src="about:blank"></iframe>',
        title="Zaakgericht werken",
    )
    return url


# --- Pages -------------------------------------------------------------------------


def catalogue_page(home) -> CourseCatalogPage:
    existing = CourseCatalogPage.objects.first()
    if existing:
        return existing
    return home.add_child(instance=CourseCatalogPage(title="Leren", slug="leren"))


def competence(code: str | None = None, name: str | None = None, **kwargs):
    from badges.models import Competence

    n = next(_serial)
    return Competence.objects.create(
        code=code or f"competentie-{n}", name=name or f"Competentie {n}", **kwargs
    )


def module_page(
    catalogue, *, prerequisites=(), functions=(), competences=(), **kwargs
) -> ModulePage:
    n = next(_serial)
    kwargs.setdefault("title", f"Module {n}: {fake.sentence(nb_words=3)}")
    kwargs.setdefault("slug", f"module-{n}")
    kwargs.setdefault("summary", fake.sentence(nb_words=12))
    module = catalogue.add_child(instance=ModulePage(**kwargs))
    if prerequisites or functions or competences:
        module.prerequisites.set(prerequisites)
        module.target_functions.set(functions)
        module.competences.set(competences)
        module.save()
    return module


def lesson_page(module, *body: dict, **kwargs) -> LessonPage:
    n = next(_serial)
    kwargs.setdefault("title", f"Les {n}")
    kwargs.setdefault("slug", f"les-{n}")
    lesson = module.add_child(instance=LessonPage(body=list(body), **kwargs))
    # Fresh from the database, as a request would see it.
    return LessonPage.objects.get(pk=lesson.pk)


def republish(lesson: LessonPage, body: list[dict]) -> LessonPage:
    """What an editor does: change the body and publish a new revision."""
    lesson.body = body
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


# --- Learning paths and assignments -------------------------------------------------


def learning_path(*modules, title: str | None = None, **kwargs):
    from courses.models import LearningPath, LearningPathModule

    path = LearningPath.objects.create(
        title=title or f"Leerpad {next(_serial)}", **kwargs
    )
    for order, module in enumerate(modules):
        LearningPathModule.objects.create(path=path, module=module, sort_order=order)
    return path


def assign(*, due_date, people=(), department=None, job_function=None, **kwargs):
    """An assignment made through the service, as HR makes it."""
    from courses.services import assignment_create

    if department is not None:
        target = "department"
    elif job_function is not None:
        target = "function"
    else:
        target = "persons"
    return assignment_create(
        actor=None,
        due_date=due_date,
        target_type=target,
        people=people,
        department=department,
        job_function=job_function,
        **kwargs,
    )
