"""PUT and POST /statements: xAPI 1.0.3 Communication §2.1.1-§2.1.2, Data §2.3-§2.4
(and the 2.0 equivalents, IEEE 9274.1.1 §4.1.6.1, §4.2.4)."""

import uuid
from datetime import datetime

import pytest

from lms.lrs.models import Activity, KnownAgent, Scope, Statement
from tests.factories import UserFactory
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.statement_factories import activity, agent, new_id, statement

URL = "/xapi/statements"


def _get(xapi, statement_id):
    response = xapi.get(URL, statementId=statement_id)
    assert response.status_code == 200, response.content
    return response.json()


# --- PUT --------------------------------------------------------------------------


def test_put_with_statement_id_stores_and_answers_204(xapi):
    """1.0.3 Communication §2.1.1 (XAPI-00143): PUT with statementId → 204 No Content."""
    statement_id = new_id()
    response = xapi.put(f"{URL}?statementId={statement_id}", statement())
    assert response.status_code == 204
    assert _get(xapi, statement_id)["id"] == statement_id


def test_put_without_statement_id_is_400(xapi):
    """Communication §2.1.1.s1.table1.row1 (XAPI-00145): statementId is required."""
    response = xapi.put(URL, statement(id=new_id()))
    assert response.status_code == 400
    assert "statementId" in response.json()["error"]["message"]


def test_put_with_invalid_statement_id_is_400(xapi):
    """Data §2.2.s4.b4 (XAPI-00012): parameter values validate like statement values."""
    response = xapi.put(f"{URL}?statementId=wrong", statement())
    assert response.status_code == 400


def test_put_with_id_differing_from_statement_id_is_400(xapi):
    """Communication §2.1.1.s3.b3: a statement's id must match statementId."""
    response = xapi.put(f"{URL}?statementId={new_id()}", statement(id=new_id()))
    assert response.status_code == 400
    assert "differs" in response.json()["error"]["message"]


def test_put_with_unknown_parameter_is_400(xapi):
    """Communication §3.2.s3.b7: unknown parameters are rejected."""
    response = xapi.put(f"{URL}?statementId={new_id()}&extra=1", statement())
    assert response.status_code == 400


def test_put_takes_one_statement_not_an_array(xapi):
    """Communication §2.1.1: PUT stores a single statement."""
    response = xapi.put(f"{URL}?statementId={new_id()}", [statement()])
    assert response.status_code == 400


def test_put_same_id_same_content_is_204_and_changes_nothing(xapi):
    """Communication §2.1.1.s2.b2: a repeated id with matching content → 204, no change."""
    statement_id = new_id()
    data = statement()
    assert xapi.put(f"{URL}?statementId={statement_id}", data).status_code == 204
    before = _get(xapi, statement_id)
    assert xapi.put(f"{URL}?statementId={statement_id}", data).status_code == 204
    assert _get(xapi, statement_id) == before
    assert Statement.objects.count() == 1


def test_put_same_id_different_content_is_409_and_keeps_the_original(xapi):
    """Communication §2.1.1.s2.b3 (XAPI-00142): a different statement under a stored id
    → 409 Conflict, and the stored one stays as it was."""
    statement_id = new_id()
    data = statement()
    assert xapi.put(f"{URL}?statementId={statement_id}", data).status_code == 204
    changed = {**data, "verb": {"id": "http://example.com/different/verb/iri"}}
    response = xapi.put(f"{URL}?statementId={statement_id}", changed)
    assert response.status_code == 409
    assert _get(xapi, statement_id)["verb"]["id"] == data["verb"]["id"]


