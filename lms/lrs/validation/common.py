"""Formats shared by every part of a statement: IRIs, UUIDs, language tags and maps,
extensions, timestamps, durations, mailto IRIs; and the small type checks.

Every pattern is compiled once at import and the formats that repeat across
statements (IRIs, language tags) are memoised: the ingest benchmark (3,000
statements/s on two cores, storage included) leaves tens of microseconds per
statement for validation.

Spec references: "1.0.3 Data x.y" is xAPI 1.0.3 Part Two (xAPI-Data.md); "2.0" is
IEEE 9274.1.1 (xAPI 2.0), section 4.2 (Statement data requirements for an LRS).
"""

import math
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.errors import StatementValidationError

# --- Versions ---------------------------------------------------------------------


def is_v2(version: str) -> bool:
    """Whether the request speaks xAPI 2.0 (``version`` is the negotiated one)."""
    if version.startswith("2."):
        return True
    if version.startswith("1.0"):
        return False
    raise ValueError(f"Unsupported xAPI version {version!r}")


# --- Type checks --------------------------------------------------------------------

_JSON_TYPE_NAMES = {
    dict: gettext_noop("an object"),
    list: gettext_noop("an array"),
    str: gettext_noop("a string"),
    bool: gettext_noop("a boolean"),
    int: gettext_noop("a number"),
    float: gettext_noop("a number"),
}


def describe(value: object) -> str:
    """How a JSON value reads in an error: 'null', 'a string', ..."""
    if value is None:
        return "null"
    name = _JSON_TYPE_NAMES.get(type(value))
    return _(name) if name else type(value).__name__


def type_error(path: str, expected: str, value: object) -> StatementValidationError:
    """1.0.3 Data 2.2.s4.b1: no nulls outside extensions, no wrong data types."""
    if value is None:
        return StatementValidationError(
            path,
            _(
                "Must be %(expected)s, not null; null is only allowed inside extensions "
                "(1.0.3 Data 2.2.s4.b1.b1)."
            )
            % {"expected": expected},
        )
    return StatementValidationError(
        path,
        _("Must be %(expected)s, not %(actual)s (1.0.3 Data 2.2.s4.b1.b2).")
        % {"expected": expected, "actual": describe(value)},
    )


def require_object(value: object, path: str) -> dict:
    if type(value) is not dict:
        raise type_error(path, _("a JSON object"), value)
    return value


def require_array(value: object, path: str) -> list:
    if type(value) is not list:
        raise type_error(path, _("an array"), value)
    return value


def require_string(value: object, path: str) -> str:
    if type(value) is not str:
        raise type_error(path, _("a string"), value)
    return value


