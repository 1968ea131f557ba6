"""Background jobs for RQ workers (``rq worker pdfs`` with REDIS_URL set).

Jobs take plain values only, so a worker needs no app or database: the request has
already built the final HTML and chosen the cache key.
"""

from __future__ import annotations

from forum_site.pdf.cache import PdfCache
from forum_site.pdf.render import render_pdf


def make_pdf(html: str, key: str, cache_dir: str) -> str:
    """Render one PDF into the cache, unless another worker or request already has."""
    cache = PdfCache(cache_dir)
    if cache.get(key) is None:
        cache.put(key, render_pdf(html))
    return key
