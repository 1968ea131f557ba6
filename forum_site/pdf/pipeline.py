"""From a document and a version to a PDF file: cache first, then a worker or inline.

The final HTML is built in the request (it needs the reader's language and
permissions); only WeasyPrint's work moves to the background. With REDIS_URL set and
at least one RQ worker listening, a missing PDF is queued and the reader sees a
progress page; otherwise it is rendered inline.

Requests for the same document at once share one render: one job is queued (a Redis
key taken with NX), and inline renders wait on a lock per cache key. A document over
PDF_MAX_PAGES pages is laid out once, remembered as too long and never served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from forum_site.pdf.cache import PdfCache, cache_key
from forum_site.pdf.documents import PrintDocument, Version, final_html, page_size

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ready:
    key: str
    path: Path


@dataclass(frozen=True)
class Queued:
    key: str


@dataclass(frozen=True)
class TooLong:
    key: str
    pages: int
    most: int


def pdf_cache() -> PdfCache:
    folder = (
        current_app.config.get("PDF_CACHE_DIR") or Path(current_app.instance_path) / "pdf-cache"
    )
    return PdfCache(folder)


def get_pdf(
    document: PrintDocument,
    version: Version,
    before_render: Callable[[], None] | None = None,
) -> Ready | Queued | TooLong:
    """``before_render`` is called only when a render really starts here (not for a
    cached file, nor for a job someone else queued): the place for cold-render limits."""
    html = final_html(document, version)
    key = cache_key(html, version.value, page_size())
    cache = pdf_cache()
    if (found := _known(cache, key)) is not None:
        return found
    queue = background_queue()
    if queue is not None and _enqueue(queue, html, key, cache, before_render):
        return Queued(key)
    from forum_site.jobs import make_pdf

    make_pdf(html, key, str(cache.folder), max_pages(), before_render)
    return _known(cache, key) or Ready(key, cache.path_for(key))


def _known(cache: PdfCache, key: str) -> Ready | TooLong | None:
    if (path := cache.get(key)) is not None:
        return Ready(key, path)
    if (pages := cache.too_long(key)) is not None:
        return TooLong(key, pages, max_pages())
    return None


def max_pages() -> int:
    return int(current_app.config.get("PDF_MAX_PAGES") or 0)


def background_queue():
    """The RQ queue, when Redis answers and a worker listens to it; None otherwise."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue, Worker

    try:
        connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        queue = Queue(queue_name(), connection=connection)
        return queue if Worker.count(queue=queue) > 0 else None
    except RedisError:
        log.warning("Redis is not answering; making the PDF while the reader waits.")
        return None


def queue_name() -> str:
    return current_app.config.get("PDF_QUEUE", "pdfs")


def _enqueue(queue, html: str, key: str, cache: PdfCache, before_render=None) -> bool:
    """Queue the job unless it is queued already; True when the reader should wait for it.

    Two requests at the same moment both find no job; only the one that takes the
    short-lived ``<queue>:<job>:queuing`` key queues it (and is counted), the other just waits."""
    from redis.exceptions import RedisError

    try:
        job = _existing_job(queue, job_id(key))
        if job is not None and job.get_status(refresh=True) in _IN_PROGRESS:
            return True
        queuing = f"{queue.key}:{job_id(key)}:queuing"
        if not queue.connection.set(queuing, 1, nx=True, ex=30):
            return True
        try:
            if before_render is not None:
                before_render()
        except BaseException:
            queue.connection.delete(queuing)
            raise
        queue.enqueue_call(
            "forum_site.jobs.make_pdf",
            args=(html, key, str(cache.folder), max_pages()),
            job_id=job_id(key),
            result_ttl=600,
            failure_ttl=3600,
            timeout=300,
        )
        return True
    except RedisError:
        log.warning("Could not queue a PDF; making it while the reader waits.")
        return False


def _existing_job(queue, wanted: str):
    """The job if it exists. Not ``queue.fetch_job``: when the job is missing it takes the
    id off the queue's list, and if another request queued the job between that read and
    that removal, the job is left "queued" on no list and the PDF is never made."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(wanted, connection=queue.connection, serializer=queue.serializer)
    except NoSuchJobError:
        return None
    return job if job.origin == queue.name else None


_ENDED_BADLY = ("failed", "stopped", "canceled")
# A finished job whose file is not in the cache (tidied away, another cache folder) is
# queued again rather than waited for.
_IN_PROGRESS = ("queued", "started", "deferred", "scheduled")


def job_id(key: str) -> str:
    """One job per document, per queue: RQ's job ids are shared by every queue on the
    Redis server, so two sites (or test runs) with their own queues must not share one."""
    return f"pdf-{queue_name()}-{key}"


def job_state(key: str) -> str:
    """ "ready", "too-long", "failed", "waiting" or "unknown", for the progress page."""
    if pdf_cache().get(key) is not None:
        return "ready"
    if pdf_cache().too_long(key) is not None:
        return "too-long"
    url = current_app.config.get("REDIS_URL")
    if not url:
        return "unknown"
    from redis import Redis
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        status = Job.fetch(job_id(key), connection=connection).get_status(refresh=True)
    except (RedisError, NoSuchJobError):
        return "unknown"
    if status in _ENDED_BADLY:
        return "failed"
    return "waiting" if status in _IN_PROGRESS else "unknown"
