"""The Dutch demo modules, loaded by ``manage.py load_demo_data``.

The content itself is in :mod:`courses.demo_content`. Loading is idempotent and
safe to run on every start (``make run`` does):

- pages are matched on their slug under their parent; what is missing is created,
  nothing is duplicated;
- block, option, step and pair ids are deterministic (UUID5 of module, lesson and
  key), so learners' answers stay tied to the same questions across runs;
- a page the loader wrote itself is refreshed when the demo content in code has
  changed (a new published revision, only then);
- a page an editor has touched in the admin (edited, published, unpublished,
  moved: anything logged with a user) is theirs and left alone, so demonstrating
  an edit survives a restart. Delete the page in the admin to get the demo
  version back on the next run;
- the learning paths "KCC-medewerker" and "Vergunningverlener" and the example
  assignments are created once and then left to editors and HR;
- the demo learner (medewerker@zaakwijs.test) gets some progress once, through
  the services, so "Mijn leren" has something to show.
"""

import copy
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from badges.models import Competence
from courses.demo_content import MODULES
from courses.demo_content._blocks import Module
from courses.models import (
    Assignment,
    CourseCatalogPage,
    Enrolment,
    LearningPath,
    LearningPathModule,
    LessonPage,
    ModulePage,
)
from courses.questions import lesson_items
from courses.services import (
    assignment_create,
    lesson_visit_record,
    question_answer_submit,
)
from lms.home.models import HomePage
from lms.organisation.models import Department, JobFunction

CATALOGUE_SLUG = "leren"
CATALOGUE_TITLE = "Leren"
CATALOGUE_INTRO = (
    "<p>Hier vind je de modules over <b>zaakgericht werken</b>. Begin met "
    "<i>Wat is zaakgericht werken?</i> en kies daarna wat bij je werk past. "
    "Verplichte modules voor jouw functie zijn gemarkeerd.</p>"
)

# Fixed forever: every demo block id derives from it.
DEMO_NAMESPACE = uuid.UUID("6f3c2a8e-4b1d-5e7a-9c0f-2d5b8e1a7c34")


class DemoContentConflict(RuntimeError):
    """A page of another type already uses a demo page's slug."""


def demo_block_id(module_slug: str, lesson_slug: str, key: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{module_slug}/{lesson_slug}/{key}"))


def lesson_body(module_slug: str, lesson_slug: str, body: list[dict]) -> list[dict]:
    """The demo body with its keys turned into stable UUIDs."""
    raw, counts, keys = [], {}, set()
    for spec in body:
        block = copy.deepcopy(spec)
        key = block["id"]
        if key is None:
            # Content blocks carry no learner data: their n-th occurrence will do.
            counts[block["type"]] = counts.get(block["type"], 0) + 1
            key = f"{block['type']}-{counts[block['type']]}"
        if key in keys:
            raise ValueError(f"{module_slug}/{lesson_slug}: key {key!r} is used twice.")
        keys.add(key)
        block["id"] = demo_block_id(module_slug, lesson_slug, key)
        if isinstance(block["value"], dict):
            for value in block["value"].values():
                if isinstance(value, list):
                    for item in value:
                        item["id"] = str(
                            uuid.uuid5(DEMO_NAMESPACE, f"{block['id']}/{item['id']}")
                        )
        raw.append(block)
    return raw


@transaction.atomic
def courses_demo_load() -> CourseCatalogPage:
    """Create (or bring up to date) the catalogue "Leren" under the home page and
    the demo modules with their lessons. Run ``home_demo_load`` first."""
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("Load the home page first (lms.home.demo.home_demo_load).")
    # There is one catalogue (max_count): an existing one is the demo's, whatever
    # an editor renamed it to.
    catalogue = CourseCatalogPage.objects.first() or _page_upsert(
        parent=home,
        model=CourseCatalogPage,
        slug=CATALOGUE_SLUG,
        fields={"title": CATALOGUE_TITLE, "intro": CATALOGUE_INTRO},
    )
    modules: dict[str, ModulePage] = {}
    for spec in MODULES:
        modules[spec.slug] = _module_load(catalogue, spec, modules)
    paths = {spec.title: _path_load(spec, modules) for spec in PATHS}
    _assignments_load(paths, modules)
    _learner_progress_load(modules)
    return catalogue


# --- Learning paths, assignments and a demo learner's progress ---------------------


@dataclass(frozen=True)
class PathSpec:
    title: str
    description: str
    modules: list[str]  # slugs, in order
    functions: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)


