"""The data formats of xAPI 1.0.3 Data 4.0 (Special Data Types and Rules) and 2.2 as
helpers other code calls: IRIs (RFC 3987), UUIDs, RFC 5646 language tags and maps,
extensions, ISO 8601 timestamps and durations, mailto IRIs, duplicate JSON keys."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from lms.lrs.validation import (
    StatementValidationError,
    is_duration,
    is_iri,
    is_language_tag,
    is_uuid,
    parse_timestamp,
    reject_duplicate_keys,
    validate_duration,
    validate_extensions,
    validate_iri,
    validate_irl,
    validate_language_map,
    validate_language_tag,
    validate_mbox,
    validate_timestamp,
    validate_uri,
    validate_uuid,
)

# --- IRIs: 1.0.3 Data 4.3, 2.2.s4.b1.b4, 2.2.s4.b1.b8 -----------------------------------

VALID_IRIS = [
    "http://adlnet.gov/expapi/verbs/completed",
    "https://w3id.org/xapi/cmi5/context/categories/cmi5",
    "https://zaakwijs.example/courses/intake?lesson=1&part=2#section-3",
    "http://www.example.com/meetings/occurances/34534",
    "http://example.com/path/../elsewhere",
    "http://user:secret@example.com:8080/p;param=1",
    "http://[2001:db8::1]:8080/x",
    "http://192.168.0.1/x",
    "https://例え.jp/コース/一",
    "https://example.com/caf%C3%A9",
    "urn:uuid:936a8b4a-4e48-4c4e-9d1f-2f1d4d5d1a2b",
    "urn:isbn:0451450523",
    "tag:zaakwijs.example,2024:verbs/approved",
    "mailto:ada@example.com",
    "file:///tmp/x",
    "x-custom+scheme.v1:thing",
]

INVALID_IRIS = [
    "",
    "ab=c://should.fail.com",
    "should error",
    "adlnet.gov/expapi/verbs/attended",
    "www.example.com/meetings",
    "/relative/path",
    "#fragment-only",
    "1http://example.com",
    "http://example.com/a b",
    " http://example.com",
    "http://example.com/\n",
    "http://example.com/%zz",
    "http://example.com/%4",
    "http://example.com/<tag>",
    'http://example.com/"quoted"',
    "http://example.com/{x}",
    "http://example.com/a|b",
    "http://example.com/a\\b",
    "http://example.com/#a#b",
    "http://exa mple.com/",
]


@pytest.mark.parametrize("value", VALID_IRIS)
def test_absolute_iris_are_accepted(value):
    """1.0.3 Data 4.3 and RFC 3987 2.2: an IRI has a scheme and may use Unicode."""
    assert is_iri(value)
    assert validate_iri(value, path="x") == value
    assert validate_irl(value, path="x") == value


@pytest.mark.parametrize("value", INVALID_IRIS)
def test_strings_that_are_not_absolute_iris_are_rejected(value):
    """1.0.3 Data 2.2.s4.b1.b4 and b8 (XAPI-00011): reject IRIs without a scheme or with
    characters RFC 3987 does not allow."""
    assert not is_iri(value)
    with pytest.raises(StatementValidationError) as caught:
        validate_iri(value, path="verb.id", what="a Verb id (IRI)")
    assert caught.value.path == "verb.id"
    assert "a Verb id (IRI)" in caught.value.rule


@pytest.mark.parametrize("value", [None, 12, ["http://x.example"], {"id": "x"}])
def test_iri_must_be_a_string(value):
    with pytest.raises(StatementValidationError):
        validate_iri(value, path="x")


def test_uris_are_ascii_iris():
    """1.0.3 Data 2.4.2.3.s3.table1.row3: openid is a URI (RFC 3986, ASCII only)."""
    assert validate_uri("https://openid.example.org/u/1", path="openid")
    with pytest.raises(StatementValidationError):
        validate_uri("https://例え.jp/u", path="openid")
    with pytest.raises(StatementValidationError):
        validate_uri("open.id.com/testUser", path="openid")


# --- UUIDs: 1.0.3 Data 2.4.1, 4.4 ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
        "9E13CEFD-53D3-4EAC-B5ED-2CF6693903BB",
        "9e13CEFD-53d3-4eAC-b5ed-2cf6693903bb",
        "00000000-0000-0000-0000-000000000000",
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
        "9e13cefd-53d3-4eac-f5ed-2cf6693903bb",
    ],
)
def test_uuids_of_any_version_and_variant_are_accepted(value):
    """1.0.3 Data 4.4: UUIDs in standard string form; variant 2 is only recommended,
    so any version and variant is accepted, in either case."""
    assert is_uuid(value)
    validate_uuid(value, path="id")


@pytest.mark.parametrize(
    "value",
    [
        "AA97B177-9383-4934-8543-0F91A7A028368",
        "MA97B177-9383-4934-8543-0F91A7A02836",
        "9e13cefd53d34eacb5ed2cf6693903bb",
        "{9e13cefd-53d3-4eac-b5ed-2cf6693903bb}",
        "urn:uuid:9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
        "9e13cefd-53d3-4eac-b5ed-2cf6693903b",
        "9e13cefd-53d3-4eac-b5ed-2cf6693903bb\n",
        "",
    ],
)
def test_non_standard_uuid_strings_are_rejected(value):
    """1.0.3 Data 4.4 (XAPI-00029, XAPI-00030): UUIDs MUST be in the standard string
    form, 8-4-4-4-12 hexadecimal digits."""
    assert not is_uuid(value)
    with pytest.raises(StatementValidationError):
        validate_uuid(value, path="context.registration")


def test_uuid_must_be_a_string():
    """1.0.3 Data 2.4.1 (XAPI-00028): the id is a String."""
    assert not is_uuid(12345)
    with pytest.raises(StatementValidationError) as caught:
        validate_uuid(12345, path="id")
    assert "string" in caught.value.rule


# --- Language tags and maps: RFC 5646, 1.0.3 Data 4.2, 2.2.s4.b2 --------------------------


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "nl",
        "en-US",
        "EN-us",
        "de-DE",
        "zh-Hant",
        "zh-Hans-CN",
        "sr-Latn-RS",
        "sr-Cyrl",
        "es-419",
        "cmn",
        "ase",
        "tlh",
        "zh-yue-HK",
        "de-CH-1901",
        "sl-rozaj-biske",
        "en-a-bbb-x-a-ccc",
        "qaa-Qaaa-QM-x-southern",
        "x-zaakwijs",
        "i-klingon",
        "en-GB-oed",
        "zh-min-nan",
    ],
)
def test_well_formed_language_tags_are_accepted(tag):
    """RFC 5646 2.1 (well-formed tags, case-insensitive), 2.2.8 (grandfathered)."""
    assert is_language_tag(tag)
    validate_language_tag(tag, path="context.language")


@pytest.mark.parametrize(
    "tag",
    [
        "",
        "something",
        "a12345",
        "a12345678",
        "en-something-AU",
        "zh-something-ccc",
        "s-something",
        "en_US",
        "en-US-",
        "-en",
        "en--US",
        "123",
        "e",
        "zh-z-aaa-z-bbb-c-ccc",
        "de-1901-1901",
        "en US",
        "x",
        "x-",
        "abcd",
        "english",
        "Nederlands",
    ],
)
def test_malformed_language_tags_are_rejected(tag):
    """1.0.3 Data 2.2.s4.b2 (XAPI-00013): the sequence of token lengths must match RFC
    5646; RFC 5646 2.2.5 and 2.2.6 forbid a repeated variant or extension singleton;
    4 to 8 letter primary language subtags are reserved and never valid (2.2.1)."""
    assert not is_language_tag(tag)
    with pytest.raises(StatementValidationError) as caught:
        validate_language_tag(tag, path="context.language")
    assert "RFC 5646" in caught.value.rule


def test_language_map_keys_are_tags_and_values_strings():
    """1.0.3 Data 4.2: a Language Map maps RFC 5646 tags to strings."""
    assert validate_language_map({"en-US": "completed", "nl": ""}, path="x") == {
        "en-US": "completed",
        "nl": "",
    }
    validate_language_map({}, path="x")
    with pytest.raises(StatementValidationError) as caught:
        validate_language_map({"en-US": "ok", "something": "no"}, path="verb.display")
    assert caught.value.path == "verb.display.something"
    with pytest.raises(StatementValidationError) as caught:
        validate_language_map({"en-US": ["no"]}, path="verb.display")
    assert caught.value.path == 'verb.display["en-US"]'
    for not_a_map in ("completed", 12345, ["en-US"], None):
        with pytest.raises(StatementValidationError):
            validate_language_map(not_a_map, path="verb.display")


# --- Extensions: 1.0.3 Data 4.1 ----------------------------------------------------------


def test_extension_keys_are_iris_and_values_anything():
    """1.0.3 Data 4.1.s3.b1-b2 (XAPI-00118, XAPI-00119): keys are IRIs; values are
    never a reason to reject."""
    validate_extensions(
        {"http://example.com/a": None, "urn:x:y": {"nested": [None, ""]}}, path="x"
    )
    with pytest.raises(StatementValidationError) as caught:
        validate_extensions({"not an iri": 1}, path="result.extensions")
    assert caught.value.path == 'result.extensions["not an iri"]'
    with pytest.raises(StatementValidationError) as caught:
        validate_extensions({'a"b': 1}, path="result.extensions")
    assert caught.value.path == 'result.extensions["a\\"b"]'
    with pytest.raises(StatementValidationError):
        validate_extensions(["http://example.com/a"], path="result.extensions")


# --- Timestamps: 1.0.3 Data 4.5, 2.0 4.2.7 ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "instant"),
    [
        ("2024-05-04T17:00:00Z", datetime(2024, 5, 4, 17, tzinfo=UTC)),
        (
            "2024-05-04T17:00:00.123Z",
            datetime(2024, 5, 4, 17, 0, 0, 123000, tzinfo=UTC),
        ),
        ("2024-05-04t17:00:00.1z", datetime(2024, 5, 4, 17, 0, 0, 100000, tzinfo=UTC)),
        (
            "2024-05-04T17:00:00.123456789Z",
            datetime(2024, 5, 4, 17, 0, 0, 123456, tzinfo=UTC),
        ),
        ("2023-05-04T12:00:00-05:00", datetime(2023, 5, 4, 17, tzinfo=UTC)),
        (
            "2008-09-15T15:53:00.601+00:00",
            datetime(2008, 9, 15, 15, 53, 0, 601000, tzinfo=UTC),
        ),
        ("2024-01-01T00:30:00+01:00", datetime(2023, 12, 31, 23, 30, tzinfo=UTC)),
        (
            "2016-12-31T23:59:60Z",
            datetime(2016, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        ),
        ("2024-02-29T10:00:00Z", datetime(2024, 2, 29, 10, tzinfo=UTC)),
    ],
)
@pytest.mark.parametrize("version", ["1.0.3", "2.0.0"])
def test_rfc_3339_timestamps_parse_to_the_instant_they_denote(value, instant, version):
    """1.0.3 Data 4.5.s1.b1-b2, b5-b7 and 2.0 4.2.7: RFC 3339 timestamps are valid in
    both versions; the LRS may convert to UTC and truncate beyond milliseconds."""
    assert parse_timestamp(value, version=version) == instant
    validate_timestamp(value, path="timestamp", version=version)


@pytest.mark.parametrize(
    ("value", "instant"),
    [
        ("2024-05-04T17:00:00", datetime(2024, 5, 4, 17, tzinfo=UTC)),
        ("2024-05-04T17:00", datetime(2024, 5, 4, 17, tzinfo=UTC)),
        ("20240504T170000Z", datetime(2024, 5, 4, 17, tzinfo=UTC)),
        ("20240504T170000.5+0100", datetime(2024, 5, 4, 16, 0, 0, 500000, tzinfo=UTC)),
        ("2024-05-04T17:00:00,25Z", datetime(2024, 5, 4, 17, 0, 0, 250000, tzinfo=UTC)),
        ("2024-05-04T17:00:00+02", datetime(2024, 5, 4, 15, tzinfo=UTC)),
        ("2024-05-04T17:00:00+0200", datetime(2024, 5, 4, 15, tzinfo=UTC)),
        ("2024-05-04T24:00:00Z", datetime(2024, 5, 5, tzinfo=UTC)),
    ],
)
def test_other_iso_8601_forms_are_timestamps_in_1_0_3_only(value, instant):
    """1.0.3 Data 4.5.s1.b1 (MUST be ISO 8601: extended or basic, XAPI-00123) with b2 and
    b4 only SHOULD*; in 2.0 those SHOULD* are shall: RFC 3339 with a time zone."""
    assert parse_timestamp(value, version="1.0.3") == instant
    assert parse_timestamp(value, version="2.0.0") is None
    with pytest.raises(StatementValidationError) as caught:
        validate_timestamp(value, path="timestamp", version="2.0.0")
    assert "RFC 3339" in caught.value.rule


@pytest.mark.parametrize(
    "value",
    [
        "should fail",
        "01/011/2015",
        "2015-01-01",
        "2015-01-01 10:00:00Z",
        "2015-13-01T10:00:00Z",
        "2015-02-29T10:00:00Z",
        "2015-01-32T10:00:00Z",
        "2015-01-01T25:00:00Z",
        "2015-01-01T10:60:00Z",
        "2015-01-01T10:00:61Z",
        "2015-01-01T24:00:01Z",
        "2015-01-01T10:00:00+24:00",
        "2015-01-01T10:00:00+01:60",
        "2008-09-15T15:53:00.601-00",
        "2008-09-15T15:53:00.601-0000",
        "2008-09-15T15:53:00.601-00:00",
        "0000-01-01T00:00:00Z",
        "2015-01-01T10:00:00.Z",
        "2015-01-01T10:00:00ZZ",
        "2015-01-01T10:00:00Z ",
        "２０１５-01-01T10:00:00Z",
    ],
)
@pytest.mark.parametrize("version", ["1.0.3", "2.0.0"])
def test_malformed_timestamps_are_rejected(value, version):
    """1.0.3 Data 4.5 (XAPI-00122, XAPI-00123) and the conformance suite's -00, -0000
    and -00:00 offsets (RFC 3339 4.3 "unknown offset", not allowed in ISO 8601)."""
    assert parse_timestamp(value, version=version) is None
    with pytest.raises(StatementValidationError):
        validate_timestamp(value, path="timestamp", version=version)


def test_a_future_timestamp_is_a_valid_timestamp():
    """1.0.3 Data 2.4.7.s3.b6: the LRS SHOULD* NOT reject a timestamp in the future."""
    future = (datetime.now(UTC) + timedelta(days=5 * 365)).isoformat()
    validate_timestamp(future, path="timestamp", version="2.0.0")


# --- Durations: 1.0.3 Data 4.6 -----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "PT1H0M0S",
        "PT1H0M0.1S",
        "PT4H35M59.14S",
        "PT16559.14S",
        "P16559.14S",
        "P3Y1M29DT4H35M59.14S",
        "P3Y",
        "P4W",
        "P1.5W",
        "P1DT12H36M0.12567S",
        "PT0S",
        "P0D",
        "PT1,5S",
        "P1Y2M",
        "PT36H",
        "P2.5Y",
    ],
)
def test_iso_8601_durations_are_accepted(value):
    """1.0.3 Data 4.6.s1.b1 and its examples (XAPI-00124): ISO 8601:2004 4.4.3.2 with a
    fraction on the lowest-order component; more than 0.01 s precision is not
    rejected (4.6.s1.b4). "P16559.14S" is the specification's own example."""
    assert is_duration(value)
    validate_duration(value, path="result.duration")


