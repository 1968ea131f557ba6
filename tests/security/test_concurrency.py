"""Many people at once, on a database of its own with real commits (a SQLite file, or a
new PostgreSQL database), each person a test client with their own session and
connection, in threads.

- The same PDF asked for at the same moment is rendered once (inline) or queued once
  (with an RQ worker listening): everyone gets it.
- 20 readers and 5 writers at once give no "database is locked" and no 5xx (on SQLite
  that needs WAL, busy_timeout, writers taking the lock first, and no writes on GET)."""

from __future__ import annotations

import threading
import time
import uuid
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from redis import Redis
from rq import Queue, SimpleWorker

from forum_site.extensions import db as _db
from forum_site.models import Contribution
from forum_site.pdf.render import renders
from tests import factories
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.security.own_database import app_on_its_own_database
from tests.web.pdf_world import make_briefing, make_budget, make_meeting
from tests.web.test_pdfs_background import REDIS_URL, redis_answers

READERS, WRITERS = 20, 5


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    yield from app_on_its_own_database(tmp_path_factory, "live")


@pytest.fixture(scope="module")
def place(live_app):
    with live_app.app_context():
        session = _db.session
        council = make_organisation(session)
        commissioner = make_commissioner(session, council)
        members = [make_user(session) for _ in range(WRITERS)]
        forum = make_forum(session, organisations=[council], members=members)
        meeting = make_meeting(session, forum)
        briefing = make_briefing(session, forum, meeting, commissioner)
        budget = make_budget(session, council, forum, meeting)
        session.commit()
        return {
            "slug": forum.slug,
            "forum_id": forum.id,
            "members": [m.email for m in members],
            "meeting": meeting.id,
            "briefing": briefing.id,
            "budget": budget.id,
        }


def _signed_in(app, email: str):
    client = app.test_client()
    client.check_pages = False
    response = client.post("/sign-in", data={"email": email, "password": factories.PASSWORD})
    assert response.status_code == 303
    return client


def _all_at_once(jobs) -> list:
    """Run each job in its own thread, started together; their results (or errors)."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as error:  # in testing mode a crash propagates: it is a 500
            results[index] = error

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_the_same_pdf_asked_for_at_once_is_rendered_once(live_app, place):
    people = [_signed_in(live_app, email) for email in place["members"][:4]]
    url = f"/print/briefings/{place['briefing']}/large-print.pdf"
    before = renders.count
    answers = _all_at_once([lambda c=c: c.get(url) for c in people])
    assert [getattr(a, "status_code", a) for a in answers] == [200] * 4
    assert len({a.get_data() for a in answers}) == 1
    assert renders.count == before + 1


@pytest.mark.skipif(not redis_answers(), reason="needs the Redis server at 127.0.0.1:6379")
def test_the_same_pdf_asked_for_at_once_is_queued_once(live_app, place):
    connection = Redis.from_url(REDIS_URL)
    queue = Queue(f"pdfs-live-{uuid.uuid4().hex}", connection=connection)
    listening = SimpleWorker([queue], connection=connection, name=f"live-{uuid.uuid4().hex}")
    listening.register_birth()
    people = [_signed_in(live_app, email) for email in place["members"][:4]]
    url = f"/print/budgets/{place['budget']}/easy-read.pdf"
    old = {k: live_app.config.get(k) for k in ("REDIS_URL", "PDF_QUEUE")}
    live_app.config.update(REDIS_URL=REDIS_URL, PDF_QUEUE=queue.name)
    try:
        before = renders.count
        answers = _all_at_once([lambda c=c: c.get(url) for c in people])
        assert [getattr(a, "status_code", a) for a in answers] == [303] * 4
        assert len({urlsplit(a.headers["Location"]).path for a in answers}) == 1
        for _ in range(50):  # the job is saved, then put on the queue's list
            if len(queue):
                break
            time.sleep(0.05)
        assert len(queue) == 1, [
            (k, connection.hget(k, "status"), connection.hget(k, "origin"))
            for k in connection.keys(f"rq:job:pdf-{queue.name}-*")
        ]
        SimpleWorker([queue], connection=connection).work(burst=True)
        assert renders.count == before + 1
        assert {people[0].get(url).status_code} == {200}
    finally:
        live_app.config.update(old)
        listening.register_death()
        queue.delete(delete_jobs=True)


def _reader(client, urls):
    def read():
        return [client.get(u).status_code for u in urls]

    return read


def _writer(client, slug, n):
    def write():
        url = f"/forums/{slug}/contributions"
        return [
            client.post(
                url,
                data={
                    "text": f"The lift at the library is broken ({n}.{k}).",
                    "visibility": "shared",
                },
            ).status_code
            for k in range(4)
        ]

    return write


def test_twenty_readers_and_five_writers_at_once(live_app, place):
    slug = place["slug"]
    pages = [
        f"/forums/{slug}",
        f"/forums/{slug}/meetings",
        f"/meetings/{place['meeting']}",
        f"/forums/{slug}/meetings/calendar",
        f"/forums/{slug}/contributions",
        "/inbox",
        f"/briefings/{place['briefing']}",
        f"/budgets/{place['budget']}",
    ]
    readers = [_signed_in(live_app, place["members"][n % WRITERS]) for n in range(READERS)]
    writers = [_signed_in(live_app, email) for email in place["members"]]
    jobs = [_reader(c, pages) for c in readers] + [
        _writer(c, slug, n) for n, c in enumerate(writers)
    ]
    results = _all_at_once(jobs)
    errors = [r for r in results if isinstance(r, Exception)]
    assert not [e for e in errors if "database is locked" in str(e)]
    assert errors == []
    statuses = [s for r in results for s in r]
    assert len(statuses) == READERS * len(pages) + WRITERS * 4
    assert [s for s in statuses if s >= 500] == []
    assert set(statuses[: READERS * len(pages)]) == {200}
    with live_app.app_context():
        saved = _db.session.scalar(
            sa.select(sa.func.count()).where(Contribution.text.like("The lift at the library%"))
        )
    assert saved == WRITERS * 4
