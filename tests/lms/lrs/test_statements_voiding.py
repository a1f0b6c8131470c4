"""Voiding: xAPI 1.0.3 Data §2.3.2 and Communication §2.1.4 (2.0 §4.2.5)."""

from lms.lrs.models import Statement
from tests.lms.lrs.statement_factories import new_id, statement, voiding

URL = "/xapi/statements"


def _post(xapi, *statements) -> list[str]:
    response = xapi.post(URL, list(statements))
    assert response.status_code == 200, response.content
    return response.json()


def test_voided_statement_is_only_found_by_voided_statement_id(xapi):
    """Data §2.3.2.s2.b3 (XAPI-00018), Communication §2.1.4.s1.b1 (XAPI-00163):
    a voided statement is 404 by statementId and 200 by voidedStatementId."""
    (target,) = _post(xapi, statement())
    _post(xapi, voiding(target))
    assert xapi.get(URL, statementId=target).status_code == 404
    response = xapi.get(URL, voidedStatementId=target)
    assert response.status_code == 200
    assert response.json()["id"] == target


def test_voided_statements_are_left_out_of_results(xapi):
    """Communication §2.1.4.s1.b1: no voided statement in a StatementResult."""
    (target,) = _post(xapi, statement())
    (voiding_id,) = _post(xapi, voiding(target))
    ids = [s["id"] for s in xapi.get(URL).json()["statements"]]
    assert ids == [voiding_id]


def test_voided_statement_id_of_a_statement_not_voided_is_404(xapi):
    """Communication §2.1.3: voidedStatementId only finds voided statements."""
    (statement_id,) = _post(xapi, statement())
    assert xapi.get(URL, voidedStatementId=statement_id).status_code == 404


def test_voiding_a_missing_statement_is_accepted_and_voids_it_on_arrival(xapi):
    """Data §2.3.2.s2.b5 (2.0 §4.2.4.1): a voiding statement is not rejected because
    its target is absent; the target, when it arrives, is voided (§2.3.2.s2.b3:
    voided iff a voiding statement refers to it)."""
    target = new_id()
    _post(xapi, voiding(target))
    _post(xapi, statement(id=target))
    assert xapi.get(URL, statementId=target).status_code == 404
    assert xapi.get(URL, voidedStatementId=target).status_code == 200


def test_voiding_within_one_batch(xapi):
    """Data §2.3.2.s2.b3: the target and its voiding statement in one batch."""
    target = new_id()
    _post(xapi, statement(id=target), voiding(target))
    assert Statement.objects.get(statement_id=target).voided


def test_voiding_a_voiding_statement_is_400_and_it_stays(xapi):
    """Data §2.3.2 (XAPI-00016): a voiding statement cannot be voided; the LRS may
    reject the request, and the voiding statement stays retrievable."""
    (target,) = _post(xapi, statement())
    (voiding_id,) = _post(xapi, voiding(target))
    response = xapi.post(URL, voiding(voiding_id))
    assert response.status_code == 400
    assert "voiding statement cannot be voided" in response.json()["error"]["message"]
    assert xapi.get(URL, statementId=voiding_id).status_code == 200


def test_voiding_a_voiding_statement_in_the_same_batch_is_400(xapi):
    first = voiding(new_id(), id=new_id())
    response = xapi.post(URL, [first, voiding(first["id"])])
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_voiding_an_already_voided_statement_is_accepted(xapi):
    """XAPI-00016: voiding again leaves the statement voided."""
    (target,) = _post(xapi, statement())
    _post(xapi, voiding(target))
    _post(xapi, voiding(target))
    assert xapi.get(URL, voidedStatementId=target).status_code == 200


def test_a_voiding_statement_is_never_voided_even_when_targeted_first(xapi):
    """Data §2.3.2.s2.b3: voided "if and only if the Statement is not itself a voiding
    Statement" — also when the statement targeting it arrived before it."""
    later = voiding(new_id(), id=new_id())
    _post(xapi, voiding(later["id"]))  # its target is not stored yet: accepted
    _post(xapi, later)
    assert not Statement.objects.get(statement_id=later["id"]).voided
    assert xapi.get(URL, statementId=later["id"]).status_code == 200


def test_verb_voided_without_a_statement_ref_is_not_voiding(xapi):
    """Data §2.3.2.s2.b1: only a StatementRef object voids; a voided verb with an
    Activity object voids nothing (the validator decides whether it is valid)."""
    (target,) = _post(xapi, statement())
    response = xapi.post(
        URL,
        statement(
            verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
            object={"objectType": "Activity", "id": "http://example.com/x"},
        ),
    )
    assert response.status_code in (200, 400)
    assert not Statement.objects.get(statement_id=target).voided