def require_boolean(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise type_error(path, _("a boolean (true or false)"), value)
    return value


def require_number(value: object, path: str) -> float:
    """A JSON number: not a boolean, not a numeric string, and finite (json.loads
    accepts NaN and Infinity, which are not JSON)."""
    kind = type(value)
    if kind is int:
        return value
    if kind is float and math.isfinite(value):
        return value
    if kind is float:
        raise StatementValidationError(
            path, _("Must be a finite number; NaN and Infinity are not JSON numbers.")
        )
    raise type_error(path, _("a number"), value)


def check_keys(
    obj: dict, allowed: frozenset, path: str, what: str, spec: str = ""
) -> None:
    """1.0.3 Data 2.2.s4.b1.b5/b7 and 2.2.s4.b8 (a shall in 2.0): reject keys the
    specification does not define for this object, including keys in the wrong case.

    ``what`` names the object, marked with gettext_noop and translated only when an
    error is raised: the happy path stays free of translation lookups."""
    if allowed.issuperset(obj):
        return
    # Keys are strings in parsed JSON; str() keeps a Python caller's mistake readable.
    unknown = str(next(key for key in obj if key not in allowed))
    hint = ""
    for known in allowed:
        if known.lower() == unknown.lower():
            hint = _(' (property names are case sensitive: use "%(known)s")') % {
                "known": known
            }
            break
    raise StatementValidationError(
        join(path, unknown),
        _(
            '"%(key)s" is not a property of %(what)s%(hint)s; the LRS rejects '
            "properties the specification does not allow (1.0.3 Data 2.2.s4.b1.b7%(spec)s)."
        )
        % {
            "key": unknown,
            "what": _(what),
            "hint": hint,
            "spec": f", {spec}" if spec else "",
        },
    )


def join(path: str, key: str) -> str:
    """The JSON path of ``key`` under ``path``: ``a.b``, or ``a["http://x"]``."""
    if key.isidentifier():
        return f"{path}.{key}" if path else key
    quoted = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{path}["{quoted}"]'


# --- IRIs (RFC 3987) ------------------------------------------------------------------


def _iri_pattern(*, unicode: bool) -> re.Pattern:
    """An absolute IRI (RFC 3987 §2.2 ``IRI``), or an absolute URI (RFC 3986) when not
    ``unicode``. Hosts are checked as reg-names or bracketed literals (best effort, as
    1.0.3 Data 2.2.s4.b6 allows)."""
    ucschar = (
        "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
        "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
        "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
        "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd"
        "\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
        "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
    )
    iprivate = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
    if not unicode:
        ucschar = iprivate = ""
    unreserved = rf"A-Za-z0-9\-._~{ucschar}"
    sub_delims = r"!$&'()*+,;="
    pct = r"%[0-9A-Fa-f]{2}"
    # Runs of plain characters are matched possessively (``++``, ``*+``, Python 3.11):
    # each part ends at a delimiter its class excludes, so giving characters back can
    # never help, and long or hostile values stay linear.
    pchars = rf"(?:[{unreserved}{sub_delims}:@]++|{pct})"
    userinfo = rf"(?:[{unreserved}{sub_delims}:]++|{pct})*+"
    reg_name = rf"(?:[{unreserved}{sub_delims}]++|{pct})*+"
    ip_literal = r"\[[0-9A-Fa-f:.vV\-._~!$&'()*+,;=]++\]"
    authority = rf"(?:{userinfo}@)?(?:{ip_literal}|{reg_name})(?::[0-9]*+)?"
    segment = rf"{pchars}*+"
    segment_nz = rf"{pchars}++"
    hier_part = (
        rf"(?://{authority}(?:/{segment})*+"  # "//" authority path-abempty
        rf"|/(?:{segment_nz}(?:/{segment})*+)?"  # path-absolute
        rf"|{segment_nz}(?:/{segment})*+"  # path-rootless
        r"|)"  # path-empty
    )
    query = rf"(?:{pchars}|[/?{iprivate}]++)*+"
    fragment = rf"(?:{pchars}|[/?]++)*+"
    scheme = r"[A-Za-z][A-Za-z0-9+\-.]*"
    return re.compile(rf"{scheme}:{hier_part}(?:\?{query})?(?:#{fragment})?")


_IRI = _iri_pattern(unicode=True)
_URI = _iri_pattern(unicode=False)
_AN_IRI = gettext_noop("an IRI")
_AN_IRL = gettext_noop("an IRL")
_A_URI = gettext_noop("a URI")
# Verb ids, activity types and extension keys repeat from statement to statement; the
# memo is bounded in entries, so only values of sensible length go into it.
_MEMO_MAX_LENGTH = 512


def _match_iri(value: str) -> bool:
    # For ASCII text the IRI and URI grammars coincide, and the URI pattern's small
    # character classes match several times faster.
    if value.isascii():
        return _URI.fullmatch(value) is not None
    return _IRI.fullmatch(value) is not None


_memo_iri = lru_cache(maxsize=8192)(_match_iri)


def is_iri(value: str) -> bool:
    """An absolute IRI with a scheme (1.0.3 Data 2.2.s4.b1.b8, 4.3; RFC 3987)."""
    if len(value) <= _MEMO_MAX_LENGTH:
        return _memo_iri(value)
    return _match_iri(value)


def is_uri(value: str) -> bool:
    """An absolute URI with a scheme (RFC 3986): an IRI in ASCII."""
    return value.isascii() and is_iri(value)


def validate_iri(value: object, *, path: str, what: str = _AN_IRI) -> str:
    """Raise unless ``value`` is an absolute IRI (RFC 3987) with a scheme."""
    require_string(value, path)
    if not is_iri(value):
        raise StatementValidationError(
            path,
            _(
                "Must be %(what)s: an absolute IRI with a scheme such as https:, "
                "per RFC 3987 (1.0.3 Data 2.2.s4.b1.b4, 2.2.s4.b1.b8)."
            )
            % {"what": _(what)},
        )
    return value


def validate_irl(value: object, *, path: str, what: str = _AN_IRL) -> str:
    """An IRL is an IRI meant to be dereferenced; its syntax is that of an IRI."""
    return validate_iri(value, path=path, what=what)


def validate_uri(value: object, *, path: str, what: str = _A_URI) -> str:
    """Raise unless ``value`` is an absolute URI (RFC 3986: ASCII only)."""
    require_string(value, path)
    if not is_uri(value):
        raise StatementValidationError(
            path,
            _(
                "Must be %(what)s: an absolute URI with a scheme, per RFC 3986 "
                "(1.0.3 Data 2.4.2.3, 2.2.s4.b1.b8)."
            )
            % {"what": _(what)},
        )
    return value


# --- UUIDs -----------------------------------------------------------------------------

_UUID = re.compile(
    r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
)


def is_uuid(value: object) -> bool:
    """A UUID in standard string form (8-4-4-4-12 hex digits, either case); any
    version and variant is accepted (1.0.3 Data 2.4.1, 4.4)."""
    return type(value) is str and _UUID.fullmatch(value) is not None


def validate_uuid(value: object, *, path: str) -> str:
    require_string(value, path)
    if _UUID.fullmatch(value) is None:
        raise StatementValidationError(
            path,
            _(
                "Must be a UUID in standard string form, e.g. "
                '"936a8b4a-4e48-4c4e-9d1f-2f1d4d5d1a2b" (1.0.3 Data 2.4.1, 4.4).'
            ),
        )
    return value


# --- Language tags (RFC 5646) and language maps ----------------------------------------

_LANGTAG = re.compile(
    r"(?:"
    # langtag = language ["-" script] ["-" region] *("-" variant) *("-" extension)
    #           ["-" privateuse]
    # Primary language: RFC 5646 also lets 4ALPHA (reserved) and 5*8ALPHA (for future
    # registrations) be well-formed, but no such subtag is in the IANA registry, so no
    # valid tag has one; refusing them catches "english" or "dutch" used as a tag.
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+"  # privateuse
    r")"
)
_GRANDFATHERED = frozenset(
    tag.lower()
    for tag in (
        "en-GB-oed i-ami i-bnn i-default i-enochian i-hak i-klingon i-lux i-mingo "
        "i-navajo i-pwn i-tao i-tay i-tsu sgn-BE-FR sgn-BE-NL sgn-CH-DE art-lojban "
        "cel-gaulish no-bok no-nyn zh-guoyu zh-hakka zh-min zh-min-nan zh-xiang"
    ).split()
)


def is_language_tag(tag: str) -> bool:
    """An RFC 5646 language tag: well-formed (§2.1 syntax, case-insensitive), without
    the repeated variants or extension singletons that §2.2.5 and §2.2.6 forbid, and
    with a 2 or 3 letter primary language subtag (the only lengths the registry has).
    Subtags are not looked up in the registry: 1.0.3 Data 2.2.s4.b2 asks for the
    sequence of token lengths, and new registrations must not be refused."""
    if len(tag) <= 64:
        return _memo_language_tag(tag)
    return _match_language_tag(tag)


def _match_language_tag(tag: str) -> bool:
    if tag.lower() in _GRANDFATHERED:
        return True
    if _LANGTAG.fullmatch(tag) is None:
        return False
    subtags = tag.lower().split("-")
    if len(subtags) <= 2:
        return True  # no room for a repeated variant or singleton
    seen_variants: set[str] = set()
    seen_singletons: set[str] = set()
    in_extensions = False
    for subtag in subtags[1:]:
        if subtag == "x":
            break
        if len(subtag) == 1:
            if subtag in seen_singletons:
                return False
            seen_singletons.add(subtag)
            in_extensions = True
        elif not in_extensions and (
            len(subtag) >= 5 or (len(subtag) == 4 and subtag[0].isdigit())
        ):
            if subtag in seen_variants:
                return False
            seen_variants.add(subtag)
    return True


_memo_language_tag = lru_cache(maxsize=2048)(_match_language_tag)


def validate_language_tag(value: object, *, path: str) -> str:
    require_string(value, path)
    if not is_language_tag(value):
        raise StatementValidationError(
            path,
            _(
                'Must be an RFC 5646 language tag such as "en", "nl-NL" or "zh-Hant" '
                "(1.0.3 Data 2.2.s4.b2, 4.2)."
            ),
        )
    return value


def validate_language_map(value: object, *, path: str) -> dict:
    """A language map: an object whose keys are RFC 5646 tags and whose values are
    strings (1.0.3 Data 4.2, 2.2.s4.b2)."""
    if type(value) is not dict:
        raise type_error(
            path, _("a language map (an object of language tag to string)"), value
        )
    for tag, text in value.items():
        if type(tag) is not str or not is_language_tag(tag):
            tag = str(tag)
            raise StatementValidationError(
                join(path, tag),
                _(
                    '"%(tag)s" is not an RFC 5646 language tag; language map keys must be '
                    'tags such as "en", "nl-NL" or "zh-Hant" (1.0.3 Data 2.2.s4.b2, 4.2).'
                )
                % {"tag": tag},
            )
        if type(text) is not str:
            raise type_error(join(path, tag), _("a string"), text)
    return value


# --- Extensions ------------------------------------------------------------------------


def validate_extensions(value: object, *, path: str) -> dict:
    """An extensions map: keys are IRIs; values are any JSON, null included, and are
    never a reason to reject (1.0.3 Data 4.1.s3.b1, 4.1.s3.b2)."""
    if type(value) is not dict:
        raise type_error(path, _("an extensions object (IRI keys)"), value)
    for key in value:
        if type(key) is not str or not is_iri(key):
            key = str(key)
            raise StatementValidationError(
                join(path, key),
                _(
                    'The extension key "%(key)s" is not an IRI; extension keys must be '
                    "absolute IRIs (1.0.3 Data 4.1.s3.b1)."
                )
                % {"key": key},
            )
    return value


# --- mailto IRIs and SHA-1 / SHA-2 hex --------------------------------------------------

_MBOX = re.compile(
    r"(?i:mailto):"
    r"[A-Za-z0-9!#$%&'*+/=^_`{|}~.\-\u00a0-\uffff]+"
    r"@"
    r"(?:[A-Za-z0-9\-\u00a0-\uffff]+(?:\.[A-Za-z0-9\-\u00a0-\uffff]+)*"
    r"|\[[0-9A-Fa-f:.]+\])"
)
_SHA1_HEX = re.compile(r"[0-9A-Fa-f]{40}")
_SHA2_HEX = re.compile(
    r"[0-9A-Fa-f]{56}|[0-9A-Fa-f]{64}|[0-9A-Fa-f]{96}|[0-9A-Fa-f]{128}"
)


def validate_mbox(value: object, *, path: str) -> str:
    """1.0.3 Data 2.4.2.3: the required format is "mailto:email address"."""
    require_string(value, path)
    if _MBOX.fullmatch(value) is None:
        raise StatementValidationError(
            path,
            _(
                'Must be a mailto IRI of the form "mailto:name@example.com" '
                "(1.0.3 Data 2.4.2.3.s3.table1.row1)."
            ),
        )
    return value


def validate_sha1sum(value: object, *, path: str) -> str:
    require_string(value, path)
    if _SHA1_HEX.fullmatch(value) is None:
        raise StatementValidationError(
            path,
            _(
                "Must be the hex-encoded SHA-1 hash of a mailto IRI: 40 hexadecimal "
                "characters (1.0.3 Data 2.4.2.3.s3.table1.row2)."
            ),
        )
    return value


def is_sha2(value: object) -> bool:
    """Hex SHA-2 (SHA-224, -256, -384 or -512)."""
    return type(value) is str and _SHA2_HEX.fullmatch(value) is not None


# --- Timestamps ---------------------------------------------------------------------

# ISO 8601 combined date and time, extended or basic format (1.0.3 Data 4.5;
# conformance requirement XAPI-00123). Minutes are required, seconds and fractions
# optional; the offset is optional in 1.0.3 ("SHOULD* include the time zone").
_ISO_EXTENDED = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?",
    re.ASCII,
)
_ISO_BASIC = re.compile(
    r"(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?"
    r"(?:([Zz])|([+-])(\d{2})(\d{2})?)?",
    re.ASCII,
)
# xAPI 2.0 turns 1.0.3's SHOULD* into shall: a Timestamp is RFC 3339 (a profile of
# ISO 8601) and includes the time zone.
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?"
    r"(?:([Zz])|([+-])(\d{2}):(\d{2}))",
    re.ASCII,
)


