"""The verbs, activity types and identifiers the platform itself uses in xAPI statements.

Every verb and activity type comes from an established vocabulary so that any LRS or
analytics tool recognises it: ADL's verbs and activity types (the xAPI 1.0 vocabulary,
also used by cmi5), ADL's TLA vocabulary for competences, the xAPI Video profile and
the xAPI Open Badges recipe. ``docs/xapi-vocabulary.md`` lists who emits what, and when.

Identifiers must never change once statements have been recorded: the actor is an
account on ``LMS_BASE_URL`` named by the user's pseudonymous id (never an e-mail
address), and activity ids are IRIs under ``LMS_BASE_URL`` built from ids that survive
renames and moves (a page id or a UUID, never a slug).
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise

# Language tags used in display and name maps (RFC 5646).
DUTCH = "nl-NL"
ENGLISH = "en-US"


@dataclass(frozen=True)
class Verb:
    id: str
    nl: str
    en: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "display": {DUTCH: self.nl, ENGLISH: self.en}}


@dataclass(frozen=True)
class ActivityType:
    id: str
    nl: str
    en: str


# --- Verbs ------------------------------------------------------------------
_ADL = "http://adlnet.gov/expapi/verbs/"

LAUNCHED = Verb(f"{_ADL}launched", "startte", "launched")
INITIALIZED = Verb(f"{_ADL}initialized", "begon aan", "initialized")
EXPERIENCED = Verb(f"{_ADL}experienced", "bekeek", "experienced")
ANSWERED = Verb(f"{_ADL}answered", "beantwoordde", "answered")
COMPLETED = Verb(f"{_ADL}completed", "rondde af", "completed")
PASSED = Verb(f"{_ADL}passed", "slaagde voor", "passed")
FAILED = Verb(f"{_ADL}failed", "zakte voor", "failed")
TERMINATED = Verb(f"{_ADL}terminated", "beëindigde", "terminated")
ATTEMPTED = Verb(f"{_ADL}attempted", "probeerde", "attempted")
INTERACTED = Verb(f"{_ADL}interacted", "voerde uit", "interacted")
VOIDED = Verb(f"{_ADL}voided", "maakte ongeldig", "voided")
# xAPI Open Badges recipe (openbadges.org with the xAPI Open Badges working group):
# the actor earned the badge that is the object. The ADL-hosted profile for it
# (xapi-authored-profiles/open-badges) uses the same specification.openbadges.org
# namespace; there is no w3id.org IRI for this verb.
EARNED = Verb(
    "http://specification.openbadges.org/xapi/verbs/earned", "behaalde", "earned"
)
# ADL TLA vocabulary, as used by ADL's Learner Competency profile
# (https://w3id.org/xapi/learnercompetency): the actor achieved a competency,
# asserted by an authority over it (here: a coach's sign-off).
ACHIEVED = Verb("https://w3id.org/xapi/tla/verbs/achieved", "verwierf", "achieved")
# xAPI Video profile (https://w3id.org/xapi/video), for video in lessons.
PLAYED = Verb("https://w3id.org/xapi/video/verbs/played", "speelde af", "played")
PAUSED = Verb("https://w3id.org/xapi/video/verbs/paused", "pauzeerde", "paused")

VERBS: tuple[Verb, ...] = (
    LAUNCHED,
    INITIALIZED,
    EXPERIENCED,
    ANSWERED,
    COMPLETED,
    PASSED,
    FAILED,
    TERMINATED,
    ATTEMPTED,
    INTERACTED,
    VOIDED,
    EARNED,
    ACHIEVED,
    PLAYED,
    PAUSED,
)

# --- Activity types -----------------------------------------------------------
_ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"

# ADL's hierarchy: a course holds modules, a module holds lessons.
LEARNING_PATH_TYPE = ActivityType(
    f"{_ADL_ACTIVITIES}course", "leerpad", "learning path"
)
MODULE_TYPE = ActivityType(f"{_ADL_ACTIVITIES}module", "module", "module")
LESSON_TYPE = ActivityType(f"{_ADL_ACTIVITIES}lesson", "les", "lesson")
ASSESSMENT_TYPE = ActivityType(
    f"{_ADL_ACTIVITIES}assessment", "kennischeck", "knowledge check"
)
# A question with an interactionType and (optionally) correct responses.
QUESTION_TYPE = ActivityType(f"{_ADL_ACTIVITIES}cmi.interaction", "vraag", "question")
SCENARIO_TYPE = ActivityType(
    f"{_ADL_ACTIVITIES}simulation", "oefenscenario", "practice scenario"
)
# One kind of action on a practice zaak (e.g. "set status"), part of a scenario.
SANDBOX_ACTION_TYPE = ActivityType(
    f"{_ADL_ACTIVITIES}interaction", "handeling in de oefenomgeving", "sandbox action"
)
# One check of the scenario's check library (a learning objective the attempt meets).
SANDBOX_CHECK_TYPE = ActivityType(f"{_ADL_ACTIVITIES}objective", "controle", "check")
# The Open Badges recipe types the badge (class) as an Activity Streams badge.
BADGE_TYPE = ActivityType("http://activitystrea.ms/schema/1.0/badge", "badge", "badge")
COMPETENCE_TYPE = ActivityType(
    "https://w3id.org/xapi/tla/activity-types/competency", "competentie", "competence"
)
VIDEO_TYPE = ActivityType(
    "https://w3id.org/xapi/video/activity-type/video", "video", "video"
)

ACTIVITY_TYPES: tuple[ActivityType, ...] = (
    LEARNING_PATH_TYPE,
    MODULE_TYPE,
    LESSON_TYPE,
    ASSESSMENT_TYPE,
    QUESTION_TYPE,
    SCENARIO_TYPE,
    SANDBOX_ACTION_TYPE,
    SANDBOX_CHECK_TYPE,
    BADGE_TYPE,
    COMPETENCE_TYPE,
    VIDEO_TYPE,
)

# --- Open Badges recipe: category and extensions ------------------------------
OPEN_BADGES_RECIPE = "http://specification.openbadges.org/xapi/recipe/base/0"
OPEN_BADGES_ASSERTION_EXTENSION = (
    "http://specification.openbadges.org/xapi/extensions/badgeassertion"
)
OPEN_BADGES_CLASS_EXTENSION = (
    "http://specification.openbadges.org/xapi/extensions/badgeclass"
)

# --- Identifiers ----------------------------------------------------------------
# The `kind` segment of activity ids. "state" and "profile" are not allowed: they
# would collide with the State and Activity Profile resources under /xapi/activities/.
ACTIVITY_KINDS = frozenset(
    {
        "learning-path",
        "module",
        "lesson",
        "assessment",
        "question",
        "scenario",
        "sandbox-action",
        "sandbox-check",
        "badge",
        "competence",
        "video",
    }
)
_STABLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")

PLATFORM_NAME = "Zaakwijs"
PLATFORM_ACCOUNT_NAME = "zaakwijs"


def actor_for(user) -> dict[str, Any]:
    """The xAPI Agent for a platform user: an account named by the pseudonym.

    The e-mail address and the user's name stay inside the platform; external LRSs
    the statements are forwarded to only ever see the pseudonymous id.
    """
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.LMS_BASE_URL, "name": str(user.pseudonym)},
    }


def platform_authority() -> dict[str, Any]:
    """The authority of statements the platform records itself (xAPI Data 2.4.9)."""
    return {
        "objectType": "Agent",
        "name": PLATFORM_NAME,
        "account": {
            "homePage": settings.LMS_BASE_URL,
            "name": PLATFORM_ACCOUNT_NAME,
        },
    }


def activity_iri(kind: str, stable_id: object) -> str:
    """``<LMS_BASE_URL>/xapi/activities/<kind>/<stable id>``."""
    if kind not in ACTIVITY_KINDS:
        raise ValueError(f"Unknown activity kind {kind!r}.")
    stable = str(stable_id)
    if not _STABLE_ID.match(stable):
        raise ValueError(f"Activity id part {stable!r} is not a stable IRI segment.")
    return f"{settings.LMS_BASE_URL}/xapi/activities/{kind}/{stable}"


def extension_iri(name: str) -> str:
    """An extension key the platform defines itself, e.g. the sign-off level."""
    if not _STABLE_ID.match(name):
        raise ValueError(f"Extension name {name!r} is not a stable IRI segment.")
    return f"{settings.LMS_BASE_URL}/xapi/extensions/{name}"


def language_map(value: object) -> dict[str, str]:
    """A language map from a mapping, a translatable string or plain text.

    A lazy translation (``gettext_lazy``) gives Dutch and English; plain text is taken
    to be in the platform's default language (Dutch).
    """
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, Promise):
        result = {}
        for code, tag in (("nl", DUTCH), ("en", ENGLISH)):
            with translation.override(code):
                result[tag] = str(value)
        return result
    return {DUTCH: str(value)}


def xapi_duration(value: timedelta) -> str:
    """An ISO 8601 duration as xAPI results use it, e.g. ``PT1M5.25S``."""
    total = value.total_seconds()
    if total < 0:
        raise ValueError("A duration cannot be negative.")
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    # xAPI Data 4.6: durations are kept to 0.01 s precision.
    seconds = round(seconds, 2)
    text = "PT"
    if hours:
        text += f"{int(hours)}H"
    if minutes:
        text += f"{int(minutes)}M"
    if seconds or text == "PT":
        text += f"{seconds:g}S" if seconds != int(seconds) else f"{int(seconds)}S"
    return text
