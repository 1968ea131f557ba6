"""The cold-render PDF limit under load, counted in the real Redis (127.0.0.1:6379):
many new PDFs asked for at the same moment by one person get exactly the documented
number through (limits.PDF_PER_PERSON) and the rest a 429 with Retry-After, and two
app objects sharing the Redis server (two gunicorn workers, or two machines) agree on
one count.

Each app is on a database of its own with real commits (SQLite, or PostgreSQL with
FORUM_SITE_TEST_DATABASE_URL). An RQ worker is registered on a queue of this test's
own, so a PDF that gets through is queued (303 to the progress page), not rendered:
the limit is checked before any WeasyPrint work, and the test stays cheap. Redis keys
get a prefix of this test's own, so parallel runs never share a count."""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager

import pytest
from redis import Redis
from rq import Queue, SimpleWorker

from forum_site import create_app
from forum_site.extensions import db as _db
from forum_site.extensions import limiter
from forum_site.pdf.render import renders
from forum_site.web import limits
from tests import factories
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.security.own_database import app_on_its_own_database
from tests.web.pdf_world import make_briefing, make_meeting
from tests.web.test_pdfs_background import REDIS_URL, redis_answers

pytestmark = pytest.mark.skipif(
    not redis_answers(), reason="needs the Redis server at 127.0.0.1:6379"
)

ALLOWED = limits.PDF_PER_PERSON.times  # the documented number: 30 new PDFs in 10 minutes
ASKED = ALLOWED + 10
# The person's allowance binds before the address's (one person, one address).
assert limits.PDF_PER_ADDRESS.times > ASKED


@pytest.fixture(scope="module")
def first_app(tmp_path_factory):
    yield from app_on_its_own_database(tmp_path_factory, "pdflimit")


@pytest.fixture(scope="module")
def place(first_app):
    """One member of a forum and enough briefings for ASKED different cold PDFs."""
    with first_app.app_context():
        session = _db.session
        council = make_organisation(session)
        commissioner = make_commissioner(session, council)
        member = make_user(session)
        forum = make_forum(session, organisations=[council], members=[member])
        meeting = make_meeting(session, forum)
        briefings = [
            make_briefing(
                session, forum, meeting, commissioner, title=f"Bus times {n}", body="Buses."
            ).id
            for n in range((ASKED + 1) // 2)
        ]
        session.commit()
        urls = [
            f"/print/briefings/{b}/{version}.pdf"
            for b in briefings
            for version in ("standard", "large-print")
        ][:ASKED]
        return {"member": member.email, "urls": urls}


def _twin(app):
    """A second app object on the same database, as a second worker would be."""
    keys = ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "SITE_URL", "PDF_CACHE_DIR")
    twin = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            **{key: app.config[key] for key in keys},
        }
    )
    return twin


@contextmanager
def limited_through_redis(*apps):
    """Limits on, counted in Redis under a prefix of this test's own, and a worker
    listening on a queue of this test's own (so PDFs are queued, not rendered)."""
    connection = Redis.from_url(REDIS_URL)
    prefix = f"forum-site-limits-test-{uuid.uuid4().hex}"
    queue = Queue(f"pdfs-limits-{uuid.uuid4().hex}", connection=connection)
    listening = SimpleWorker([queue], connection=connection, name=f"limits-{uuid.uuid4().hex}")
    listening.register_birth()
    old = [
        {
            k: app.config.get(k)
            for k in ("REDIS_URL", "PDF_QUEUE", "RATELIMIT_ENABLED", "RATE_COUNT_PREFIX")
        }
        for app in apps
    ]
    for app in apps:
        app.config.update(
            REDIS_URL=REDIS_URL,
            PDF_QUEUE=queue.name,
            RATELIMIT_ENABLED=True,
            RATE_COUNT_PREFIX=prefix,
        )
        app.extensions.pop("forum_site_limits_redis", None)
    limiter.enabled = False  # Flask-Limiter's per-route limits are not what is tested here
    try:
        yield connection, prefix
    finally:
        for app, values in zip(apps, old, strict=True):
            app.config.update(values)
            app.extensions.pop("forum_site_limits_redis", None)
        listening.register_death()
        queue.delete(delete_jobs=True)
        for key in connection.scan_iter(f"{prefix}:*"):
            connection.delete(key)
        for key in connection.scan_iter(f"{queue.key}:*"):
            connection.delete(key)


