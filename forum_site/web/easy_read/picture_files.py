"""The bundled pictures as files that pages point at (issue 20).

Each picture is a static file of this blueprint (``/easy-read/pictures/hi-home.svg``), so
``url_for("pictures.static", ...)`` gives it the fingerprint that lets a browser keep it
for a year (web/caching.py). The file sent is the bundled SVG with its drawing wrapped in
a ``<symbol>`` (easyread.pictures.symbol_file), which ``<use>`` in a page can show.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request

from easyread.pictures import SYMBOLS_DIR, symbol_file


class PictureFiles(Blueprint):
    def send_static_file(self, filename: str):
        drawing = symbol_file(filename.removesuffix(".svg")) if filename.endswith(".svg") else ""
        if not drawing:
            abort(404)
        response = current_app.response_class(drawing, mimetype="image/svg+xml")
        response.cache_control.no_cache = True
        response.add_etag()
        return response.make_conditional(request)


bp = PictureFiles(
    "pictures",
    __name__,
    static_folder=str(SYMBOLS_DIR / "svg"),
    static_url_path="/easy-read/pictures",
)
