"""Knowledge-check questions as plain data, read from a lesson body's raw JSON.

Reading the raw StreamField data (rather than the blocks' Python values) needs no
database query, so a module's questions can be totalled on every page for a fixed
cost. A question's identity is its StreamField block id; an option's, step's or
pair's is its ListBlock item id. Both survive edits in the Wagtail admin.

Responses have one canonical JSON form per kind (stored with each answer):

============== =====================================================
single_choice  ``{"choice": "<option key>"}``
true_false     ``{"choice": "true" | "false"}``
multiple_choice ``{"choices": ["<option key>", ...]}`` (sorted)
ordering       ``{"order": ["<step key>", ...]}`` (first to last)
matching       ``{"matches": {"<term's pair key>": "<definition's pair key>"}}``
============== =====================================================
"""

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from courses.blocks import (
    ASSIGNMENT_BLOCK_TYPE,
    QUESTION_BLOCK_TYPES,
    REFLECTION_BLOCK_TYPE,
)

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
ORDERING = "ordering"
MATCHING = "matching"

_FRACTION = Decimal("0.0001")


class AnswerInvalid(ValueError):
    """The response cannot be marked; ``message`` tells the learner why."""

    def __init__(self, message: str | Promise):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Option:
    key: str
    text: str | Promise
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Step:
    key: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Pair:
    key: str
    term: str
    definition: str
    feedback: str


@dataclass(frozen=True)
class FeedbackLine:
    text: str | Promise
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Marking:
    fraction: Decimal  # 0..1 of the question's points
    correct: bool  # fully correct
    lines: tuple[FeedbackLine, ...]


def _fraction(numerator: int, denominator: int) -> Decimal:
    if denominator <= 0:
        return Decimal(0)
    value = Decimal(max(numerator, 0)) / Decimal(denominator)
    return value.quantize(_FRACTION, rounding=ROUND_HALF_UP)


def _getlist(data: Mapping[str, Any], name: str) -> list[str]:
    if hasattr(data, "getlist"):
        return [str(v) for v in data.getlist(name)]
    value = data.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _first(data: Mapping[str, Any], name: str) -> str:
    values = _getlist(data, name)
    return values[0].strip() if values else ""


