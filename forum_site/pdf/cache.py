"""PDFs kept on disk by a hash of exactly what would be printed.

The key covers the final HTML, the version and the page size, plus the renderer's own
version, so any change to the content, the stylesheets' names or WeasyPrint gives a new
file, and an unchanged document is never rendered twice.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import weasyprint

CACHE_FORMAT = "1"
KEEP_UNUSED_DAYS = 30


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
        """The file, marked as just used so the tidy-up keeps it."""
        path = self.path_for(key)
        try:
            os.utime(path)
        except FileNotFoundError:
            return None
        return path

    def too_long(self, key: str) -> int | None:
        """How many pages, when this document was found too long to print."""
        try:
            return int(self.path_for(key).with_suffix(".too-long").read_text())
        except (FileNotFoundError, ValueError):
            return None

    def mark_too_long(self, key: str, pages: int) -> None:
        """Remember a document over the page cap, so it is laid out only once."""
        path = self.path_for(key).with_suffix(".too-long")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(pages))

    @contextmanager
    def making(self, key: str) -> Iterator[None]:
        """Held while one PDF is made: a second request or worker (thread or process) for
        the same key waits here, then finds the file made, so it is rendered once."""
        path = self.path_for(key).with_suffix(".lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            os.utime(path)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

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
        self.tidy(path.parent)
        return path

    def tidy(self, folder: Path, days: int = KEEP_UNUSED_DAYS) -> int:
        """Remove PDFs nobody has downloaded for ``days`` days, one small folder at a time
        (each write tidies its own 1/256th of the cache), so the cache cannot grow forever."""
        cutoff = time.time() - days * 86400
        removed = 0
        for old in [*folder.glob("*.pdf"), *folder.glob("*.too-long"), *folder.glob("*.lock")]:
            try:
                if old.stat().st_mtime < cutoff:
                    old.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed
