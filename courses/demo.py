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
  version back on the next run.
"""

import copy
import uuid

from django.db import transaction
from wagtail.models import Page, PageLogEntry

from courses.demo_content import MODULES
from courses.demo_content._blocks import Module
from courses.models import CourseCatalogPage, LessonPage, ModulePage
from lms.home.models import HomePage
from lms.organisation.models import JobFunction

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
    return catalogue


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
            "competences_placeholder": "\n".join(spec.competences),
            "mandatory": spec.mandatory,
            "pass_mark": spec.pass_mark,
            "max_attempts": spec.max_attempts,
        },
        relations={
            "target_functions": functions,
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
