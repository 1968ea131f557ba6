"""Who is told: the members of a forum, those who may come to a meeting, convenors,
and the commissioners who answer a forum's points."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from forum_site.models import (
    CommissionerLink,
    Contribution,
    Meeting,
    MeetingReply,
    Membership,
    Role,
    User,
    forum_organisation,
)
from forum_site.models.meetings import ReplyAnswer


def members_of(session: Session, forum_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum_id)
        )
    )


def convenors_of(session: Session, forum_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum_id, Membership.role == Role.CONVENOR)
        )
    )


def may_come(session: Session, meeting: Meeting) -> list[User]:
    """Members who said yes or maybe, and those who have not replied: not those who said no."""
    said_no = exists().where(
        MeetingReply.meeting_id == meeting.id,
        MeetingReply.user_id == User.id,
        MeetingReply.answer == ReplyAnswer.NOT_GOING,
    )
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == meeting.forum_id, ~said_no)
        )
    )


def everyone_who_replied(session: Session, meeting: Meeting) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(MeetingReply, MeetingReply.user_id == User.id)
            .where(MeetingReply.meeting_id == meeting.id)
        )
    )


def answerers(session: Session, contribution: Contribution) -> list[User]:
    """Whoever it is assigned to, or else every commissioner working with the forum."""
    if contribution.assigned_to_id:
        return [session.get(User, contribution.assigned_to_id)]
    return commissioners_of(session, contribution.forum_id)


def commissioners_of(session: Session, forum_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(CommissionerLink, CommissionerLink.user_id == User.id)
            .join(
                forum_organisation,
                forum_organisation.c.organisation_id == CommissionerLink.organisation_id,
            )
            .where(forum_organisation.c.forum_id == forum_id)
            .distinct()
        )
    )
