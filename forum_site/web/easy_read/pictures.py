"""Pictures for pages: a concept name ("meeting"), a menu picture name ("letter") or a
symbol id ("hi-home") becomes an inline SVG from easyread's bundled, MIT-licensed set.

The reader setting "hide pictures" (prefs.hide_pictures) hides them everywhere (ER-11)."""

from __future__ import annotations

import itertools
import re

from flask import g
from markupsafe import Markup, escape

from easyread.builders import concept_picture
from easyread.pictures import alt_text, has_picture, picture_for, svg_markup

# The picture names web/navigation.py gives each menu item, and a few the site frame uses.
SITE_PICTURES = {
    "home": "hi-home",
    "group": "hi-people",
    "book": "fe-open-book",
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
    """Inline SVG with ``role="img"`` and a label; ``alt=""`` marks it as decoration.

    Empty markup when the reader hides pictures or no picture fits, so pages never break.
    """
    prefs = getattr(g, "prefs", None)
    if prefs is not None and prefs.hide_pictures:
        return Markup("")
    found = picture_id(name)
    svg = svg_markup(found) if found else ""
    if not svg:
        return Markup("")
    if 'id="' in svg:
        use = next(_uses())
        svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}-p{use}", svg)
    if size:
        opening_tag, rest = svg.split(">", 1)
        svg = _SIZE.sub(lambda m: f'{m.group(1)}="{int(size)}"', opening_tag) + ">" + rest
    if alt == "":
        opening = f'<svg class="{css_class}" aria-hidden="true" focusable="false" '
    else:
        label = escape(alt if alt is not None else alt_text(found))
        opening = f'<svg class="{css_class}" role="img" aria-label="{label}" focusable="false" '
    return Markup(svg.replace("<svg ", opening, 1))
