"""Result and Score (1.0.3 Data 2.4.5; 2.0 4.2.2.4)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.common import (
    check_keys,
    require_boolean,
    require_number,
    require_string,
    type_error,
    validate_duration,
    validate_extensions,
)
from lms.lrs.validation.errors import StatementValidationError

_RESULT_KEYS = frozenset(
    ("score", "success", "completion", "response", "duration", "extensions")
)
_SCORE_KEYS = frozenset(("scaled", "raw", "min", "max"))
_A_RESULT = gettext_noop("a Result")
_A_SCORE = gettext_noop("a Score")


def validate_result(result: object, *, path: str) -> None:
    if type(result) is not dict:
        raise type_error(path, _("a Result object"), result)
    check_keys(result, _RESULT_KEYS, path, _A_RESULT, "Data 2.4.5")
    p = f"{path}." if path else ""
    if "score" in result:
        validate_score(result["score"], path=f"{p}score")
    if "success" in result:
        require_boolean(result["success"], f"{p}success")
    if "completion" in result:
        require_boolean(result["completion"], f"{p}completion")
    if "response" in result:
        require_string(result["response"], f"{p}response")
    if "duration" in result:
        validate_duration(result["duration"], path=f"{p}duration")
    if "extensions" in result:
        validate_extensions(result["extensions"], path=f"{p}extensions")


def validate_score(score: object, *, path: str) -> None:
    """1.0.3 Data 2.4.5.1.s2: scaled in [-1, 1]; min < max; min <= raw <= max."""
    if type(score) is not dict:
        raise type_error(path, _("a Score object"), score)
    check_keys(score, _SCORE_KEYS, path, _A_SCORE, "Data 2.4.5.1")
    p = f"{path}." if path else ""
    for key, value in score.items():
        require_number(value, f"{p}{key}")
    values = score
    scaled = values.get("scaled")
    if scaled is not None and not -1 <= scaled <= 1:
        raise StatementValidationError(
            f"{p}scaled",
            _(
                "Must be a decimal number between -1 and 1 inclusive (1.0.3 Data "
                "2.4.5.1.s2.table1.row1)."
            ),
        )
    low, high, raw = values.get("min"), values.get("max"), values.get("raw")
    if low is not None and high is not None and not low < high:
        raise StatementValidationError(
            f"{p}min",
            _(
                "min must be less than max (1.0.3 Data 2.4.5.1.s2.table1.row3, "
                "2.4.5.1.s2.table1.row4)."
            ),
        )
    if raw is not None:
        if low is not None and raw < low:
            raise StatementValidationError(
                f"{p}raw",
                _("raw must not be less than min (1.0.3 Data 2.4.5.1.s2.table1.row2)."),
            )
        if high is not None and raw > high:
            raise StatementValidationError(
                f"{p}raw",
                _(
                    "raw must not be greater than max (1.0.3 Data "
                    "2.4.5.1.s2.table1.row2)."
                ),
            )
