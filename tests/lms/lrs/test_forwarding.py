"""Forwarding statements to an external LRS (issue 3 item 5), against a real HTTP LRS
on 127.0.0.1 (tests/lms/lrs/fake_lrs.py)."""

import base64
import hashlib
import socket
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.signals import task_enqueued

from lms.lrs import vocabulary
from lms.lrs.forwarding import (
    endpoint_backlog,
    endpoint_drain,
    endpoint_lag,
    forwarding_request_drain,
    forwarding_sweep,
    statement_filter_errors,
    statement_for_version,
)
from lms.lrs.models import (
    ForwardingEndpoint,
    ForwardingRejection,
    Statement,
)
from lms.lrs.signals import statement_recorded
from lms.lrs.storage import AttachmentPart, statements_store
from tests.lms.lrs.fake_lrs import FakeLRS

COURSE = "http://testserver/xapi/activities/module/"


@pytest.fixture(autouse=True)
def _forwarding_settings(settings):
    settings.LRS_FORWARDING_TIMEOUT = 0.5
    settings.LRS_FORWARDING_BACKOFF_BASE = 10
    settings.LRS_FORWARDING_BACKOFF_MAX = 3600
    # Test databases do not start their sequences at 1 (PostgreSQL keeps them across
    # rolled-back tests): without this, the first statement would look like a gap.
    settings.LRS_FORWARDING_SETTLE_SECONDS = 0


@pytest.fixture
def remote():
    lrs = FakeLRS().start()
    yield lrs
    lrs.stop()


def make_endpoint(remote: FakeLRS, **kwargs) -> ForwardingEndpoint:
    defaults = {
        "name": "Ralph",
        "url": remote.url,
        "username": "zaakwijs",
        "password": "geheim",
        "batch_size": 100,
    }
    return ForwardingEndpoint.objects.create(**{**defaults, **kwargs})


def stored_statement(
    *,
    verb: vocabulary.Verb = vocabulary.COMPLETED,
    activity: str | None = None,
    version: str = "1.0.3",
    stored=None,
    parts=None,
    **extra,
) -> Statement:
    """A statement stored through the storage service, as an xAPI client's would be.

    ``stored`` backdates the row (the storage order is unchanged): statements that
    have been waiting a while. ``parts`` are the attachments' raw data by sha2.
    """
    statement_id = str(uuid.uuid4())
    statement = {
        "id": statement_id,
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "http://testserver", "name": str(uuid.uuid4())},
        },
        "verb": verb.as_dict(),
        "object": {
            "objectType": "Activity",
            "id": activity or f"{COURSE}{statement_id[:8]}",
        },
        **extra,
    }
    statements_store(
        statements=[statement],
        authority=vocabulary.platform_authority(),
        version=version,
        attachments=parts,
    )
    row = Statement.objects.get(statement_id=statement_id)
    if stored is not None:
        Statement.objects.filter(pk=row.pk).update(stored=stored)
        row.stored = stored
    return row


def ids(statements) -> list[str]:
    return [str(s.statement_id) for s in statements]


@pytest.mark.django_db
def test_delivers_every_statement_in_storage_order_in_batches(remote):
    """Issue 3 item 5 / 1.0.3 Communication 2.1.2 (POST a batch of statements):
    batches of batch_size, in storage order, with Basic auth and the version header."""
    endpoint = make_endpoint(remote, batch_size=100)
    statements = [stored_statement() for _ in range(250)]

    outcome = endpoint_drain(endpoint_id=endpoint.pk)

    assert outcome.delivered == 250
    assert [len(r.statements) for r in remote.requests] == [100, 100, 50]
    assert remote.stored_ids == ids(statements)
    first = remote.requests[0]
    token = base64.b64encode(b"zaakwijs:geheim").decode()
    assert first.headers["Authorization"] == f"Basic {token}"
    assert first.headers["X-Experience-API-Version"] == "1.0.3"
    assert first.headers["Content-Type"] == "application/json"
    endpoint.refresh_from_db()
    assert endpoint.cursor == statements[-1].seq
    assert endpoint.last_success_at is not None
    assert not endpoint_backlog(endpoint).exists()
    assert endpoint.lease_token == ""


