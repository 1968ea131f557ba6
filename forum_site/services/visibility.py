"""What of a shared object a viewer may know about.

Briefings, budgets and decisions can point at several forums, meetings and people. A
private forum's name, its meetings, a draft meeting's agenda, and the names of a private
forum's members never reach someone outside that forum through such a shared object.
Every page, export and PDF asks here, so the rule lives in one place."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Forum, Membership
from forum_site.models.meetings import Meeting, MeetingStatus
from forum_site.services.viewer import Viewer


def shown_forums(viewer: Viewer, forums: Iterable[Forum]) -> list[Forum]:
    return [f for f in forums if viewer.can_see_forum(f)]


def can_see_meeting(viewer: Viewer, meeting: Meeting) -> bool:
    if not viewer.can_see_forum(meeting.forum):
        return False
    if meeting.status != MeetingStatus.DRAFT:
        return True
    return viewer.convenes(meeting.forum_id) or viewer.commissions(meeting.forum_id)


def shown_meetings(viewer: Viewer, meetings: Iterable[Meeting]) -> list[Meeting]:
    return [m for m in meetings if can_see_meeting(viewer, m)]


def shown_agenda_items(viewer: Viewer, items: Iterable) -> list:
    """Agenda items of meetings the viewer may see (not a draft meeting's, for visitors)."""
    return [i for i in items if can_see_meeting(viewer, i.meeting)]


def nameable_people(
    session: Session, viewer: Viewer, forums: Iterable[Forum], user_ids: Iterable[int]
) -> set[int]:
    """Which of these people the viewer may see named beside something shared by ``forums``.

    Someone who belongs to one of the private forums (and to none of the public ones) would
    be revealed as a member of it; they are named only to those who may see its members."""
    forums = list(forums)
    ids = {i for i in user_ids if i is not None}
    if viewer.is_admin or not ids:
        return ids
    private = {f.id: f for f in forums if f.is_private}
    if not private:
        return ids
    public_ids = [f.id for f in forums if not f.is_private]
    rows = session.execute(
        select(Membership.user_id, Membership.forum_id).where(
            Membership.user_id.in_(ids), Membership.forum_id.in_([*private, *public_ids])
        )
    ).all()
    in_public = {user for user, forum in rows if forum in public_ids}
    hidden = {
        user
        for user, forum in rows
        if forum in private and user not in in_public and not viewer.can_see_members(private[forum])
    }
    return ids - hidden