def test_repeat_differing_only_in_exceptions_to_immutability_is_204(xapi):
    """Data §2.3.1.s9.b1: differences the immutability exceptions allow are ignored
    (authority, stored, version, timestamp serialisation, verb display, activity
    definitions, member order, attachments, e-mail domain case)."""
    statement_id = new_id()
    members = [agent(), agent()]
    original = statement(
        id=statement_id,
        actor={"objectType": "Group", "member": members},
        timestamp="2024-05-04T12:00:00-05:00",
        object=activity("http://example.com/a/immutable", name={"en-US": "First name"}),
        context={"instructor": {"mbox": "mailto:Teacher@Example.COM"}},
    )
    assert xapi.post(URL, original).status_code == 200
    repeat = statement(
        id=statement_id,
        actor={"objectType": "Group", "member": list(reversed(members))},
        timestamp="2024-05-04T17:00:00.000Z",
        verb={**original["verb"], "display": {"fr-FR": "a vécu"}},
        object=activity("http://example.com/a/immutable", name={"en-GB": "Other"}),
        context={"instructor": {"mbox": "mailto:Teacher@example.com"}},
        version="1.0.0",
        stored="2011-07-15T00:00:00Z",
        authority={"mbox": "mailto:someone@example.com"},
    )
    assert xapi.post(URL, repeat).status_code == 200


def test_repeat_with_a_different_local_part_case_is_a_conflict(xapi):
    """Data §2.3.1.s9.b2: only the e-mail domain is case-insensitive."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id, actor={"mbox": "mailto:ann@x.org"}))
    response = xapi.post(
        URL, statement(id=statement_id, actor={"mbox": "mailto:Ann@x.org"})
    )
    assert response.status_code == 409


# --- POST -------------------------------------------------------------------------


def test_post_single_statement_returns_200_and_its_id(xapi):
    """Communication §2.1.2 (XAPI-00146): 200 with an array of the stored ids."""
    statement_id = new_id()
    response = xapi.post(URL, statement(id=statement_id))
    assert response.status_code == 200
    assert response.json() == [statement_id]


def test_post_generates_ids_for_statements_without_one(xapi):
    """Data §2.4.1.s2.b1 (XAPI-00026): the LRS generates missing ids (UUIDs)."""
    given = new_id()
    response = xapi.post(URL, [statement(), statement(id=given), statement()])
    ids = response.json()
    assert response.status_code == 200
    assert len(ids) == 3 and ids[1] == given
    for statement_id in ids:
        assert _get(xapi, statement_id)["id"] == str(uuid.UUID(statement_id))


def test_post_batch_with_the_same_id_twice_is_400_and_stores_nothing(xapi):
    """Communication §2.1.2.s2.b6: a batch holding one id twice → 400."""
    statement_id = new_id()
    response = xapi.post(URL, [statement(id=statement_id), statement(id=statement_id)])
    assert response.status_code == 400
    assert "twice" in response.json()["error"]["message"]
    assert not Statement.objects.exists()


def test_post_batch_with_a_conflict_stores_nothing(xapi):
    """Communication §3.2 (all or nothing): a batch with one conflicting statement is
    refused as a whole."""
    taken = new_id()
    xapi.post(URL, statement(id=taken))
    fresh = new_id()
    response = xapi.post(
        URL,
        [statement(id=fresh), statement(id=taken, verb={"id": "http://x.org/other"})],
    )
    assert response.status_code == 409
    assert not Statement.objects.filter(statement_id=fresh).exists()


def test_post_batch_with_one_invalid_statement_stores_nothing(xapi):
    """Communication §3.2.s2 ("does not process any batch of Statements in which one
    or more Statements is rejected"); the 400 names the statement's index and field."""
    good = new_id()
    response = xapi.post(URL, [statement(id=good), statement(id="not-a-uuid")])
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("[1].id")
    assert not Statement.objects.exists()


def test_post_repeating_a_stored_statement_in_a_batch_stores_the_rest(xapi):
    """Communication §2.1.2.s2.b4: a known id with the same content changes nothing;
    the other statements of the batch are stored."""
    known = statement(id=new_id())
    xapi.post(URL, known)
    fresh = statement(id=new_id())
    response = xapi.post(URL, [known, fresh])
    assert response.json() == [known["id"], fresh["id"]]
    assert Statement.objects.count() == 2


def test_post_with_parameters_is_400(xapi):
    """Communication §3.2.s3.b7: POST /statements takes no parameters."""
    response = xapi.post(f"{URL}?statementId={new_id()}", statement())
    assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    ['{"actor": ', "[]", "42", '"text"', '{"a": 1, "a": 2}', '{"x": NaN}'],
    ids=["truncated", "empty-array", "number", "string", "duplicate-key", "nan"],
)
def test_post_of_malformed_json_is_400(xapi, body):
    """Data §2.2 (XAPI-00014): statements are well-formed JSON objects; a property
    used twice is not (Multiplicity)."""
    response = xapi.post(URL, body)
    assert response.status_code == 400