def parse_timestamp(value: str, *, version: str = "2.0.0") -> datetime | None:
    """The instant ``value`` denotes, as an aware UTC datetime, or None when it is not a
    Timestamp for ``version``. Fractions beyond microseconds are truncated (1.0.3 Data
    4.5.s1.b7 allows truncation to milliseconds); a leap second reads as :59.999999;
    a timestamp without an offset (1.0.3 only) is taken as UTC. ISO 8601:2004's
    24:00:00 (end of day) is read as the next midnight in 1.0.3; RFC 3339 has no hour
    24, so 2.0 refuses it."""
    v2 = is_v2(version)
    match = (_RFC3339 if v2 else _ISO_EXTENDED).fullmatch(value)
    if match is None and not v2:
        match = _ISO_BASIC.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, _zulu, sign, off_h, off_m = (
        match.groups()
    )
    if sign == "-" and int(off_h) == 0 and int(off_m or 0) == 0:
        # RFC 3339 §4.3: -00:00 means "offset unknown"; ISO 8601 forbids it.
        return None
    second_value = int(second or 0)
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    leap = second_value == 60
    end_of_day = hour == "24"
    if end_of_day and v2:
        return None
    try:
        if sign is not None:
            offset_h, offset_m = int(off_h), int(off_m or 0)
            if offset_h > 23 or offset_m > 59:
                return None
            delta = timedelta(hours=offset_h, minutes=offset_m)
            tzinfo = timezone(delta if sign == "+" else -delta)
        else:
            tzinfo = UTC
        moment = datetime(
            int(year),
            int(month),
            int(day),
            0 if end_of_day else int(hour),
            int(minute),
            59 if leap else second_value,
            999999 if leap else micro,
            tzinfo=tzinfo,
        )
    except ValueError:
        return None
    if end_of_day:
        # ISO 8601 24:00:00 is the end of the day, i.e. midnight of the next.
        if int(minute) or second_value or micro:
            return None
        moment += timedelta(days=1)
    return moment.astimezone(UTC)


