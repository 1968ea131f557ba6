"""A forum's "How we work together" page (its terms of reference): versions the convenor
writes down once the forum has agreed them. Never changed: a change is a new version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Forum, WorkingTogether
from forum_site.models.base import utcnow
from forum_site.services.contributions import checked_text
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_TEXT = 5000
MAX_LINE = 300


@dataclass(frozen=True)
class WorkingTogetherDraft:
    can_influence: str
    response_promise: str
    payment: str
    convened_by: str
    convening_paid_by: str
    agreed_by: str
    agreed_on: date
    what_changed: str = ""


def can_write(viewer: Viewer, forum: Forum) -> bool:
    return viewer.convenes(forum.id)


def versions(session: Session, forum: Forum) -> list[WorkingTogether]:
    """Newest first."""
    return list(
        session.scalars(
            select(WorkingTogether)
            .options(selectinload(WorkingTogether.written_by))
            .where(WorkingTogether.forum_id == forum.id)
            .order_by(WorkingTogether.version.desc())
        )
    )


def current(session: Session, forum: Forum) -> WorkingTogether | None:
    found = versions(session, forum)
    return found[0] if found else None


def write_version(
    session: Session, viewer: Viewer, forum: Forum, draft: WorkingTogetherDraft
) -> WorkingTogether:
    if not can_write(viewer, forum):
        raise NotAllowed(_l("Only the forum's convenor can write how the forum works together."))
    latest = current(session, forum)
    if latest and not (draft.what_changed or "").strip():
        raise DomainError(_l("Say what changed from the last version."), field="what_changed")
    if draft.agreed_on > utcnow().date():
        raise DomainError(_l("The day it was agreed cannot be in the future."), field="agreed_on")
    version = WorkingTogether(
        forum_id=forum.id,
        version=(latest.version + 1) if latest else 1,
        **_checked(draft),
        agreed_on=draft.agreed_on,
        written_by_id=viewer.user_id,
    )
    session.add(version)
    session.flush()
    return version


def _checked(draft: WorkingTogetherDraft) -> dict[str, str]:
    return {
        "can_influence": checked_text(
            draft.can_influence, "can_influence", MAX_TEXT, _l("Say what the forum can influence.")
        ),
        "response_promise": checked_text(
            draft.response_promise,
            "response_promise",
            MAX_TEXT,
            _l("Say how quickly members hear back."),
        ),
        "payment": checked_text(
            draft.payment, "payment", MAX_TEXT, _l("Say how time and expenses are paid.")
        ),
        "convened_by": checked_text(
            draft.convened_by, "convened_by", MAX_LINE, _l("Say who convenes the forum.")
        ),
        "convening_paid_by": checked_text(
            draft.convening_paid_by,
            "convening_paid_by",
            MAX_LINE,
            _l("Say who pays for convening the forum."),
        ),
        "agreed_by": checked_text(draft.agreed_by, "agreed_by", MAX_LINE, _l("Say who agreed it.")),
        "what_changed": checked_text(draft.what_changed, "what_changed", MAX_TEXT)
        if (draft.what_changed or "").strip()
        else "",
    }