def test_post_with_form_content_type_is_400(xapi):
    """Communication §1.5 (XAPI-00127): statements come as application/json or
    multipart/mixed, not multipart/form-data."""
    response = xapi.post(
        URL,
        b'{"x": 1}',
        content_type="multipart/form-data; boundary=-------314159265358979323846",
    )
    assert response.status_code == 400


# --- Properties the LRS sets ---------------------------------------------------------


def test_stored_is_set_by_the_lrs_overwriting_any_given(xapi):
    """Data §2.4.8.s3.b2 (XAPI-00097): stored is set by the LRS, with milliseconds."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id, stored="2011-07-15T00:00:00.000Z"))
    stored = _get(xapi, statement_id)["stored"]
    assert stored != "2011-07-15T00:00:00.000Z"
    assert stored.endswith("Z") and len(stored.split(".")[1]) >= 4  # .fffZ


def test_authority_is_the_credential_overwriting_any_given(xapi):
    """Data §2.4.9.s3.b2-b4 (XAPI-00099): the authority is the credential's Agent."""
    statement_id = new_id()
    xapi.post(
        URL,
        statement(
            id=statement_id,
            authority={"objectType": "Agent", "mbox": "mailto:forged@example.com"},
        ),
    )
    assert _get(xapi, statement_id)["authority"] == xapi.credential.authority


def test_timestamp_defaults_to_stored(xapi):
    """Data §2.4.7.s3.b2 (2.0 §4.2.4.2): timestamp = stored when not provided."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id))
    result = _get(xapi, statement_id)
    assert result["timestamp"] == result["stored"]


def test_timestamp_is_returned_in_utc_keeping_its_instant(xapi):
    """Data §4.5.s1.b5-b6: the LRS SHOULD return timestamps in UTC, same instant."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id, timestamp="2023-05-04T12:00:00-05:00"))
    assert _get(xapi, statement_id)["timestamp"] == "2023-05-04T17:00:00.000Z"


def test_future_timestamp_is_accepted(xapi):
    """Data §2.4.7.s3.b6: the LRS SHOULD NOT reject a timestamp in the future."""
    response = xapi.post(URL, statement(timestamp="2999-01-01T00:00:00.000Z"))
    assert response.status_code == 200