PATHS = [
    PathSpec(
        title="KCC-medewerker",
        description=(
            "Voor wie aan de balie, de telefoon of in de chat inwoners helpt: van "
            "de basis van zaakgericht werken via het registreren van een zaak naar "
            "zorgvuldig omgaan met documenten en persoonsgegevens."
        ),
        modules=[
            "wat-is-zaakgericht-werken",
            "een-zaak-registreren-en-afhandelen",
            "documenten-vertrouwelijkheid-en-archiveren",
        ],
        functions=["Medewerker Publiekszaken"],
        departments=["Publiekszaken"],
    ),
    PathSpec(
        title="Vergunningverlener",
        description=(
            "Voor vergunningverleners: zaken registreren en afhandelen, wettelijke "
            "termijnen bewaken, opschorten bij een onvolledige aanvraag en op tijd "
            "verdagen, en het dossier op orde voor het archief."
        ),
        modules=[
            "wat-is-zaakgericht-werken",
            "een-zaak-registreren-en-afhandelen",
            "termijnen-opschorten-en-verlengen",
            "documenten-vertrouwelijkheid-en-archiveren",
        ],
        functions=["Vergunningverlener"],
        departments=["Vergunningen, Toezicht en Handhaving"],
    ),
]

DEMO_LEARNER = "medewerker@zaakwijs.test"


def _path_load(spec: PathSpec, modules: dict[str, ModulePage]) -> LearningPath:
    """Created once; an editor's later changes to the path are theirs."""
    path = LearningPath.objects.filter(title=spec.title).first()
    if path is not None:
        return path
    path = LearningPath(title=spec.title, description=spec.description)
    path.save()
    path.target_functions.set(JobFunction.objects.filter(name__in=spec.functions))
    path.target_departments.set(Department.objects.filter(name__in=spec.departments))
    path.save()
    for order, slug in enumerate(spec.modules):
        LearningPathModule.objects.create(
            path=path, module=modules[slug], sort_order=order
        )
    return path


def _assignments_load(
    paths: dict[str, LearningPath], modules: dict[str, ModulePage]
) -> None:
    """Example assignments, as HR would make them: the path per function, a
    department-wide recommendation, and the demo learner's own (one overdue).

    Each is made once (due dates counted from the day of the first load) and then
    left alone: moving due dates on every start would send fresh reminders."""
    today = timezone.localdate()
    learner = get_user_model().objects.filter(email=DEMO_LEARNER).first()
    examples = [
        # (content, target, due in days, mandatory)
        (paths["KCC-medewerker"], ("function", "Medewerker Publiekszaken"), 28, True),
        (paths["Vergunningverlener"], ("function", "Vergunningverlener"), 5, True),
        (
            modules["bottom-up-veranderen"],
            ("department", "Vergunningen, Toezicht en Handhaving"),
            42,
            False,
        ),
        # The demo learner also helps out at the counter: the KCC path, overdue.
        (paths["KCC-medewerker"], ("persons", learner), -10, True),
    ]
    for content, (target_type, target), days, mandatory in examples:
        if target is None:
            continue
        what = (
            {"path": content}
            if isinstance(content, LearningPath)
            else {"module": content}
        )
        existing = Assignment.objects.filter(
            assigned_by=None, target_type=target_type, **what
        )
        if target_type == "function":
            target = JobFunction.objects.filter(name=target).first()
            existing = existing.filter(job_function=target)
        elif target_type == "department":
            target = Department.objects.filter(name=target).first()
            existing = existing.filter(department=target)
        else:
            existing = existing.filter(people=target)
        if target is None or existing.exists():
            continue
        assignment_create(
            actor=None,
            due_date=today + timedelta(days=days),
            target_type=target_type,
            people=[target] if target_type == "persons" else (),
            department=target if target_type == "department" else None,
            job_function=target if target_type == "function" else None,
            mandatory=mandatory,
            **what,
        )


