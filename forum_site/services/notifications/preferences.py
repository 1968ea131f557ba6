"""What each person wants to hear about, and how. No row means the default for the kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Channel, NoticeKind, NoticePreference, SupportedAccount, User
from forum_site.services.viewer import Viewer

K = NoticeKind

# Things about you and meetings you go to come at once; work for convenors and
# commissioners comes once a day, so a busy forum does not fill their mailbox.
DEFAULT_CHANNEL: dict[NoticeKind, Channel] = {
    K.MEETING_PUBLISHED: Channel.EMAIL,
    K.MEETING_CHANGED: Channel.EMAIL,
    K.MEETING_REMINDER: Channel.EMAIL,
    K.ANSWER: Channel.EMAIL,
    K.BUDGET_CHANGED: Channel.EMAIL,
    K.NEW_BRIEFING: Channel.EMAIL,
    K.JOIN_REQUEST: Channel.EMAIL,
    K.PRIVATE_QUESTION: Channel.EMAIL,
    K.NEW_CONTRIBUTION: Channel.DAILY,
    K.ACCESS_NEEDS: Channel.EMAIL,
    K.FOR_ORGANISATION: Channel.DAILY,
    K.RESPONSE_DUE: Channel.EMAIL,
    K.ASSIGNED: Channel.EMAIL,
    K.BRIEFING_CORRECTED: Channel.EMAIL,
    K.POINT_CHANGED: Channel.EMAIL,
}

FOR_EVERYONE = (
    K.MEETING_PUBLISHED,
    K.MEETING_CHANGED,
    K.MEETING_REMINDER,
    K.ANSWER,
    K.BUDGET_CHANGED,
    K.NEW_BRIEFING,
    K.BRIEFING_CORRECTED,
    K.POINT_CHANGED,
)
FOR_CONVENORS = (K.JOIN_REQUEST, K.PRIVATE_QUESTION, K.NEW_CONTRIBUTION, K.ACCESS_NEEDS)
FOR_COMMISSIONERS = (K.FOR_ORGANISATION, K.RESPONSE_DUE, K.ASSIGNED)


@dataclass(frozen=True)
class Choice:
    kind: NoticeKind
    wanted: bool
    channel: Channel


def kinds_for(viewer: Viewer) -> list[NoticeKind]:
    """The kinds a person can be sent: convenor and commissioner kinds only for them."""
    kinds = list(FOR_EVERYONE)
    if viewer.is_admin or any(viewer.convenes(forum_id) for forum_id in viewer.forum_roles):
        kinds += FOR_CONVENORS
    if viewer.is_commissioner:
        kinds += FOR_COMMISSIONERS
    return kinds


def _stored(session: Session, user_ids: list[int]) -> dict[tuple[int, NoticeKind], Choice]:
    rows = session.scalars(select(NoticePreference).where(NoticePreference.user_id.in_(user_ids)))
    return {(p.user_id, p.kind): Choice(p.kind, p.wanted, p.channel) for p in rows}


def choices_for(session: Session, user_id: int, kinds: list[NoticeKind]) -> list[Choice]:
    stored = _stored(session, [user_id])
    on_paper = bool(on_paper_among(session, [user_id]))
    return [stored.get((user_id, k)) or default_choice(k, on_paper=on_paper) for k in kinds]


def default_choice(kind: NoticeKind, *, on_paper: bool = False) -> Choice:
    return Choice(kind, True, Channel.LETTER if on_paper else DEFAULT_CHANNEL[kind])


def choices_of(session: Session, users: list[User], kind: NoticeKind) -> dict[int, Choice]:
    """Each recipient's choice for one kind, in one query.

    People who are not online (a supported account the convenor looks after) hear by
    printed letter unless a different choice was stored for them."""
    ids = [u.id for u in users]
    stored = _stored(session, ids)
    on_paper = on_paper_among(session, ids)
    return {
        u.id: stored.get((u.id, kind)) or default_choice(kind, on_paper=u.id in on_paper)
        for u in users
    }


def on_paper_among(session: Session, user_ids: list[int]) -> set[int]:
    if not user_ids:
        return set()
    return set(
        session.scalars(
            select(SupportedAccount.user_id).where(
                SupportedAccount.user_id.in_(user_ids), SupportedAccount.taken_over_at.is_(None)
            )
        )
    )


def set_choice(session: Session, user_id: int, kind: NoticeKind, *, wanted: bool, channel) -> None:
    row = session.scalar(
        select(NoticePreference).where(
            NoticePreference.user_id == user_id, NoticePreference.kind == kind
        )
    )
    if row is None:
        row = NoticePreference(user_id=user_id, kind=kind)
        session.add(row)
    row.wanted, row.channel = wanted, Channel(channel)
    session.flush()


def stop_emails(session: Session, user_id: int, kind: NoticeKind) -> None:
    """One-click unsubscribe: no more emails of this kind; the inbox still shows them."""
    current = choices_for(session, user_id, [kind])[0]
    set_choice(session, user_id, kind, wanted=current.wanted, channel=Channel.INBOX)


def stop_digest(session: Session, user_id: int, channel: Channel) -> None:
    """Unsubscribe from a round-up: every kind that came in it now stays in the inbox."""
    for choice in choices_for(session, user_id, list(NoticeKind)):
        if choice.channel == channel:
            set_choice(session, user_id, choice.kind, wanted=choice.wanted, channel=Channel.INBOX)
