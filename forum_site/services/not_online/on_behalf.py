"""A convenor replying to a meeting for a member who is not online.

The reply goes through the same service (and rules) as a member's own, as that member."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Membership, Role, User
from forum_site.models.meetings import Meeting, MeetingReply, ReplyAnswer
from forum_site.services.errors import NotAllowed, NotFound
from forum_site.services.meetings import replies
from forum_site.services.viewer import Viewer
from forum_site.words import _l


def member_of_meeting_forum(session: Session, viewer: Viewer, meeting: Meeting, user_id: int):
    if not viewer.convenes(meeting.forum_id):
        raise NotAllowed(_l("Only the forum's convenors can reply for a member."))
    user = session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.forum_id == meeting.forum_id, User.id == user_id)
    )
    if user is None:
        raise NotFound(_l("That person is not a member of this forum."))
    return user


def _as_member(user: User, meeting: Meeting) -> Viewer:
    return Viewer(
        user_id=user.id, display_name=user.display_name, forum_roles={meeting.forum_id: Role.MEMBER}
    )


def reply_for_member(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    user_id: int,
    answer: ReplyAnswer | None,
    needs: replies.Needs,
) -> MeetingReply:
    member = member_of_meeting_forum(session, viewer, meeting, user_id)
    return replies.reply(session, _as_member(member, meeting), meeting, answer, replace(needs))


def their_reply(session: Session, viewer: Viewer, meeting: Meeting, user_id: int):
    member = member_of_meeting_forum(session, viewer, meeting, user_id)
    return member, replies.my_reply(session, _as_member(member, meeting), meeting)
