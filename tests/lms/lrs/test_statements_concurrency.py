"""Parallel writes of the same statement id (issue 3 §7; Communication §2.1.1.s2.b2-b3):
two writers must never both store different statements under one id.

These run on PostgreSQL, whose row-level concurrency lets two transactions race; on
SQLite one writer holds the database lock, so there is no race to test.
"""

import threading
import time

import pytest
from django.db import close_old_connections, connection, connections, transaction

from lms.lrs.models import Statement
from lms.lrs.storage import StatementConflict, statements_store
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.statement_factories import new_id, statement

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers with one database lock, so two statement "
        "writes cannot race; run with DATABASE_URL=postgres://... to test this",
    ),
]

URL = "/xapi/statements"
AUTHORITY = {"objectType": "Agent", "account": {"homePage": "http://x", "name": "t"}}


def _in_thread(target):
    """Run ``target`` in a thread with its own database connection; return the thread
    and a list that receives its result or exception."""
    outcome = []

    def run():
        try:
            outcome.append(target())
        except Exception as error:  # noqa: BLE001 - reported to the test
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _wait_until_blocked_on_a_lock(timeout: float = 10.0) -> None:
    """Wait (condition-based) until another session waits on a lock."""
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.005)
    raise AssertionError("the second writer never waited for the first")


@pytest.mark.parametrize("same_content", [True, False], ids=["same", "different"])
def test_racing_writer_of_the_same_id_gets_204_or_409(same_content):
    """Communication §2.1.1.s2.b3: writer B looks the id up before writer A commits,
    so only the unique constraint can stop it. B then finds A's statement and answers
    as for any repeated id: nothing stored, 409 if the content differs."""
    statement_id = new_id()
    first = statement(id=statement_id)
    second = (
        first
        if same_content
        else statement(id=statement_id, verb={"id": "http://example.com/other"})
    )
    a_may_commit = threading.Event()
    a_inserted = threading.Event()

    def writer_a():
        with transaction.atomic():
            statements_store(statements=[first], authority=AUTHORITY, version="1.0.3")
            a_inserted.set()
            a_may_commit.wait(timeout=30)
        return "stored"

    thread_a, outcome_a = _in_thread(writer_a)
    assert a_inserted.wait(timeout=30)
    thread_b, outcome_b = _in_thread(
        lambda: statements_store(
            statements=[second], authority=AUTHORITY, version="1.0.3"
        )
    )
    _wait_until_blocked_on_a_lock()  # B is inside its insert, behind A's row
    a_may_commit.set()
    thread_a.join(timeout=30)
    thread_b.join(timeout=30)

    assert outcome_a == ["stored"]
    if same_content:
        assert outcome_b == [[statement_id]]
    else:
        assert len(outcome_b) == 1 and isinstance(outcome_b[0], StatementConflict)
    close_old_connections()
    assert Statement.objects.filter(statement_id=statement_id).count() == 1
    assert Statement.objects.get().payload["verb"] == first["verb"]


def test_parallel_puts_store_one_statement(db):
    """Issue 3 §7: many parallel PUTs of one id with different content: exactly one
    204, the others 409; the stored statement is the winner's."""
    credential, secret = make_credential()
    statement_id = new_id()
    verbs = [f"http://example.com/verbs/{n}" for n in range(6)]
    start = threading.Barrier(len(verbs))

    def put(verb):
        def run():
            client = XAPIClient(credential, secret)
            start.wait(timeout=30)
            response = client.put(
                f"{URL}?statementId={statement_id}", statement(verb={"id": verb})
            )
            return response.status_code, verb

        return run

    threads = [_in_thread(put(verb)) for verb in verbs]
    for thread, _outcome in threads:
        thread.join(timeout=60)
    results = [outcome[0] for _thread, outcome in threads]
    statuses = sorted(status for status, _verb in results)
    assert statuses == [204] + [409] * (len(verbs) - 1), results
    (winner,) = [verb for status, verb in results if status == 204]
    close_old_connections()
    assert Statement.objects.get().verb_id == winner
