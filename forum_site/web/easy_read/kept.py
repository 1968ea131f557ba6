"""Easy-read documents and their HTML, kept between requests by what they are made from.

Making an easy-read document (every sentence simplified, hard words looked up) and drawing
it cost an easy-read page 20 to 150 ms on large data (issue 20), and most pages show the
same words again and again. So both are kept in this process, by a key of everything the
result depends on:

- a document: the caller's fingerprint of what it is made from (for an area's page, the
  same ``source_hash`` that tells a checked version it is out of date), the glossary's
  revision, and the reader's language (builders' titles and labels are translated);
- its HTML: the document itself, the heading level, whether pictures are shown and the
  reader's language.

Nothing else may change the result: a builder that reads anything else must put it in its
fingerprint. Each process keeps its own (gunicorn workers are separate); entries are
least-recently-used and few, so memory stays flat.

A kept document is stored pickled and unpickled for each use, a fresh copy each time
(callers may add a section, as the PDFs do); the pickle is also what HTML is kept by, as it
is quick to make and two documents that differ never give the same one. Kept
HTML has its pictures' ids made from its own key, so they stay unique on any page that
shows it; a page that shows the same HTML twice gets it drawn again the second time.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import g
from markupsafe import Markup

from easyread.model import Document
from forum_site.extensions import db
from forum_site.services import glossary

MOST_DOCUMENTS = 256
MOST_HTML = 256  # at most some 15 MB of HTML per worker


class _Kept:
    """A small least-recently-used store, safe with threaded workers."""

    def __init__(self, most: int):
        self.most = most
        self.rows: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            found = self.rows.get(key)
            if found is not None:
                self.rows.move_to_end(key)
            return found

    def put(self, key: str, value) -> None:
        with self.lock:
            self.rows[key] = value
            self.rows.move_to_end(key)
            while len(self.rows) > self.most:
                self.rows.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.rows.clear()


_documents = _Kept(MOST_DOCUMENTS)
_html = _Kept(MOST_HTML)


def forget_all() -> None:
    """For tests that change what a key cannot see (the code of a builder)."""
    _documents.clear()
    _html.clear()


def _key(*parts) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _glossary_now() -> tuple:
    """The glossary's signature, asked once a request."""
    if "_easy_read_glossary" not in g:
        g._easy_read_glossary = glossary.terms_signature(db.session)
    return g._easy_read_glossary


def document(fingerprint: tuple, language: str, build: Callable[[], Document]) -> Document:
    """The document ``build`` makes, kept by ``fingerprint`` (what it is made from)."""
    key = _key("document", fingerprint, _glossary_now(), language)
    found = _documents.get(key)
    if found is None:
        made = build()
        _documents.put(key, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        return made
    return pickle.loads(found)


def html(doc: Document, settings: tuple, draw: Callable[[], Markup]) -> Markup:
    """The HTML ``draw`` makes of ``doc`` with ``settings`` (heading level, pictures,
    language), kept by the document's own content."""
    content = hashlib.sha256(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    key = _key("html", content, settings)
    shown_here = g.setdefault("_easy_read_kept_shown", set())
    if key in shown_here:
        return draw()  # the same block twice on one page: fresh ids the second time
    shown_here.add(key)
    found = _html.get(key)
    if found is not None:
        return found
    made = _with_picture_ids(key, draw)
    _html.put(key, made)
    return made


def _with_picture_ids(key: str, draw: Callable[[], Markup]) -> Markup:
    """Draws with the pictures' ids made from ``key`` rather than this request's count."""
    before = g.get("_easy_read_picture_uses")
    g._easy_read_picture_uses = (f"k{key[:10]}-{n}" for n in itertools.count(1))
    try:
        return draw()
    finally:
        if before is None:
            g.pop("_easy_read_picture_uses", None)
        else:
            g._easy_read_picture_uses = before