@pytest.mark.django_db
def test_remote_outage_then_recovery_loses_nothing_and_keeps_order(remote):
    """Issue 3 item 5: while the remote answers 503 nothing is lost; afterwards every
    statement, also those recorded during the outage, arrives once and in order."""
    endpoint = make_endpoint(remote, batch_size=3)
    before = [stored_statement() for _ in range(4)]
    remote.answer_status = 503
    start = timezone.now()

    outcome = endpoint_drain(endpoint_id=endpoint.pk, now=start)

    assert outcome.failed and outcome.delivered == 0
    endpoint.refresh_from_db()
    assert endpoint.cursor == 0
    assert endpoint.consecutive_failures == 1
    assert endpoint.next_attempt_at == start + timedelta(seconds=10)
    assert endpoint.last_error.startswith("503")
    assert endpoint_lag(endpoint, now=start + timedelta(minutes=1)) >= timedelta(
        minutes=1
    )

    during = [stored_statement() for _ in range(3)]
    # Within the back-off nothing is tried, however often a drain is asked for.
    tried = len(remote.requests)
    skipped = endpoint_drain(endpoint_id=endpoint.pk, now=start + timedelta(seconds=5))
    assert skipped.skipped == "backing off"
    assert len(remote.requests) == tried

    remote.answer_status = None
    outcome = endpoint_drain(endpoint_id=endpoint.pk, now=start + timedelta(seconds=11))

    assert outcome.delivered == 7
    assert remote.stored_ids == ids(before + during)
    assert remote.redelivered == []
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0
    assert endpoint.next_attempt_at is None
    assert endpoint.cursor == during[-1].seq


@pytest.mark.django_db
def test_timeout_is_a_failure_and_the_same_batch_is_retried(remote):
    """Issue 3 item 5: a remote that does not answer in time is retried later, from
    the same statement."""
    endpoint = make_endpoint(remote)
    statements = [stored_statement() for _ in range(2)]
    remote.hang = True
    start = timezone.now()

    outcome = endpoint_drain(endpoint_id=endpoint.pk, now=start)

    assert outcome.failed
    endpoint.refresh_from_db()
    assert endpoint.cursor == 0
    assert "0.5 seconds" in endpoint.last_error

    remote.hang = False
    endpoint_drain(endpoint_id=endpoint.pk, now=start + timedelta(seconds=10))
    assert remote.stored_ids == ids(statements)


@pytest.mark.django_db
def test_unreachable_remote_is_a_failure():
    """Issue 3 item 5: a refused connection backs off like an outage."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    endpoint = ForwardingEndpoint.objects.create(
        name="down", url=f"http://127.0.0.1:{port}/xapi"
    )
    stored_statement()

    outcome = endpoint_drain(endpoint_id=endpoint.pk)

    assert outcome.failed
    endpoint.refresh_from_db()
    assert endpoint.cursor == 0
    assert "ConnectionError" in endpoint.last_error


@pytest.mark.django_db
def test_back_off_grows_exponentially_up_to_the_maximum(remote, settings):
    """Issue 3 item 5: retries with back-off while the remote is down."""
    settings.LRS_FORWARDING_BACKOFF_MAX = 60
    endpoint = make_endpoint(remote)
    stored_statement()
    remote.answer_status = 500
    now = timezone.now()
    pauses = []
    for _ in range(5):
        endpoint_drain(endpoint_id=endpoint.pk, now=now)
        endpoint.refresh_from_db()
        pauses.append((endpoint.next_attempt_at - now).total_seconds())
        now = endpoint.next_attempt_at

    assert pauses == [10, 20, 40, 60, 60]
    assert endpoint.consecutive_failures == 5


@pytest.mark.django_db
def test_a_statement_the_remote_refuses_does_not_block_the_others(remote):
    """Issue 3 item 5: a remote 4xx for one statement does not block the others and is
    kept with the remote's message; the refused statement is not sent again."""
    endpoint = make_endpoint(remote, batch_size=10)
    statements = [stored_statement() for _ in range(5)]
    bad = statements[2]
    remote.refuse[str(bad.statement_id)] = "verb.display: language map expected"

    outcome = endpoint_drain(endpoint_id=endpoint.pk)

    assert outcome.delivered == 4 and outcome.refused == 1 and not outcome.failed
    assert remote.stored_ids == ids(statements[:2] + statements[3:])
    rejection = ForwardingRejection.objects.get()
    assert rejection.statement == bad
    assert rejection.status_code == 400
    assert rejection.message == "verb.display: language map expected"
    endpoint.refresh_from_db()
    assert endpoint.cursor == statements[-1].seq
    assert endpoint.consecutive_failures == 0

    later = stored_statement()
    requests_before = len(remote.requests)
    endpoint_drain(endpoint_id=endpoint.pk)
    assert [r.ids for r in remote.requests[requests_before:]] == [ids([later])]


