"""WeasyPrint, locked down: the only things a PDF may load are our own static files.

The HTML we print mixes writers' text with our templates. A link or image in that text
must never make the server read a local file or call another site, so the URL fetcher
serves only files under our static folders, found by path, and refuses everything else.
"""

from __future__ import annotations

import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: A made-up origin: every relative URL in a printed page resolves under it.
BASE_URL = "https://print.forum-site.invalid/"
STATIC_ROOTS = {
    "/static/": PACKAGE_DIR / "static",
    "/easyread-static/": PACKAGE_DIR.parent / "easyread" / "static",
}
PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """A printed page asked for something outside our static files."""


class TooManyPages(ValueError):
    """The document would be longer than the site prints (the PDF_MAX_PAGES setting)."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"{pages} pages")
        self.pages = pages


class StaticFilesOnly(URLFetcher):
    """Serves ``BASE_URL/static/...`` from disk; refuses file:, data:, http: and the rest."""

    def fetch(self, url, headers=None):
        path = static_path_for(url)
        mime, _ = mimetypes.guess_type(path.name)
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime or ""})


def static_path_for(url: str) -> Path:
    """The file a URL names, if it is one of our static files; RefusedURL otherwise."""
    if not url.startswith(BASE_URL):
        raise RefusedURL(f"Printed pages may only use our own static files, not {url[:80]!r}")
    parts = urlsplit(url)
    path = unquote(parts.path)
    for prefix, root in STATIC_ROOTS.items():
        if path.startswith(prefix):
            candidate = (root / path.removeprefix(prefix)).resolve()
            if candidate.is_relative_to(root.resolve()) and candidate.is_file():
                return candidate
    raise RefusedURL(f"No such static file: {path[:80]!r}")


class RenderCounter:
    """How many PDFs WeasyPrint has made in this process: tests and the benchmark use it
    to prove a cached download did not render again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def add(self) -> None:
        with self._lock:
            self.count += 1


renders = RenderCounter()


def render_pdf(html: str, max_pages: int | None = None) -> bytes:
    """A tagged PDF/UA-1 file with its fonts embedded, from our final print HTML.

    Pages are laid out first; a document longer than ``max_pages`` raises TooManyPages
    before the file is written."""
    renders.add()
    options = {"pdf_variant": PDF_VARIANT, "uncompressed_pdf": False}
    source = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    document = source.render(font_config=FontConfiguration(), **options)
    if max_pages and len(document.pages) > max_pages:
        raise TooManyPages(len(document.pages))
    return document.write_pdf(**options)