def validate_timestamp(value: object, *, path: str, version: str) -> str:
    require_string(value, path)
    if parse_timestamp(value, version=version) is None:
        if is_v2(version):
            rule = _(
                "Must be an RFC 3339 timestamp with a time zone, such as "
                '"2024-05-04T17:00:00.000Z" or "2024-05-04T12:00:00-05:00"; -00:00 is not '
                "an offset (xAPI 2.0 4.2.7 Timestamps)."
            )
        else:
            rule = _(
                "Must be an ISO 8601 date and time, such as "
                '"2024-05-04T17:00:00.000Z"; -00:00 is not an offset (1.0.3 Data 4.5).'
            )
        raise StatementValidationError(path, rule)
    return value


# --- Durations ------------------------------------------------------------------------

# ISO 8601:2004(E) 4.4.3.2 format with designators; 4.4.3.3's alternative format
# (P0003-01-29T04:35:59) must not be used (1.0.3 Data 4.6.s1.b1). A decimal fraction
# is allowed on the lowest-order component only.
_NUM = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"P(?:{_NUM}W"
    rf"|(?=\d|T\d)(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}D)?"
    rf"(?:T(?=\d)(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?"
    # The specification's own example "P16559.14S" (1.0.3 Data 4.6.s2.table1.row2)
    # omits the T; accepted so that nothing the specification shows is refused.
    rf"|{_NUM}S)",
    re.ASCII,
)
_FRACTION = re.compile(r"[.,]\d+[YMWDHS]", re.ASCII)


def is_duration(value: str) -> bool:
    if _DURATION.fullmatch(value) is None:
        return False
    fraction = _FRACTION.search(value)
    return fraction is None or fraction.end() == len(value)


def validate_duration(value: object, *, path: str) -> str:
    require_string(value, path)
    if not is_duration(value):
        raise StatementValidationError(
            path,
            _(
                'Must be an ISO 8601 duration such as "PT1H30M", "PT4.5S" or "P3W" '
                "(ISO 8601:2004 4.4.3.2; weeks cannot be combined with other units; "
                "1.0.3 Data 4.6.s1.b1)."
            ),
        )
    return value


# --- JSON parsing helper -----------------------------------------------------------


def reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    """``object_pairs_hook`` for json.loads: a property may appear at most once
    (1.0.3 Data 2.2.s2.b2; conformance requirement XAPI-00021)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise StatementValidationError(
                    key,
                    _(
                        'The property "%(key)s" appears more than once in one object '
                        "(1.0.3 Data 2.2.s2.b2)."
                    )
                    % {"key": key},
                )
            seen.add(key)
    return result