@pytest.mark.django_db
def test_an_outage_while_isolating_refusals_resumes_where_it_stopped(remote):
    """Issue 3 item 5 (at least once, in order): the remote goes down while the
    statements of a refused batch are sent one by one; the retry starts at the first
    statement that was not answered."""
    endpoint = make_endpoint(remote, batch_size=10)
    statements = [stored_statement() for _ in range(4)]
    remote.refuse[str(statements[0].statement_id)] = "bad"
    # The batch is refused (400), statement 0 alone too, then the remote is down.
    remote.script = [None, None, 503]
    start = timezone.now()

    outcome = endpoint_drain(endpoint_id=endpoint.pk, now=start)

    assert outcome.failed and outcome.refused == 1
    assert [r.ids for r in remote.requests] == [
        ids(statements),
        ids(statements[:1]),
        ids(statements[1:2]),
    ]
    endpoint.refresh_from_db()
    assert endpoint.cursor == statements[0].seq

    endpoint_drain(endpoint_id=endpoint.pk, now=start + timedelta(seconds=10))

    assert remote.requests[-1].ids == ids(statements[1:])
    assert remote.stored_ids == ids(statements[1:])
    assert ForwardingRejection.objects.get().statement == statements[0]


@pytest.mark.django_db
def test_endpoint_level_4xx_backs_off_instead_of_refusing_statements(remote):
    """A 401 says the credentials are wrong, not the statements: nothing is marked
    refused, the batch waits for the configuration to be fixed."""
    endpoint = make_endpoint(remote)
    stored_statement()
    remote.answer_status = 401

    outcome = endpoint_drain(endpoint_id=endpoint.pk)

    assert outcome.failed
    assert not ForwardingRejection.objects.exists()
    endpoint.refresh_from_db()
    assert endpoint.cursor == 0
    assert endpoint.last_error.startswith("401")


@pytest.mark.django_db
def test_redelivery_is_harmless(remote):
    """Issue 3 item 5 / 1.0.3 Data 2.2 (statement id): when the answer to a delivered
    batch is lost, the same statements are sent again with the same ids and content,
    which the remote accepts without storing anything twice."""
    endpoint = make_endpoint(remote)
    statements = [stored_statement() for _ in range(3)]
    remote.lose_answers = 1
    start = timezone.now()

    first = endpoint_drain(endpoint_id=endpoint.pk, now=start)
    assert first.failed
    second = endpoint_drain(endpoint_id=endpoint.pk, now=start + timedelta(seconds=10))

    assert second.delivered == 3
    assert remote.requests[0].statements == remote.requests[1].statements
    assert remote.redelivered == ids(statements)
    assert remote.stored_ids == ids(statements)


@pytest.mark.django_db
def test_filter_forwards_only_matching_statements_and_voiding(remote):
    """Issue 3 item 5 (optional filter); voiding statements pass every filter
    (1.0.3 Data 2.3.2: a remote may not refuse a voiding statement for a target it
    does not hold)."""
    endpoint = make_endpoint(
        remote,
        statement_filter={
            "verbs": [vocabulary.PASSED.id, vocabulary.FAILED.id],
            "activity_prefixes": [COURSE],
        },
    )
    passed = stored_statement(verb=vocabulary.PASSED)
    stored_statement(verb=vocabulary.EXPERIENCED)
    stored_statement(verb=vocabulary.PASSED, activity="https://elders.example/x")
    failed = stored_statement(verb=vocabulary.FAILED)
    voiding = stored_statement(
        verb=vocabulary.VOIDED,
        activity="",
        object={"objectType": "StatementRef", "id": str(passed.statement_id)},
    )
    last = stored_statement(verb=vocabulary.EXPERIENCED)

    assert endpoint_backlog(endpoint).count() == 3
    endpoint_drain(endpoint_id=endpoint.pk)

    assert remote.stored_ids == ids([passed, failed, voiding])
    endpoint.refresh_from_db()
    # Statements the filter keeps back are stepped over, not waited for.
    assert endpoint.cursor == last.seq


