"""PDFs kept on disk by a hash of exactly what would be printed.

The key covers the final HTML, the version and the page size, plus the renderer's own
version, so any change to the content, the stylesheets' names or WeasyPrint gives a new
file, and an unchanged document is never rendered twice.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import weasyprint

CACHE_FORMAT = "1"


def cache_key(html: str, version: str, page_size: str) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, weasyprint.__version__, version, page_size, html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class PdfCache:
    """A folder of ``<key>.pdf`` files. Writes are atomic, so a reader never sees half a file."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def path_for(self, key: str) -> Path:
        if len(key) != 64 or not all(ch in "0123456789abcdef" for ch in key):
            raise ValueError("Not a cache key.")
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, key: str) -> Path | None:
        path = self.path_for(key)
        return path if path.is_file() else None

    def put(self, key: str, pdf: bytes) -> Path:
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path
