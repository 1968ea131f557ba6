"""Template helpers for the contributions pages: status words, easy-read pictures."""

from __future__ import annotations

from flask import Blueprint
from markupsafe import Markup, escape

from easyread.pictures import alt_text, picture_for
from forum_site.models import Source, Status, Visibility
from forum_site.vocabulary.contributions import (
    SOURCE_LABELS,
    STATUS_CLASSES,
    STATUS_LABELS,
    STATUS_PICTURES,
    VISIBILITY_NOTES,
)
from forum_site.web.easy_read.pictures import picture_svg
from forum_site.words import _l


def status_label(status) -> str:
    return str(STATUS_LABELS[Status(status)])


def source_label(source) -> str:
    return str(SOURCE_LABELS[Source(source)])


def visibility_note(visibility) -> str:
    return str(VISIBILITY_NOTES[Visibility(visibility)])


# Service labels are English; the fixed ones are translated when shown, names never.
_FIXED_AUTHORS = {
    "The whole group": _l("The whole group"),
    "You": _l("You"),
    "Anonymous": _l("Anonymous"),
    "A member": _l("A member"),
    "A former member": _l("A former member"),
}


def author_words(label: str) -> str:
    """A fixed label in the reader's language, or the person's name: one lookup a card
    (it translated all five fixed labels for every card, 250 on a page of 50)."""
    fixed = _FIXED_AUTHORS.get(label)
    return str(fixed) if fixed is not None else label


def picture(words: str) -> Markup:
    """An easy-read picture for these words, with alt text ("" when none fits)."""
    picture_id = picture_for(words)
    svg = picture_svg(picture_id, alt="", css_class=None) if picture_id else ""
    if not svg:
        return Markup("")
    label = escape(alt_text(picture_id))
    return Markup(f'<span class="er-picture" role="img" aria-label="{label}">{svg}</span>')


def register(bp: Blueprint) -> None:
    @bp.app_context_processor
    def contribution_helpers():
        return {
            "contrib_status": status_label,
            "contrib_status_class": STATUS_CLASSES,
            "contrib_status_picture": STATUS_PICTURES,
            "contrib_source": source_label,
            "contrib_visibility": visibility_note,
            "contrib_author": author_words,
            "contrib_picture": picture,
        }