def _signed_in(app, email: str):
    client = app.test_client()
    client.check_pages = False
    response = client.post("/sign-in", data={"email": email, "password": factories.PASSWORD})
    assert response.status_code == 303
    return client


def _all_at_once(jobs) -> list:
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


def _ask_all(clients, urls) -> list:
    """Each URL from its own client (one person, signed in on each), all at once."""
    answers = _all_at_once([lambda c=c, u=u: c.get(u) for c, u in zip(clients, urls, strict=True)])
    errors = [a for a in answers if isinstance(a, Exception)]
    assert errors == []
    return answers


def _person_count(connection, prefix: str, app, user_id: int) -> int:
    with app.test_request_context():
        return limits.count(limits.PDF_PER_PERSON, f"user:{user_id}")


def _check_refusals(answers) -> tuple[int, int]:
    through = [a for a in answers if a.status_code == 303]
    refused = [a for a in answers if a.status_code == 429]
    assert len(through) + len(refused) == len(answers), sorted({a.status_code for a in answers})
    for answer in through:
        assert answer.headers["Location"].startswith("/print/wait/")
    for answer in refused:
        assert 0 < int(answer.headers["Retry-After"]) <= limits.PDF_PER_PERSON.seconds
        assert "Please wait before printing more" in answer.get_data(as_text=True)
    return len(through), len(refused)


def _member_id(app, email: str) -> int:
    from sqlalchemy import select

    from forum_site.models import User

    with app.app_context():
        return _db.session.scalar(select(User.id).where(User.email == email))


def test_new_pdfs_asked_for_at_once_get_the_documented_number_through(first_app, place):
    clients = [_signed_in(first_app, place["member"]) for _ in place["urls"]]
    before = renders.count
    with limited_through_redis(first_app) as (connection, prefix):
        answers = _ask_all(clients, place["urls"])
        assert _check_refusals(answers) == (ALLOWED, ASKED - ALLOWED)
        member = _member_id(first_app, place["member"])
        assert (
            _person_count(connection, prefix, first_app, member) == ALLOWED
        )  # refusals take theirs back
        used_up = clients[0].get(place["urls"][0].replace("standard", "easy-read"))
        assert used_up.status_code == 429  # a new PDF now: the allowance is used up
    assert renders.count == before  # queued, never rendered here


def test_two_apps_sharing_redis_agree_on_the_count(first_app, place):
    second_app = _twin(first_app)
    try:
        urls = place["urls"]
        half = len(urls) // 2
        clients = [_signed_in(first_app, place["member"]) for _ in urls[:half]]
        clients += [_signed_in(second_app, place["member"]) for _ in urls[half:]]
        with limited_through_redis(first_app, second_app) as (connection, prefix):
            answers = _ask_all(clients, urls)
            through, refused = _check_refusals(answers)
            assert (through, refused) == (ALLOWED, ASKED - ALLOWED)
            # Either app alone would let all its half through: only a shared count stops it.
            assert half < ALLOWED and len(urls) - half < ALLOWED
            member = _member_id(first_app, place["member"])
            assert _person_count(connection, prefix, first_app, member) == ALLOWED
            assert _person_count(connection, prefix, second_app, member) == ALLOWED
            # Once used up on one, the other refuses too.
            fresh = place["urls"][0].replace("standard", "easy-read")
            assert clients[-1].get(fresh).status_code == 429
            assert clients[0].get(fresh).status_code == 429
    finally:
        with second_app.app_context():
            _db.engine.dispose()
