"""Responses that travel light (issue 20).

- HTML, CSS, JavaScript, SVG, JSON, CSV and calendars are compressed (brotli or gzip,
  whichever the browser asks for first) by Flask-Compress. A reverse proxy may do it
  instead; the app's own compression is what the tests check.
- Every link to a static file carries a fingerprint of the file's bytes (``?v=1a2b3c4d``),
  so a browser may keep it for a year: a changed file gets a new address. A request
  with the right fingerprint is answered ``public, max-age=31536000, immutable``; one
  without (or with an old one) is answered ``no-cache`` as before.
- A stylesheet's own links (its fonts) carry their files' fingerprints too, added as the
  stylesheet is sent, so fonts are kept a year as well and a page can preload the very
  address its stylesheet asks for. A stylesheet's fingerprint covers the fingerprints in
  it, so a changed font gives its stylesheet a new address.
- A page for a visitor with no session (no cookie, no form token in it) may be kept by any
  cache for a minute: ``public, max-age=60``, varying on the cookies (reading settings)
  and the browser's languages. Every other page is ``private``, and a signed-in person's
  is not stored at all (``no-store``).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, g, request, session
from flask_compress import Compress

compress = Compress()

ONE_YEAR = 365 * 24 * 60 * 60
VISITOR_PAGE_SECONDS = 60
FINGERPRINT = "v"
_known: dict[Path, tuple[int, int, str]] = {}  # path -> (mtime_ns, size, fingerprint)
_CSS_LINK = re.compile(r"""url\(\s*(["']?)([^"')?#:]+)\1\s*\)""")


def fingerprint(path: Path) -> str | None:
    """Eight hex digits of the file's SHA-256 (a stylesheet's as it is sent), worked out
    again only when it changes."""
    try:
        stat = path.stat()
    except OSError:
        return None
    seen = _known.get(path)
    if seen and seen[:2] == (stat.st_mtime_ns, stat.st_size):
        return seen[2]
    body = stylesheet(path).encode() if path.suffix == ".css" else path.read_bytes()
    digest = hashlib.sha256(body).hexdigest()[:8]
    _known[path] = (stat.st_mtime_ns, stat.st_size, digest)
    return digest


def stylesheet(path: Path) -> str:
    """The stylesheet with a fingerprint on each relative link to a file beside it."""

    def fingerprinted(match: re.Match) -> str:
        quote, link = match.groups()
        found = (path.parent / link).resolve()
        digest = fingerprint(found) if found.is_file() and found.suffix != ".css" else None
        return f"url({quote}{link}?{FINGERPRINT}={digest}{quote})" if digest else match.group(0)

    return _CSS_LINK.sub(fingerprinted, path.read_text(encoding="utf-8"))


def _static_folder(endpoint: str) -> str | None:
    if endpoint == "static":
        return current_app.static_folder
    blueprint, _, name = endpoint.rpartition(".")
    if name != "static" or blueprint not in current_app.blueprints:
        return None
    return current_app.blueprints[blueprint].static_folder


def _static_file(endpoint: str, filename: str | None) -> Path | None:
    folder = _static_folder(endpoint or "")
    if not folder or not filename:
        return None
    return _inside(folder, filename)


@lru_cache(maxsize=4096)
def _inside(folder: str, filename: str) -> Path | None:
    """The file's real path, if it is inside the folder: worked out once per name, since
    resolving a path asks the file system about every folder on the way (a page with a
    hundred pictures paid for that on every request)."""
    root = Path(folder).resolve()
    path = (root / filename).resolve()
    return path if path.is_relative_to(root) else None


def _add_fingerprint(endpoint: str, values: dict) -> None:
    if FINGERPRINT in values or not endpoint.endswith("static"):
        return
    path = _static_file(endpoint, values.get("filename"))
    found = fingerprint(path) if path else None
    if found:
        values[FINGERPRINT] = found


def _cache_static(response):
    endpoint = request.endpoint or ""
    if not endpoint.endswith("static") or response.status_code != 200:
        return response
    sent = request.args.get(FINGERPRINT)
    path = _static_file(endpoint, (request.view_args or {}).get("filename"))
    if path and path.suffix == ".css":
        _send_stylesheet(response, path)
    if sent and path and sent == fingerprint(path):
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
    return response


def _send_stylesheet(response, path: Path) -> None:
    response.direct_passthrough = False
    response.response.close()
    response.set_data(stylesheet(path))
    response.headers.pop("Last-Modified", None)
    response.set_etag(fingerprint(path))
    response.make_conditional(request)


def _shared(response) -> bool:
    viewer = getattr(g, "viewer", None)
    signed_in = viewer is not None and viewer.signed_in
    return response.status_code == 200 and not signed_in and not session and not session.modified


def _cache_pages(response):
    if request.method not in ("GET", "HEAD") or response.mimetype != "text/html":
        return response
    if "Cache-Control" in response.headers:
        return response
    if _shared(response):
        response.cache_control.public = True
        response.cache_control.max_age = VISITOR_PAGE_SECONDS
        response.vary.update(("Cookie", "Accept-Language"))
    elif getattr(g, "viewer", None) is not None and g.viewer.signed_in:
        response.cache_control.private = True
        response.cache_control.no_store = True
    else:
        response.cache_control.private = True
        response.cache_control.no_cache = True
    return response


def init_app(app: Flask) -> None:
    from forum_site.web.easy_read.pictures import carry_pictures

    compress.init_app(app)
    app.after_request(carry_pictures)  # after_request runs last first: before compression
    app.url_defaults(_add_fingerprint)
    app.after_request(_cache_static)
    app.after_request(_cache_pages)