def _stable_shuffle(items: Sequence, seed: str, key=lambda item: item.key) -> list:
    """The same order for the same learner and question on every page view, so a
    half-made ordering does not jump around between attempts."""
    return sorted(
        items,
        key=lambda item: hashlib.sha256(f"{seed}:{key(item)}".encode()).hexdigest(),
    )


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    points: int
    max_attempts: int | None
    explanation: str
    options: tuple[Option, ...] = ()
    steps: tuple[Step, ...] = ()
    pairs: tuple[Pair, ...] = ()

    @property
    def is_choice(self) -> bool:
        return self.kind in (SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE)

    @property
    def is_multiple(self) -> bool:
        return self.kind == MULTIPLE_CHOICE

    @property
    def fingerprint(self) -> str:
        """Identifies the question's answer key.

        It changes when what counts as correct changes (options added, removed or
        marked differently; steps reordered; pairs added or removed), not when
        wording, feedback, points or attempts change. Answers given under another
        fingerprint no longer count (docs/courses.md).
        """
        if self.is_choice:
            key: Any = [[o.key, o.correct] for o in self.options]
        elif self.kind == ORDERING:
            key = [s.key for s in self.steps]
        else:
            key = sorted(p.key for p in self.pairs)
        payload = json.dumps([self.kind, key], separators=(",", ":"))
        return hashlib.sha256(payload.encode()).hexdigest()[:32]

    # --- reading a response ------------------------------------------------

    def response_from_form(self, data: Mapping[str, Any]) -> dict:
        """The canonical response from POSTed form fields (see the template)."""
        if self.kind in (SINGLE_CHOICE, TRUE_FALSE):
            return {"choice": _first(data, "answer")}
        if self.kind == MULTIPLE_CHOICE:
            return {"choices": _getlist(data, "answer")}
        if self.kind == ORDERING:
            positions = {}
            for step in self.steps:
                raw = _first(data, f"position-{step.key}")
                if not raw:
                    raise AnswerInvalid(_("Choose a position for every step."))
                try:
                    positions[step.key] = int(raw)
                except ValueError:
                    raise AnswerInvalid(
                        _("Choose a position for every step.")
                    ) from None
            if sorted(positions.values()) != list(range(1, len(self.steps) + 1)):
                raise AnswerInvalid(_("Give every step a different position."))
            return {"order": sorted(positions, key=positions.__getitem__)}
        matches = {}
        for pair in self.pairs:
            chosen = _first(data, f"match-{pair.key}")
            if not chosen:
                raise AnswerInvalid(_("Choose a definition for every term."))
            matches[pair.key] = chosen
        return {"matches": matches}

    def validate(self, response: Mapping[str, Any]) -> dict:
        """The response in canonical form, or :class:`AnswerInvalid`."""
        if not isinstance(response, Mapping):
            raise AnswerInvalid(_("Choose an answer."))
        if self.kind in (SINGLE_CHOICE, TRUE_FALSE):
            choice = response.get("choice")
            if not choice:
                raise AnswerInvalid(_("Choose an answer."))
            if choice not in {o.key for o in self.options}:
                raise AnswerInvalid(_("That answer is not one of the options."))
            return {"choice": choice}
        if self.kind == MULTIPLE_CHOICE:
            choices = response.get("choices")
            if not isinstance(choices, list | tuple) or not choices:
                raise AnswerInvalid(_("Choose at least one answer."))
            keys = {o.key for o in self.options}
            if not set(choices) <= keys:
                raise AnswerInvalid(_("That answer is not one of the options."))
            return {"choices": sorted(set(choices))}
        if self.kind == ORDERING:
            order = response.get("order")
            if not isinstance(order, list | tuple) or sorted(order) != sorted(
                s.key for s in self.steps
            ):
                raise AnswerInvalid(_("Give every step a different position."))
            return {"order": list(order)}
        matches = response.get("matches")
        keys = {p.key for p in self.pairs}
        if not isinstance(matches, Mapping) or set(matches) != keys:
            raise AnswerInvalid(_("Choose a definition for every term."))
        if not set(matches.values()) <= keys:
            raise AnswerInvalid(_("That definition is not one of the options."))
        return {"matches": {k: matches[k] for k in sorted(matches)}}

    # --- marking ---------------------------------------------------------------

    def mark(self, response: Mapping[str, Any]) -> Marking:
        """Score a canonical response. Responses stored under an older answer key
        are marked leniently: unknown keys simply do not score."""
        if self.is_choice:
            chosen = (
                {response.get("choice")}
                if self.kind != MULTIPLE_CHOICE
                else set(response.get("choices") or ())
            )
            picked = [o for o in self.options if o.key in chosen]
            lines = tuple(FeedbackLine(o.text, o.correct, o.feedback) for o in picked)
            correct_keys = {o.key for o in self.options if o.correct}
            if self.kind == MULTIPLE_CHOICE:
                # Partial credit: each right pick counts, each wrong pick cancels one.
                hits = len(chosen & correct_keys)
                misses = len(chosen - correct_keys)
                fraction = _fraction(hits - misses, len(correct_keys))
            else:
                fraction = Decimal(1) if chosen == correct_keys else Decimal(0)
            return Marking(fraction, chosen == correct_keys, lines)
        if self.kind == ORDERING:
            order = list(response.get("order") or ())
            texts = {s.key: s for s in self.steps}
            right = [s.key for s in self.steps]
            lines = []
            hits = 0
            for index, key in enumerate(order):
                step = texts.get(key)
                if step is None:
                    continue
                in_place = index < len(right) and right[index] == key
                hits += in_place
                lines.append(
                    FeedbackLine(step.text, in_place, "" if in_place else step.feedback)
                )
            correct = hits == len(right)
            return Marking(_fraction(hits, len(right)), correct, tuple(lines))
        matches = dict(response.get("matches") or {})
        definitions = {p.key: p.definition for p in self.pairs}
        lines = []
        hits = 0
        for pair in self.pairs:
            chosen = matches.get(pair.key)
            right = chosen == pair.key
            hits += right
            text = f"{pair.term} → {definitions.get(chosen, '—')}"
            lines.append(FeedbackLine(text, right, "" if right else pair.feedback))
        return Marking(
            _fraction(hits, len(self.pairs)), hits == len(self.pairs), tuple(lines)
        )

    def xapi_response(self, response: Mapping[str, Any]) -> str:
        """The response in xAPI's cmi.interaction response format (a string)."""
        if self.kind in (SINGLE_CHOICE, TRUE_FALSE):
            return str(response.get("choice", ""))
        if self.kind == MULTIPLE_CHOICE:
            return "[,]".join(response.get("choices") or ())
        if self.kind == ORDERING:
            return "[,]".join(response.get("order") or ())
        matches = response.get("matches") or {}
        return "[,]".join(f"{term}[.]{matches[term]}" for term in sorted(matches))

    def solution(self) -> list[str]:
        """The correct answer, in words, for when the question is closed."""
        if self.is_choice:
            return [str(o.text) for o in self.options if o.correct]
        if self.kind == ORDERING:
            return [s.text for s in self.steps]
        return [f"{p.term}: {p.definition}" for p in self.pairs]

    # --- presentation ------------------------------------------------------------

    def presented_steps(self, seed: str) -> list[Step]:
        steps = _stable_shuffle(self.steps, f"{seed}:{self.id}")
        if len(steps) > 1 and [s.key for s in steps] == [s.key for s in self.steps]:
            steps = steps[1:] + steps[:1]  # never hand out the answer
        return steps

    def presented_definitions(self, seed: str) -> list[Pair]:
        return _stable_shuffle(self.pairs, f"{seed}:{self.id}:definitions")


