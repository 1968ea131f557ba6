"""The main pages' queries can all be answered from an index on PostgreSQL (issue 20).

How: each page is fetched through the app while every SELECT it sends is recorded with its
parameters; each one is then EXPLAINed on the same connection with ``enable_seqscan`` off.
With sequential scans switched off the planner still picks one when no index can answer the
query at all, so a "Seq Scan" on one of the tables that grow with history means an index is
missing. (A test database is too small for the planner's own choice to mean anything: it
rightly prefers scanning a 30-row table. ``bench/make_data.py`` plus ``bench/pages.py`` show
the real timings at 200,000 contributions.) ``SET LOCAL`` keeps the setting inside the
test's transaction, which is rolled back. Runs only when the tests run on PostgreSQL.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event

from forum_site.extensions import db as _db
from forum_site.models import Status
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import (
    START,
    answer,
    make_contribution,
    make_decision,
    support,
)
from tests.factories_meetings import make_meeting

GROWING_TABLES = {
    "contribution",
    "contribution_answer",
    "contribution_support",
    "decision",
    "decision_contribution",
    "meeting",
    "membership",
    "inbox_message",
    "briefing_forum",
    "budget_forum",
    "search_entry",
}


@pytest.fixture
def world(db, app):
    with app.app_context():
        if _db.engine.dialect.name != "postgresql":
            pytest.skip("query plans are checked on PostgreSQL")
    council = make_organisation(db, name="Plan Council")
    commissioner = make_commissioner(db, council, name="Pat Plans")
    member = make_user(db, name="Mo Plans")
    forum = make_forum(db, members=[member], organisations=[council])
    meeting = make_meeting(db, forum)
    said = []
    for n in range(5):
        said.append(make_contribution(db, forum, member, meeting_id=meeting.id))
        support(db, said[-1], commissioner)
        if n % 2:
            answer(db, commissioner, said[-1], Status.CONSIDERING, at=START + timedelta(days=2))
            answer(db, commissioner, said[-1], Status.ALREADY_HAPPENING, at=START + timedelta(3))
    make_decision(db, forum, title="A plan decision", logged_by=commissioner, contributions=said)
    return {"forum": forum, "member": member, "commissioner": commissioner, "council": council}


def _pages(world) -> list[tuple[str, object]]:
    slug = world["forum"].slug
    return [
        (f"/forums/{slug}/contributions", None),
        (f"/forums/{slug}/you-said-we-did", None),
        (f"/forums/{slug}/decisions", None),
        (f"/forums/{slug}/meetings", None),
        (f"/forums/{slug}/briefings", None),
        (f"/forums/{slug}/budgets", None),
        (f"/forums/{slug}", world["commissioner"]),
        (f"/forums/{slug}/impact", None),
        (f"/organisations/{world['council'].id}/impact", None),
        ("/contributions/waiting", world["commissioner"]),
        ("/inbox", world["member"]),
        ("/search?q=day+centre", world["member"]),  # the GIN index on search_entry.document
    ]


def _recorded_selects(app, client, path):
    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    with app.app_context():
        engine = _db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200, path
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def _seq_scans(db, statement, parameters) -> list[str]:
    raw = db.connection().connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    scanned = re.findall(r"Seq Scan on (\w+)", plan)
    return [table for table in scanned if table in GROWING_TABLES]


def test_main_pages_read_growing_tables_through_indexes(app, client, db, sign_in, world):
    problems = []
    for path, person in _pages(world):
        if person is not None:
            sign_in(person)
        for statement, parameters in _recorded_selects(app, client, path):
            tables = _seq_scans(db, statement, parameters)
            if tables:
                problems.append(f"{path}: Seq Scan on {tables} in\n{statement[:400]}")
    assert not problems, "\n\n".join(problems)


def test_a_forum_s_topics_come_from_an_index_already_in_order(app, client, db, world):
    """The "you said, we did" filter lists the topics members used: read from the forum's
    topic index alone, instead of visiting each of the forum's rows and sorting them
    (5 ms at 1,000 contributions a forum, 0.5 ms from the index)."""
    path = f"/forums/{world['forum'].slug}/you-said-we-did"
    [(statement, parameters)] = [
        (s, p)
        for s, p in _recorded_selects(app, client, path)
        if "DISTINCT contribution.topic" in s
    ]
    raw = db.connection().connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "ix_contribution_forum_topic" in plan, plan
    assert "Sort" not in plan, plan


def test_the_waiting_list_chooses_its_page_before_joining_people_and_meetings(
    app, client, db, sign_in, world
):
    """No index gives the order of several forums' waiting rows, so they are sorted: the
    page is chosen first and only its rows are joined to their people and meeting (joining
    all 500 of them first took 13 ms at 200,000 contributions, 2 ms this way)."""
    sign_in(world["commissioner"])
    [(statement, parameters)] = [
        (s, p)
        for s, p in _recorded_selects(app, client, "/contributions/waiting")
        if "seek_0" in s and "count(" not in s
    ]
    raw = db.connection().connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute("EXPLAIN " + statement, parameters)
        plan = [row[0] for row in cursor.fetchall()]
    assert not plan[0].startswith("Limit"), "\n".join(plan)
    assert any("Limit" in line for line in plan[1:]), "\n".join(plan)
