"""Issue 3 §6: a third-party xAPI client library (TinCanPython), used over real HTTP
as content would use it, writes and reads statements (Communication §2.1)."""

import uuid

import pytest

from tests.lms.lrs.conftest import make_credential


@pytest.mark.django_db(transaction=True)
def test_a_third_party_xapi_client_writes_queries_pages_and_voids(live_server):
    from tincan import (
        Activity,
        ActivityDefinition,
        Agent,
        AgentAccount,
        LanguageMap,
        RemoteLRS,
        Statement,
        StatementRef,
        Verb,
    )

    credential, secret = make_credential()
    lrs = RemoteLRS(
        endpoint=f"{live_server.url}/xapi/",
        username=credential.key,
        password=secret,
        version="1.0.3",
    )
    learner = Agent(
        name="Ann",
        account=AgentAccount(
            home_page="http://www.example.com", name=str(uuid.uuid4())
        ),
    )
    completed = Verb(
        id="http://adlnet.gov/expapi/verbs/completed",
        display=LanguageMap({"en-US": "completed"}),
    )
    lesson = Activity(
        id="http://www.example.com/activities/lesson-1",
        definition=ActivityDefinition(name=LanguageMap({"en-US": "Lesson 1"})),
    )

    single = lrs.save_statement(Statement(actor=learner, verb=completed, object=lesson))
    assert single.success, single.data
    batch = lrs.save_statements(
        [Statement(actor=learner, verb=completed, object=lesson) for _ in range(3)]
    )
    assert batch.success, batch.data
    first_id = str(single.content.id)

    fetched = lrs.retrieve_statement(first_id)
    assert fetched.success, fetched.data
    assert fetched.content.verb.id == completed.id
    assert fetched.content.authority is not None and fetched.content.stored

    page = lrs.query_statements({"agent": learner, "verb": completed, "limit": 2})
    assert page.success, page.data
    assert len(page.content.statements) == 2 and page.content.more
    rest = lrs.more_statements(page.content)
    assert rest.success, rest.data
    assert len(rest.content.statements) == 2
    seen = {str(s.id) for s in page.content.statements + rest.content.statements}
    assert first_id in seen and len(seen) == 4

    voided = lrs.save_statement(
        Statement(
            actor=learner,
            verb=Verb(id="http://adlnet.gov/expapi/verbs/voided"),
            object=StatementRef(id=first_id),
        )
    )
    assert voided.success, voided.data
    assert not lrs.retrieve_statement(first_id).success
    assert lrs.retrieve_voided_statement(first_id).success