def test_filter_is_checked():
    assert statement_filter_errors({}) == []
    assert statement_filter_errors({"verbs": ["http://x/y"]}) == []
    assert statement_filter_errors({"verb": ["x"]})
    assert statement_filter_errors({"verbs": "http://x/y"})
    assert statement_filter_errors(["x"])


@pytest.mark.django_db
def test_xapi_2_statements_are_converted_for_a_1_0_3_remote(remote):
    """1.0.3 Data 2.4.10: a 1.0.x LRS rejects a version not starting with "1.0.";
    contextAgents/contextGroups (added in xAPI 2.0) are left out for it. A 2.0 remote
    gets the statement as stored, with the 2.0.0 version header."""
    context = {
        "registration": str(uuid.uuid4()),
        "contextAgents": [
            {"objectType": "contextAgent", "agent": vocabulary.platform_authority()}
        ],
    }
    statement = stored_statement(version="2.0.0", context=context)
    old = make_endpoint(remote, name="old", xapi_version="1.0.3")
    new = make_endpoint(remote, name="new", xapi_version="2.0.0")

    endpoint_drain(endpoint_id=old.pk)
    sent = remote.requests[-1]
    assert sent.headers["X-Experience-API-Version"] == "1.0.3"
    assert sent.statements[0]["version"] == "1.0.0"
    assert sent.statements[0]["context"] == {"registration": context["registration"]}

    remote.stored.clear()
    endpoint_drain(endpoint_id=new.pk)
    sent = remote.requests[-1]
    assert sent.headers["X-Experience-API-Version"] == "2.0.0"
    assert sent.statements[0] == statement.payload
    # The stored statement itself is never changed.
    statement.refresh_from_db()
    assert "contextAgents" in statement.payload["context"]


def test_1_0_statements_go_unchanged_to_either_version():
    payload = {"id": "x", "version": "1.0.0", "context": {"platform": "p"}}
    assert statement_for_version(payload, "1.0.3") is payload
    assert statement_for_version(payload, "2.0.0") is payload


@pytest.mark.django_db
def test_attachments_are_pushed_with_their_data(remote):
    """1.0.3 Communication 1.5.2: an LRS MUST NOT push statements into another LRS
    without the attachment data it received (multipart/mixed)."""
    content = b"%PDF-1.4 besluit"
    sha2 = hashlib.sha256(content).hexdigest()
    attachment = {
        "usageType": "http://id.tincanapi.com/attachment/supporting_media",
        "display": {"nl-NL": "Besluit"},
        "contentType": "application/pdf",
        "length": len(content),
        "sha2": sha2,
    }
    statement = stored_statement(
        parts={sha2: AttachmentPart(sha2, "application/pdf", content)},
        attachments=[attachment],
    )
    endpoint = make_endpoint(remote)

    endpoint_drain(endpoint_id=endpoint.pk)

    sent = remote.requests[-1]
    assert sent.headers["Content-Type"].startswith("multipart/mixed")
    assert sent.ids == ids([statement])
    assert sent.parts == [(sha2, content)]