def test_version_defaults_to_1_0_0_for_1_0_x(xapi):
    """Data §2.4.10.s3.b3: a statement without version gets 1.0.0."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id))
    assert _get(xapi, statement_id)["version"] == "1.0.0"


def test_version_defaults_to_2_0_0_for_2_0(xapi2):
    """2.0 §4.2.4.3: a statement without version gets 2.0.0."""
    statement_id = new_id()
    xapi2.post(URL, statement(id=statement_id))
    assert _get(xapi2, statement_id)["version"] == "2.0.0"


def test_version_given_is_retained(xapi):
    """Data §2.4.10.s3.b3 (XAPI-00332): statements keep the version they came with."""
    statement_id = new_id()
    xapi.post(URL, statement(id=statement_id, version="1.0.3"))
    assert _get(xapi, statement_id)["version"] == "1.0.3"


def test_single_context_activity_is_returned_as_an_array(xapi):
    """Data §2.4.6.2.s4.b3-b4: contextActivities values are returned as arrays."""
    statement_id = new_id()
    category = activity("http://example.com/category")
    xapi.post(
        URL,
        statement(
            id=statement_id, context={"contextActivities": {"category": category}}
        ),
    )
    result = _get(xapi, statement_id)
    assert result["context"]["contextActivities"]["category"] == [category]


def test_numbers_keep_their_precision(xapi):
    """Data §2.2.s4.b3 (XAPI-00002): numbers keep at least IEEE 754 32-bit precision."""
    statement_id = new_id()
    score = {"scaled": 0.12123434, "raw": 12.125, "min": 0.12123434, "max": 45.45}
    xapi.post(URL, statement(id=statement_id, result={"score": score}))
    assert _get(xapi, statement_id)["result"]["score"] == score


def test_unicode_survives_a_round_trip(xapi):
    """Communication §1.4.s1.b1 (XAPI-00015): strings are UTF-8."""
    statement_id = new_id()
    name = {"nl-NL": "Zaakgericht werken — één keer", "ja-JP": "ゼロ"}
    xapi.post(
        URL,
        statement(id=statement_id, object=activity("http://example.com/u", name=name)),
    )
    assert _get(xapi, statement_id)["object"]["definition"]["name"] == name


def test_statement_columns_are_projected(xapi):
    """The projection columns the queries use match the payload."""
    registration = new_id()
    statement_id = new_id()
    xapi.post(
        URL,
        statement(
            id=statement_id,
            object=activity("http://example.com/columns"),
            context={"registration": registration},
            timestamp="2024-01-02T03:04:05.678Z",
        ),
    )
    row = Statement.objects.get(statement_id=statement_id)
    assert row.object_activity_id == "http://example.com/columns"
    assert str(row.registration) == registration
    assert row.timestamp == datetime.fromisoformat("2024-01-02T03:04:05.678+00:00")
    assert row.verb_id == "http://adlnet.gov/expapi/verbs/experienced"
    assert row.credential == xapi.credential
    assert row.actor_key and row.authority_key


def test_activity_definitions_and_agents_are_recorded(xapi):
    """Communication §2.4-§2.5: the Activities and Agents resources know what the
    statements named."""
    learner = agent(name="Ann", mbox="mailto:ann@example.com")
    xapi.post(
        URL,
        statement(
            actor=learner,
            object=activity("http://example.com/known", name={"en-US": "Known"}),
        ),
    )
    assert Activity.objects.get(activity_id="http://example.com/known").definition == {
        "name": {"en-US": "Known"}
    }
    known = KnownAgent.objects.get()
    assert known.agent == {"objectType": "Agent", "mbox": "mailto:ann@example.com"}
    assert known.names == ["Ann"]


# --- Credentials ----------------------------------------------------------------------


def test_read_only_credential_cannot_write(db):
    """Communication §4.1 scopes: statements/write is needed to store (403)."""
    credential, secret = make_credential(scopes=[Scope.STATEMENTS_READ])
    response = XAPIClient(credential, secret).post(URL, statement())
    assert response.status_code == 403


def test_launch_credential_writes_only_for_its_learner(db):
    """Issue 3 §3 (as cmi5 binds an AU to its actor): a launch credential records
    only its learner's statements, within its registration."""
    from lms.lrs.vocabulary import actor_for

    user = UserFactory()
    registration = uuid.uuid4()
    credential, secret = make_credential(
        scopes=[Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE],
        user=user,
        registration=registration,
    )
    client = XAPIClient(credential, secret)
    own = statement(actor=actor_for(user), context={"registration": str(registration)})
    assert client.post(URL, own).status_code == 200
    someone_else = {**own, "actor": agent()}
    response = client.post(URL, someone_else)
    assert response.status_code == 403
    assert "actor" in response.json()["error"]["message"]
    other_registration = {**own, "context": {"registration": new_id()}}
    assert client.post(URL, other_registration).status_code == 403


def test_request_larger_than_allowed_is_413(xapi, settings):
    """Communication §1.5.2.s3.b7: the LRS MAY reject statements larger than it is
    configured to allow (Django's DATA_UPLOAD_MAX_MEMORY_SIZE) — with 413, not a
    crash."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big = statement(result={"response": "x" * 2000})
    response = xapi.post(URL, big)
    assert response.status_code == 413
    assert not Statement.objects.exists()
