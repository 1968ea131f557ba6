"""What a reader sees of a person's translation: the newest one in their language,
unless they asked for the English (``?in=en``)."""

from __future__ import annotations

from flask import request, url_for
from flask_babel import get_locale

from forum_site.extensions import db
from forum_site.services import content_translations
from forum_site.web.responses import viewer


def reader_language() -> str:
    return (get_locale() or "en").language


def reader_translation(kind_name: str, subject) -> content_translations.Translation | None:
    if request.args.get("in") == "en":
        return None
    return content_translations.latest(db.session, kind_name, subject, reader_language())


def translate_url(kind_name: str, subject) -> str | None:
    """Where this reader can translate it: its writer, or a checker of their language."""
    kind = content_translations.kind(kind_name)
    allowed = kind.writes(viewer(), subject) or content_translations.can_translate(
        db.session, viewer(), kind_name, subject, reader_language()
    )
    if not allowed:
        return None
    return url_for("translations.choose_language", kind_name=kind_name, subject_id=subject.id)
