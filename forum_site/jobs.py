"""Background jobs for RQ workers (``rq worker pdfs`` with REDIS_URL set).

Jobs take plain values only, so a worker needs no app or database: the request has
already built the final HTML and chosen the cache key.
"""

from __future__ import annotations

from collections.abc import Callable

from forum_site.pdf.cache import PdfCache
from forum_site.pdf.render import TooManyPages, render_pdf


def make_pdf(
    html: str,
    key: str,
    cache_dir: str,
    max_pages: int | None = None,
    before_render: Callable[[], None] | None = None,
) -> str:
    """Render one PDF into the cache, unless another worker or request already has (or
    found it too long). One at a time per key: whoever waited finds it made.
    ``before_render`` runs only when this call really renders (the request's limits)."""
    cache = PdfCache(cache_dir)
    with cache.making(key):
        if cache.get(key) is not None or cache.too_long(key) is not None:
            return key
        if before_render is not None:
            before_render()
        try:
            cache.put(key, render_pdf(html, max_pages))
        except TooManyPages as too_many:
            cache.mark_too_long(key, too_many.pages)
    return key
