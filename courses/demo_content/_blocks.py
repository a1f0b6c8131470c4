"""Building blocks for the demo modules, written as the raw StreamField JSON that
Wagtail stores.

Block and item ids here are *keys*, not UUIDs: :mod:`courses.demo` turns them into
deterministic UUIDs per module and lesson, so that a re-run of the loader gives
every question, option, step and pair the same id and learners' answers stay tied
to them (docs/courses.md, "Editing does not break progress").

- Interactive blocks (questions, reflections, assignments) take an explicit key,
  unique within their lesson. Never change a published key: it is the question.
- Options, steps and pairs are keyed by their text (the term, for pairs). Changing
  that text gives a new item id and so a new answer key: learners are asked again,
  which is the safe side for a demo whose answer key might have been wrong.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    body: list[dict]


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str
    learning_objectives: list[str]
    lessons: list[Lesson]
    # Names of lms.organisation.demo.FUNCTIONS; empty is "for everyone".
    target_functions: list[str] = field(default_factory=list)
    estimated_duration: int = 30
    # Codes of badges.Competence (the demo framework, badges.demo).
    competences: list[str] = field(default_factory=list)
    # Slugs of modules that come earlier in demo_content.MODULES.
    prerequisites: list[str] = field(default_factory=list)
    mandatory: bool = False
    pass_mark: int = 70
    max_attempts: int = 3


def _block(block_type: str, value, key: str | None = None) -> dict:
    return {"type": block_type, "value": value, "id": key}


def _items(values: list[dict], key_field: str) -> list[dict]:
    return [{"type": "item", "value": v, "id": v[key_field]} for v in values]


# --- content ---------------------------------------------------------------------


def text(html: str) -> dict:
    """Rich text in Wagtail's database format; headings start at <h2>."""
    return _block("rich_text", html)


def tip(html: str, *, title: str = "", kind: str = "tip") -> dict:
    return _block("callout", {"kind": kind, "title": title, "text": html})


def praktijk(role: str, html: str, *, title: str = "") -> dict:
    """An "In de praktijk" example: how it goes on the work floor."""
    return _block("practice_example", {"title": title, "role": role, "text": html})


# --- knowledge checks ------------------------------------------------------------


def _question(kind: str, key: str, prompt: str, points: int, explanation: str, **v):
    value = {
        "prompt": prompt,
        "points": points,
        "max_attempts": None,
        "explanation": explanation,
        **v,
    }
    return _block(kind, value, key)


def single_choice(
    key: str,
    prompt: str,
    options: list[tuple[str, bool, str]],
    *,
    explanation: str = "",
    points: int = 1,
) -> dict:
    """``options``: (text, correct, feedback); exactly one is correct."""
    values = [{"text": t, "correct": c, "feedback": f} for t, c, f in options]
    return _question(
        "single_choice",
        key,
        prompt,
        points,
        explanation,
        options=_items(values, "text"),
    )


def multiple_choice(
    key: str,
    prompt: str,
    options: list[tuple[str, bool, str]],
    *,
    explanation: str = "",
    points: int = 2,
) -> dict:
    values = [{"text": t, "correct": c, "feedback": f} for t, c, f in options]
    return _question(
        "multiple_choice",
        key,
        prompt,
        points,
        explanation,
        options=_items(values, "text"),
    )


def true_false(
    key: str,
    prompt: str,
    *,
    correct: bool,
    feedback_true: str,
    feedback_false: str,
    explanation: str = "",
    points: int = 1,
) -> dict:
    return _question(
        "true_false",
        key,
        prompt,
        points,
        explanation,
        correct_answer="true" if correct else "false",
        feedback_true=feedback_true,
        feedback_false=feedback_false,
    )


def ordering(
    key: str,
    prompt: str,
    steps: list[tuple[str, str]],
    *,
    explanation: str = "",
    points: int = 2,
) -> dict:
    """``steps`` in the correct order: (text, feedback when put in a wrong place)."""
    values = [{"text": t, "feedback": f} for t, f in steps]
    return _question(
        "ordering", key, prompt, points, explanation, steps=_items(values, "text")
    )


def matching(
    key: str,
    prompt: str,
    pairs: list[tuple[str, str, str]],
    *,
    explanation: str = "",
    points: int = 3,
) -> dict:
    """``pairs``: (term, definition, feedback when matched wrongly)."""
    values = [{"term": t, "definition": d, "feedback": f} for t, d, f in pairs]
    return _question(
        "matching", key, prompt, points, explanation, pairs=_items(values, "term")
    )


# --- reflection and practice -----------------------------------------------------


def reflection(key: str, prompt: str, *, guidance: str = "") -> dict:
    return _block("reflection", {"prompt": prompt, "guidance": guidance}, key)


def assignment(
    key: str, title: str, instructions: str, *, scenario_id: str, required: bool = True
) -> dict:
    """A practice assignment in the sandbox (identifier of its scenario)."""
    return _block(
        "practice_assignment",
        {
            "title": title,
            "instructions": instructions,
            "scenario_id": scenario_id,
            "required": required,
        },
        key,
    )