def _right_response(question) -> dict:
    if question.kind == "ordering":
        return {"order": [step.key for step in question.steps]}
    if question.kind == "matching":
        return {"matches": {pair.key: pair.key for pair in question.pairs}}
    right = [option.key for option in question.options if option.correct]
    if question.kind == "multiple_choice":
        return {"choices": right}
    return {"choice": right[0]}


def _learner_progress_load(modules: dict[str, ModulePage]) -> None:
    """The demo learner has completed the first module and started the second,
    so "Mijn leren" shows work in progress. Recorded through the services (with
    their xAPI statements), once: a learner who already started is left alone."""
    learner = get_user_model().objects.filter(email=DEMO_LEARNER).first()
    basics = modules["wat-is-zaakgericht-werken"]
    registering = modules["een-zaak-registreren-en-afhandelen"]
    if (
        learner is None
        or Enrolment.objects.filter(
            user=learner, module__in=[basics, registering]
        ).exists()
    ):
        return
    for lesson in LessonPage.objects.live().child_of(basics).order_by("path"):
        lesson_visit_record(user=learner, lesson=lesson)
        for question in lesson_items(lesson.body.raw_data).questions:
            question_answer_submit(
                user=learner,
                lesson=lesson,
                question_id=question.id,
                response=_right_response(question),
            )
    first = LessonPage.objects.live().child_of(registering).order_by("path").first()
    if first is not None:
        lesson_visit_record(user=learner, lesson=first)


def _module_load(
    catalogue: CourseCatalogPage, spec: Module, earlier: dict[str, ModulePage]
) -> ModulePage:
    functions = [
        JobFunction.objects.get_or_create(name=name)[0]
        for name in spec.target_functions
    ]
    module = _page_upsert(
        parent=catalogue,
        model=ModulePage,
        slug=spec.slug,
        fields={
            "title": spec.title,
            "summary": spec.summary,
            "learning_objectives": "\n".join(spec.learning_objectives),
            "estimated_duration": spec.estimated_duration,
            "mandatory": spec.mandatory,
            "pass_mark": spec.pass_mark,
            "max_attempts": spec.max_attempts,
        },
        relations={
            "target_functions": functions,
            # The framework is loaded first (load_demo_data); a code it lacks is
            # left out rather than invented here.
            "competences": list(Competence.objects.filter(code__in=spec.competences)),
            "prerequisites": [earlier[slug] for slug in spec.prerequisites],
        },
    )
    for lesson in spec.lessons:
        _page_upsert(
            parent=module,
            model=LessonPage,
            slug=lesson.slug,
            fields={
                "title": lesson.title,
                "body": lesson_body(spec.slug, lesson.slug, lesson.body),
            },
        )
    return module


def _page_upsert(
    *,
    parent: Page,
    model: type[Page],
    slug: str,
    fields: dict,
    relations: dict[str, list] | None = None,
) -> Page:
    relations = relations or {}
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, live=False, **fields)
        parent.add_child(instance=page)
    else:
        page = existing.specific
        if not isinstance(page, model):
            raise DemoContentConflict(
                f"{parent.url_path}{slug}/ is a {type(page).__name__}, not a "
                f"{model.__name__}: move it to load the demo content."
            )
        if _edited_by_a_person(page) or _is_current(page, fields, relations):
            return page
        for name, value in fields.items():
            setattr(page, name, value)
    for name, objects in relations.items():
        getattr(page, name).set(objects)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def _edited_by_a_person(page: Page) -> bool:
    # A revision saved by someone (a draft, too), or anything else an editor did in
    # the admin (publish, unpublish, move: logged with the person). The loader's
    # own revisions and log entries have no user.
    return (
        page.revisions.exclude(user=None).exists()
        or PageLogEntry.objects.filter(page_id=page.pk, user__isnull=False).exists()
    )


def _is_current(page: Page, fields: dict, relations: dict) -> bool:
    if not page.live or page.has_unpublished_changes:
        return False
    for name, value in fields.items():
        current = getattr(page, name)
        if name == "body":
            current = list(current.raw_data)
        if current != value:
            return False
    return all(
        set(getattr(page, name).values_list("pk", flat=True))
        == {obj.pk for obj in objects}
        for name, objects in relations.items()
    )