def response_from_xapi(kind: str, text: str) -> dict:
    """The canonical response back from its cmi.interaction form
    (:meth:`Question.xapi_response`), for rebuilding answers from statements."""
    parts = text.split("[,]") if text else []
    if kind in (SINGLE_CHOICE, TRUE_FALSE):
        return {"choice": text}
    if kind == MULTIPLE_CHOICE:
        return {"choices": parts}
    if kind == ORDERING:
        return {"order": parts}
    matches = dict(part.split("[.]", 1) for part in parts)
    return {"matches": {k: matches[k] for k in sorted(matches)}}


@dataclass(frozen=True)
class ReflectionPrompt:
    id: str
    prompt: str
    guidance: str


@dataclass(frozen=True)
class PracticeAssignment:
    id: str
    title: str
    scenario_id: str
    required: bool


@dataclass(frozen=True)
class LessonItems:
    """The interactive blocks of one lesson body, in body order."""

    questions: tuple[Question, ...] = ()
    reflections: tuple[ReflectionPrompt, ...] = ()
    assignments: tuple[PracticeAssignment, ...] = ()

    def question(self, question_id: object) -> Question | None:
        wanted = str(question_id)
        return next((q for q in self.questions if q.id == wanted), None)

    def reflection(self, block_id: object) -> ReflectionPrompt | None:
        wanted = str(block_id)
        return next((r for r in self.reflections if r.id == wanted), None)


def _items(raw_list: Iterable) -> list[tuple[str, dict]]:
    """ListBlock items as (key, value). Items saved before ListBlock had ids
    (or written by hand) fall back to their position."""
    result = []
    for index, item in enumerate(raw_list or ()):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            result.append((str(item.get("id") or f"item-{index}"), item["value"]))
        else:
            result.append((f"item-{index}", item))
    return result


def _text(value: Mapping, name: str) -> str:
    return str(value.get(name) or "").strip()


def question_from_raw(raw: Mapping[str, Any]) -> Question | None:
    kind = raw.get("type")
    if kind not in QUESTION_BLOCK_TYPES or not raw.get("id"):
        return None
    value = raw.get("value") or {}
    points = value.get("points")
    common = {
        "id": str(raw["id"]),
        "kind": kind,
        "prompt": _text(value, "prompt"),
        "points": 1 if points is None else max(int(points), 0),
        "max_attempts": int(value["max_attempts"])
        if value.get("max_attempts")
        else None,
        "explanation": _text(value, "explanation"),
    }
    if kind in (SINGLE_CHOICE, MULTIPLE_CHOICE):
        options = tuple(
            Option(key, _text(v, "text"), bool(v.get("correct")), _text(v, "feedback"))
            for key, v in _items(value.get("options"))
        )
        return Question(**common, options=options)
    if kind == TRUE_FALSE:
        right = value.get("correct_answer") or "true"
        options = (
            Option("true", _("True"), right == "true", _text(value, "feedback_true")),
            Option(
                "false", _("False"), right == "false", _text(value, "feedback_false")
            ),
        )
        return Question(**common, options=options)
    if kind == ORDERING:
        steps = tuple(
            Step(key, _text(v, "text"), _text(v, "feedback"))
            for key, v in _items(value.get("steps"))
        )
        return Question(**common, steps=steps)
    pairs = tuple(
        Pair(key, _text(v, "term"), _text(v, "definition"), _text(v, "feedback"))
        for key, v in _items(value.get("pairs"))
    )
    return Question(**common, pairs=pairs)


def lesson_items(raw_body: Iterable[Mapping[str, Any]]) -> LessonItems:
    """The questions, reflections and assignments of a lesson body's raw data
    (``lesson.body.raw_data``)."""
    questions, reflections, assignments = [], [], []
    for raw in raw_body:
        kind = raw.get("type")
        block_id = raw.get("id")
        if not block_id:
            continue
        if kind in QUESTION_BLOCK_TYPES:
            question = question_from_raw(raw)
            if question is not None:
                questions.append(question)
        elif kind == REFLECTION_BLOCK_TYPE:
            value = raw.get("value") or {}
            reflections.append(
                ReflectionPrompt(
                    str(block_id), _text(value, "prompt"), _text(value, "guidance")
                )
            )
        elif kind == ASSIGNMENT_BLOCK_TYPE:
            value = raw.get("value") or {}
            assignments.append(
                PracticeAssignment(
                    str(block_id),
                    _text(value, "title"),
                    _text(value, "scenario_id"),
                    value.get("required", True) is not False,
                )
            )
    return LessonItems(tuple(questions), tuple(reflections), tuple(assignments))