@pytest.mark.parametrize(
    "value",
    [
        "PA1H0M0S",
        "P4W1D",
        "P1WT1H",
        "P",
        "PT",
        "P1DT",
        "1H",
        "T1H",
        "PT1.5H30M",
        "P1.5Y2M",
        "P0003-01-29T04:35:59",
        "P0003-01-29",
        "-P1D",
        "pt1h",
        "PT1H ",
        "P1M1Y",
        "PT1S1M",
        "P1H",
        "PT1D",
        "should fail",
        "",
    ],
)
def test_malformed_durations_are_rejected(value):
    """1.0.3 Data 4.6.s1.b1 (XAPI-00124): the alternative format of ISO 8601 4.4.3.3 MUST
    NOT be used; weeks cannot be combined (4.6.s2.table1.row5); designators are in
    order and upper case."""
    assert not is_duration(value)
    with pytest.raises(StatementValidationError):
        validate_duration(value, path="result.duration")


# --- mailto IRIs: 1.0.3 Data 2.4.2.3 -------------------------------------------------------


def test_mbox_is_a_mailto_iri_with_an_address():
    """1.0.3 Data 2.4.2.3.s3.table1.row1 (XAPI-00038)."""
    assert validate_mbox("mailto:ada@example.com", path="actor.mbox")
    for invalid in (
        "mailto:should.fail.com",
        "http://should.fail.com",
        "ada@example.com",
    ):
        with pytest.raises(StatementValidationError) as caught:
            validate_mbox(invalid, path="actor.mbox")
        assert caught.value.path == "actor.mbox"


# --- Duplicate keys: 1.0.3 Data 2.2.s2.b2 --------------------------------------------------


def test_duplicate_keys_are_rejected_when_parsing():
    """1.0.3 Data 2.2.s2.b2 (XAPI-00021): a property is used at most once; json.loads
    keeps the last value silently unless given this hook."""
    body = '{"actor": {"mbox": "mailto:a@example.com", "mbox": "mailto:b@example.com"}}'
    with pytest.raises(StatementValidationError) as caught:
        json.loads(body, object_pairs_hook=reject_duplicate_keys)
    assert caught.value.path == "mbox"
    assert json.loads(
        '{"a": 1, "b": {"a": 2}}', object_pairs_hook=reject_duplicate_keys
    ) == {
        "a": 1,
        "b": {"a": 2},
    }
