"""From a document and a version to a PDF file: cache first, then a worker or inline.

The final HTML is built in the request (it needs the reader's language and
permissions); only WeasyPrint's work moves to the background. With REDIS_URL set and
at least one RQ worker listening, a missing PDF is queued and the reader sees a
progress page; otherwise it is rendered inline.
"""

from __future__ import annotations

import logging
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


def pdf_cache() -> PdfCache:
    folder = (
        current_app.config.get("PDF_CACHE_DIR") or Path(current_app.instance_path) / "pdf-cache"
    )
    return PdfCache(folder)


def get_pdf(document: PrintDocument, version: Version) -> Ready | Queued:
    html = final_html(document, version)
    key = cache_key(html, version.value, page_size())
    cache = pdf_cache()
    if (path := cache.get(key)) is not None:
        return Ready(key, path)
    queue = background_queue()
    if queue is not None and _enqueue(queue, html, key, cache):
        return Queued(key)
    from forum_site.jobs import make_pdf

    make_pdf(html, key, str(cache.folder))
    return Ready(key, cache.path_for(key))


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


def _enqueue(queue, html: str, key: str, cache: PdfCache) -> bool:
    from redis.exceptions import RedisError

    try:
        job = queue.fetch_job(job_id(key))
        if job is None or job.get_status(refresh=True) in ("failed", "stopped", "canceled"):
            queue.enqueue_call(
                "forum_site.jobs.make_pdf",
                args=(html, key, str(cache.folder)),
                job_id=job_id(key),
                result_ttl=600,
                failure_ttl=3600,
                timeout=300,
            )
        return True
    except RedisError:
        log.warning("Could not queue a PDF; making it while the reader waits.")
        return False


def job_id(key: str) -> str:
    return f"pdf-{key}"


def job_state(key: str) -> str:
    """ "ready", "failed", "waiting" or "unknown", for the progress page."""
    if pdf_cache().get(key) is not None:
        return "ready"
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
    return "failed" if status in ("failed", "stopped", "canceled") else "waiting"
