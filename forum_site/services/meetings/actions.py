"""What happens to a debrief action after the meeting: done, edited or dropped.

The action keeps its current words and state; each change is a ``MeetingActionChange``
that is never altered (for an edit it keeps what the action said before; an edit or a
drop says why). Members read the state and the history on the meeting page.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models.meetings import (
    ActionChange,
    ActionState,
    Meeting,
    MeetingAction,
    MeetingActionChange,
)
from forum_site.services.errors import DomainError, NotFound
from forum_site.services.meetings import LONG_TEXT, SHORT_TEXT, check_length, require_editor
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

MAX_REASON = 1000
NOT_OPEN = _l("This action is already done or dropped, so it cannot be changed.")


def get_action(session: Session, meeting: Meeting, action_id: int) -> MeetingAction:
    action = session.scalar(
        select(MeetingAction)
        .where(MeetingAction.id == action_id, MeetingAction.meeting_id == meeting.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if action is None:
        raise NotFound(_l("We could not find that action."))
    return action


def mark_done(session: Session, viewer: Viewer, action: MeetingAction) -> MeetingAction:
    """Marking it done twice (a double click) is marking it done once."""
    require_editor(viewer, action.meeting.forum_id)
    if action.state == ActionState.DONE:
        return action
    _require_open(action)
    return _record(session, viewer, action, ActionChange.DONE, ActionState.DONE, "")


def drop(session: Session, viewer: Viewer, action: MeetingAction, *, reason: str):
    require_editor(viewer, action.meeting.forum_id)
    if action.state == ActionState.DROPPED:
        return action
    _require_open(action)
    why = _reason(reason, _l("Say why it is dropped. Members will see it."))
    return _record(session, viewer, action, ActionChange.DROPPED, ActionState.DROPPED, why)


def edit(
    session: Session,
    viewer: Viewer,
    action: MeetingAction,
    *,
    who: str,
    what: str,
    by_when: date | None,
    reason: str,
) -> MeetingAction:
    require_editor(viewer, action.meeting.forum_id)
    _require_open(action)
    who = check_length(who, SHORT_TEXT, "who", _l("Who"))
    what = check_length(what, LONG_TEXT, "what", _l("What"))
    if not who:
        raise DomainError(_l("Say who will do it."), field="who")
    if not what:
        raise DomainError(_l("Say what they will do."), field="what")
    if (who, what, by_when) == (action.who, action.what, action.by_when):
        if _last_edit_was_just_this(action):
            return action  # the same form sent twice
        raise DomainError(_l("This is what the action says already."), field="what")
    why = _reason(reason, _l("Say why it changed. Members will see it."))
    _record(session, viewer, action, ActionChange.EDITED, ActionState.OPEN, why)
    action.who, action.what, action.by_when = who, what, by_when
    session.flush()
    return action


def _last_edit_was_just_this(action: MeetingAction) -> bool:
    return bool(action.history) and action.history[-1].change == ActionChange.EDITED


def _require_open(action: MeetingAction) -> None:
    if action.state != ActionState.OPEN:
        raise DomainError(NOT_OPEN)


def _reason(reason: str, empty) -> str:
    why = clean_text(reason or "")
    if not why:
        raise DomainError(empty, field="reason")
    if len(why) > MAX_REASON:
        raise DomainError(
            _l("Please make this %(most)s characters or fewer.", most=MAX_REASON), field="reason"
        )
    return why


def _record(session, viewer, action, change, state, why) -> MeetingAction:
    session.add(
        MeetingActionChange(
            action_id=action.id,
            change=change,
            who=action.who,
            what=action.what,
            by_when=action.by_when,
            reason=why,
            changed_by_id=viewer.user_id,
        )
    )
    action.state = state
    session.flush()
    session.expire(action, ["history"])
    return action
