"""Pictures for pages: a concept name ("meeting"), a menu picture name ("letter") or a
symbol id ("hi-home") becomes an SVG from easyread's bundled, MIT-licensed set.

A whole page carries each of its pictures once, at its end (carry_pictures(), done to
the finished page), and every place that shows one points at it
(``<svg role="img"><use href="#page-picture-hi-home"></svg>``): an easy-read meeting page
shows 38 different pictures, and 38 files to fetch, a few at a time over one connection,
kept its first screen waiting for seconds on a slow phone network (issue 20, Lighthouse).
A part of a page that htmx fetches points at each picture's file instead (see
picture_files.py), which the browser fetches once and keeps. Either way the drawing takes
the page's colour (high contrast). PDFs copy the SVG in (easyread.render), since they
fetch nothing.

The reader setting "hide pictures" (prefs.hide_pictures) hides them everywhere (ER-11)."""

from __future__ import annotations

import itertools
import re

from flask import g, request, url_for
from markupsafe import Markup, escape

from easyread.builders import concept_picture
from easyread.pictures import (
    SYMBOL_ID,
    alt_text,
    has_picture,
    picture_for,
    stands_alone,
    svg_markup,
    symbol,
)

# The picture names web/navigation.py gives each menu item, and a few the site frame uses.
SITE_PICTURES = {
    "home": "hi-home",
    "group": "hi-people",
    "book": "fe-open-book",
    "search": "fe-magnifying-glass-tilted-left",
    "letter": "fe-envelope",
    "person": "hi-person",
    "key": "fe-key",
    "person-add": "fe-waving-hand",
    "sign-out": "fe-door",
    "easy-read": "fe-blue-book",
    "settings": "fe-gear",
    "problem": "fe-warning",
    "help": "fe-information",
    "checked": "fe-check-mark-button",
    "automatic": "fe-gear",
    "pictures": "fe-artist-palette",
}
_SIZE = re.compile(r'\b(width|height)="[^"]*"')
_SVG_ID = re.compile(r'\b(id="|url\(#|href="#)([^")]+)')
_FILE_USE = re.compile(
    r'<use href="[^"#]*/easy-read/pictures/([\w-]+)\.svg\?v=[0-9a-f]{8}#picture"/>'
)


# The forum's own pages (web/forums/panels.py FORUM_SECTIONS), by the end of their address.
SECTION_PICTURES = {
    "meetings": "meeting",
    "briefings": "read",
    "budgets": "money",
    "contributions": "have your say",
    "you-said-we-did": "feedback",
    "impact": "improve",
    "decisions": "decision",
}


def section_picture(url: str) -> str:
    """The picture for a forum page's menu item; the forum's own page gets "information"."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return SECTION_PICTURES.get(last, "information")


def picture_id(name: str | None) -> str | None:
    """The symbol id for a concept, menu picture name or id; None when nothing fits."""
    if not name:
        return None
    if has_picture(name):
        return name
    if name in SITE_PICTURES:
        return SITE_PICTURES[name]
    return concept_picture(name) or picture_for(name)


def _uses() -> itertools.count:
    if not hasattr(g, "_easy_read_picture_uses"):
        g._easy_read_picture_uses = itertools.count(1)
    return g._easy_read_picture_uses


def picture_markup(
    name: str | None, alt: str | None = None, css_class: str = "er-svg", size: int | None = None
) -> Markup:
    """A picture with ``role="img"`` and a label; ``alt=""`` marks it as decoration.

    Empty markup when the reader hides pictures or no picture fits, so pages never break.
    """
    prefs = getattr(g, "prefs", None)
    if prefs is not None and prefs.hide_pictures:
        return Markup("")
    found = picture_id(name)
    return picture_svg(found, alt, css_class, size) if found else Markup("")


def document_picture(found: str | None) -> Markup:
    """A row's picture in an easy-read document (easyread.render_html(picture=...))."""
    return picture_svg(found) if found else Markup("")


def picture_svg(
    found: str, alt: str | None = None, css_class: str | None = "er-svg", size: int | None = None
) -> Markup:
    """One bundled picture by id, pointing at its file (copied in if it cannot be)."""
    if not has_picture(found):
        return Markup("")
    opening = _opening(found, alt, css_class)
    if not stands_alone(found):
        return _inline(found, opening, size)
    href = _picture_href(found)
    side = int(size or 96)
    return Markup(f'{opening}width="{side}" height="{side}"><use href="{href}"/></svg>')


def carry_pictures(response):
    """A whole page's pictures go in the page, once each, and its ``<use>`` point at them.

    Done to the finished page, so it covers pictures that views put together before the
    page (an easy-read block) as well as the layout's, and never a part that htmx fetches:
    the page that part goes into may not carry its pictures, so it keeps the file links."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    if request.headers.get("HX-Request"):
        return response
    html = response.get_data(as_text=True)
    if "/easy-read/pictures/" not in html or "</body>" not in html:
        return response
    shown: dict[str, None] = {}

    def in_page(match: re.Match) -> str:
        shown.setdefault(match.group(1))
        return f'<use href="#page-picture-{match.group(1)}"/>'

    html = _FILE_USE.sub(in_page, html)
    symbols = "".join(symbol(found, f"page-picture-{found}") for found in shown)
    carried = f'<svg class="page-pictures" aria-hidden="true" focusable="false">{symbols}</svg>'
    head, _, tail = html.rpartition("</body>")
    response.set_data(f"{head}{carried}\n</body>{tail}")
    return response


def _picture_href(found: str) -> str:
    """The picture file's fingerprinted address, built once a request for each picture:
    a page of 25 easy-read answers shows the same few pictures 150 times."""
    if not hasattr(g, "_easy_read_picture_hrefs"):
        g._easy_read_picture_hrefs = {}
    known = g._easy_read_picture_hrefs
    if found not in known:
        known[found] = url_for("pictures.static", filename=f"{found}.svg") + f"#{SYMBOL_ID}"
    return known[found]


def _opening(found: str, alt: str | None, css_class: str | None) -> str:
    css = f'class="{css_class}" ' if css_class else ""
    if alt == "":
        return f'<svg {css}aria-hidden="true" focusable="false" '
    label = escape(alt if alt is not None else alt_text(found))
    return f'<svg {css}role="img" aria-label="{label}" focusable="false" '


def _inline(found: str, opening: str, size: int | None) -> Markup:
    """The picture's own SVG in the page; its ids get a suffix so they stay unique."""
    use = next(_uses())
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}-p{use}", svg_markup(found))
    if size:
        opening_tag, rest = svg.split(">", 1)
        svg = _SIZE.sub(lambda m: f'{m.group(1)}="{int(size)}"', opening_tag) + ">" + rest
    return Markup(svg.replace("<svg ", opening, 1))
