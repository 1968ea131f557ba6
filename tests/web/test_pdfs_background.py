"""Making PDFs inline, or in the background with RQ and a progress page that needs no JS.

The queued path runs against the real Redis at 127.0.0.1:6379 with rq's SimpleWorker
in this process, on a queue name of its own so parallel runs never share jobs."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, SimpleWorker

from forum_site.pdf.render import renders
from tests.web.pdf_world import make_world, read_pdf

REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        return bool(Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except RedisError:
        return False


@pytest.fixture
def world(db):
    return make_world(db)


@contextmanager
def settings(app, **values):
    old = {key: app.config.get(key) for key in values}
    app.config.update(values)
    try:
        yield
    finally:
        app.config.update(old)


def test_without_redis_the_pdf_is_made_while_you_wait(app, client, sign_in, world):
    sign_in(world.member)
    with settings(app, REDIS_URL=None):
        before = renders.count
        response = client.get(f"/print/budgets/{world.budget.id}/large-print.pdf")
    assert response.status_code == 200
    assert renders.count == before + 1
    assert "Day services budget 2030" in read_pdf(response.data).flat_text


def test_redis_that_does_not_answer_falls_back_to_inline(app, client, sign_in, world):
    sign_in(world.member)
    with settings(app, REDIS_URL="redis://127.0.0.1:1/0"):
        response = client.get(f"/print/briefings/{world.briefing.id}/standard.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"


@pytest.mark.skipif(not redis_answers(), reason="needs the Redis server at 127.0.0.1:6379")
def test_redis_with_no_worker_renders_inline(app, client, sign_in, world):
    sign_in(world.member)
    with settings(app, REDIS_URL=REDIS_URL, PDF_QUEUE=f"pdfs-test-{uuid.uuid4().hex}"):
        response = client.get(f"/print/briefings/{world.briefing.id}/easy-read.pdf")
    assert response.status_code == 200


@pytest.mark.skipif(not redis_answers(), reason="needs the Redis server at 127.0.0.1:6379")
def test_with_a_worker_the_pdf_is_made_in_the_background(app, client, sign_in, world):
    connection = Redis.from_url(REDIS_URL)
    queue = Queue(f"pdfs-test-{uuid.uuid4().hex}", connection=connection)
    listening = SimpleWorker([queue], connection=connection, name=f"listen-{uuid.uuid4().hex}")
    listening.register_birth()
    sign_in(world.member)
    url = f"/print/meetings/{world.meeting.id}/pack/easy-read.pdf"
    try:
        with settings(app, REDIS_URL=REDIS_URL, PDF_QUEUE=queue.name):
            before = renders.count
            queued = client.get(url)
            assert queued.status_code == 303
            progress = queued.headers["Location"]
            assert urlsplit(progress).path.startswith("/print/wait/")
            waiting = client.get(progress)
            assert waiting.status_code == 200
            assert waiting.soup.h1.get_text() == "We are making your PDF"
            assert waiting.soup.select_one('meta[http-equiv="refresh"]')["content"] == "3"
            assert renders.count == before
            assert len(queue) == 1
            client.get(url)  # asking again while it is queued adds no second job
            assert len(queue) == 1

            SimpleWorker([queue], connection=connection).work(burst=True)
            assert renders.count == before + 1

            ready = client.get(progress)
            assert ready.soup.h1.get_text() == "Your PDF is ready"
            assert not ready.soup.select('meta[http-equiv="refresh"]')
            download = ready.soup.select_one("main a.button")["href"]
            assert download == url
            pdf = client.get(download)
            assert pdf.status_code == 200
            assert renders.count == before + 1
            assert "Spring meeting about day services" in read_pdf(pdf.data).flat_text
    finally:
        listening.register_death()
        queue.delete(delete_jobs=True)


def test_progress_page_refuses_made_up_keys_and_outside_next(client):
    assert client.get("/print/wait/not-a-key").status_code == 404
    page = client.get("/print/wait/" + "a" * 64 + "?next=https://evil.example/")
    assert page.status_code == 200
    links = [a["href"] for a in page.soup.select("main a")]
    assert links and not any("evil.example" in link for link in links)


def test_progress_page_in_easy_read(client):
    client.set_cookie("reading_prefs", "easy_read=1")
    page = client.get("/print/wait/" + "b" * 64 + "?next=/print/budgets/1/standard.pdf")
    assert page.status_code == 200
    assert page.soup.select(".er-row")
    assert page.soup.select_one("main a.er-big-link")["href"] == "/print/budgets/1/standard.pdf"