@pytest.mark.django_db
def test_waits_at_a_gap_in_storage_order_until_it_has_settled(remote, settings):
    """Issue 3 item 5 (in storage order, nothing lost): a seq taken by a transaction
    that has not committed yet must not be overtaken."""
    settings.LRS_FORWARDING_SETTLE_SECONDS = 10
    now = timezone.now()
    first, second, in_flight, after = (stored_statement(stored=now) for _ in range(4))
    endpoint = make_endpoint(remote, cursor=first.seq - 1)
    # As if the third statement's transaction were still open: its seq is taken but
    # the row is not visible.
    in_flight.delete()

    outcome = endpoint_drain(endpoint_id=endpoint.pk, now=now + timedelta(seconds=1))

    assert remote.stored_ids == ids([first, second])
    assert outcome.wait_until == now + timedelta(seconds=10)
    endpoint.refresh_from_db()
    assert endpoint.cursor == second.seq

    # Long enough later the gap is a rolled-back insert: step over it.
    endpoint_drain(endpoint_id=endpoint.pk, now=now + timedelta(seconds=11))
    assert remote.stored_ids == ids([first, second, after])


@pytest.mark.django_db
def test_one_drain_at_a_time_per_endpoint(remote):
    """Two drains sending the same endpoint's batches could overtake each other."""
    endpoint = make_endpoint(remote)
    stored_statement()
    ForwardingEndpoint.objects.filter(pk=endpoint.pk).update(
        lease_token="other", lease_until=timezone.now() + timedelta(minutes=1)
    )

    assert endpoint_drain(endpoint_id=endpoint.pk).skipped == "leased"
    assert remote.requests == []
    # A lease whose holder died expires.
    later = timezone.now() + timedelta(minutes=2)
    assert endpoint_drain(endpoint_id=endpoint.pk, now=later).delivered == 1


@pytest.mark.django_db
def test_inactive_endpoint_gets_nothing(remote):
    endpoint = make_endpoint(remote, is_active=False)
    stored_statement()
    assert endpoint_drain(endpoint_id=endpoint.pk).skipped == "inactive"
    assert remote.requests == []


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# Real worker runs need real transactions (the worker drops a connection it finds
# inside one).
@pytest.mark.django_db(transaction=True)
def test_recorded_statements_queue_one_drain_not_one_per_statement(
    remote, database_tasks
):
    """Issue 3 item 5 (an outbox a background task runner drains): statements
    recorded while a drain is queued do not queue more."""
    from django_tasks_db.models import DBTaskResult

    endpoint = make_endpoint(remote)
    for _ in range(5):
        statement_recorded.send(sender=Statement, statement=stored_statement())

    assert DBTaskResult.objects.count() == 1
    task = DBTaskResult.objects.get()
    assert task.args_kwargs == {"args": [endpoint.pk], "kwargs": {}}

    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0
    )

    assert len(remote.stored) == 5
    endpoint.refresh_from_db()
    assert endpoint.drain_requested_at is None
    # The drain has started, so the next statement asks for a new one.
    statement_recorded.send(sender=Statement, statement=stored_statement())
    assert DBTaskResult.objects.filter(status="READY").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_drain_schedules_its_retry_after_the_back_off(remote, database_tasks):
    from django_tasks_db.models import DBTaskResult

    endpoint = make_endpoint(remote)
    stored_statement()
    remote.answer_status = 503
    forwarding_request_drain()
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0
    )

    endpoint.refresh_from_db()
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == endpoint.next_attempt_at


@pytest.mark.django_db
def test_no_endpoints_no_tasks(database_tasks):
    from django_tasks_db.models import DBTaskResult

    statement_recorded.send(sender=Statement, statement=stored_statement())
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_sweep_drains_the_backlog_once_the_back_off_has_passed(remote):
    """Issue 3 item 5: backlog after an outage is drained by the periodic sweep."""
    endpoint = make_endpoint(remote)
    statements = [stored_statement() for _ in range(3)]
    ForwardingEndpoint.objects.filter(pk=endpoint.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5), consecutive_failures=2
    )
    enqueued = []
    task_enqueued.connect(
        lambda **kw: enqueued.append(kw), weak=False, dispatch_uid="t"
    )
    try:
        assert forwarding_sweep() == []  # still backing off
        ForwardingEndpoint.objects.filter(pk=endpoint.pk).update(
            next_attempt_at=timezone.now() - timedelta(seconds=1)
        )
        call_command("forwarding_sweep")  # the immediate backend runs the drain
    finally:
        task_enqueued.disconnect(dispatch_uid="t")

    assert len(enqueued) == 1
    assert remote.stored_ids == ids(statements)
    assert forwarding_sweep() == []  # nothing left to do
