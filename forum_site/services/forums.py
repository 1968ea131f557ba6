"""Forums: seeing them, joining them, and convenors managing who belongs."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Forum,
    Invitation,
    JoinRequest,
    JoinStatus,
    Membership,
    NoticeKind,
    Organisation,
    Role,
    User,
)
from forum_site.models.forums import (
    CONTACT_ADDRESS_LENGTH,
    CONTACT_EMAIL_LENGTH,
    CONTACT_PHONE_LENGTH,
)
from forum_site.services import contact_rules, messages
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.notifications import notify
from forum_site.services.pagination import Page, SortKey, oldest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.words import _l


def slug_for(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "forum"


def create_forum(
    session: Session,
    viewer: Viewer,
    *,
    name: str,
    description: str,
    community: str = "",
    is_private: bool = False,
    convened_by: str = "",
    convenor_funded_by: str = "",
    organisations: list[Organisation] = (),
) -> Forum:
    if not viewer.is_admin:
        raise NotAllowed(_l("Only site admins can set up a new forum."))
    slug = slug_for(name)
    if session.scalar(select(Forum.id).where(Forum.slug == slug)):
        raise DomainError(_l("There is already a forum with this name."), field="name")
    forum = Forum(
        slug=slug,
        name=name.strip(),
        description=description.strip(),
        community=community.strip(),
        is_private=is_private,
        convened_by=convened_by.strip(),
        convenor_funded_by=convenor_funded_by.strip(),
        calendar_secret_salt=secrets.token_hex(8),
        organisations=list(organisations),
    )
    session.add(forum)
    session.flush()
    return forum


@dataclass(frozen=True)
class ForumSummary:
    forum: Forum
    member_count: int


BY_NAME = oldest_first(Forum.name, Forum.id)


def can_see_forum_clause(viewer: Viewer) -> ColumnElement[bool]:
    """``viewer.can_see_forum`` in SQL, so a page of forums holds only what they may see."""
    if viewer.is_admin:
        return true()
    private_ones = set(viewer.forum_roles) | set(viewer.commissioned_forum_ids)
    return or_(Forum.is_private.is_(False), Forum.id.in_(private_ones))


def forums_by_name(session: Session, viewer: Viewer, cursor: str | None = None) -> Page[Forum]:
    """A page of the forums this viewer may know exist, by name, in one query at any size."""
    query = select(Forum).where(can_see_forum_clause(viewer))
    return paginate(session, query, BY_NAME, cursor, count=False)


def visible_forums(
    session: Session, viewer: Viewer, cursor: str | None = None
) -> Page[ForumSummary]:
    """A page of the forums this viewer may know exist, by name, with member counts and
    how many there are: three queries however many forums there are."""
    query = select(Forum).where(can_see_forum_clause(viewer))
    page = paginate(session, query, BY_NAME, cursor)
    return page.map(lambda shown: _with_member_counts(session, shown))


def my_forums(session: Session, viewer: Viewer) -> list[Forum]:
    """The forums this person belongs to, by name (no query for a visitor or a newcomer)."""
    if not viewer.forum_roles:
        return []
    return list(
        session.scalars(
            select(Forum).where(Forum.id.in_(viewer.forum_roles)).order_by(Forum.name, Forum.id)
        )
    )


def commissioned_forums(session: Session, viewer: Viewer) -> list[Forum]:
    """The forums this person commissions (every forum, for a site admin), by name."""
    query = select(Forum).order_by(Forum.name, Forum.id)
    if not viewer.is_admin:
        if not viewer.commissioned_forum_ids:
            return []
        query = query.where(Forum.id.in_(viewer.commissioned_forum_ids))
    return list(session.scalars(query))


def _with_member_counts(session: Session, shown: list[Forum]) -> list[ForumSummary]:
    counts = dict(
        session.execute(
            select(Membership.forum_id, func.count(Membership.id))
            .where(Membership.forum_id.in_([f.id for f in shown]))
            .group_by(Membership.forum_id)
        ).all()
    )
    return [ForumSummary(f, counts.get(f.id, 0)) for f in shown]


def get_forum(session: Session, viewer: Viewer, slug: str) -> Forum:
    """The forum, or NotFound: a private forum looks exactly like a missing one to outsiders."""
    forum = session.scalar(
        select(Forum).options(selectinload(Forum.organisations)).where(Forum.slug == slug)
    )
    if forum is None or not viewer.can_see_forum(forum):
        raise NotFound(_l("We could not find that forum."))
    return forum


def convenors(session: Session, forum: Forum) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id, Membership.role == Role.CONVENOR)
            .order_by(User.display_name)
        )
    )


def member_count(session: Session, forum: Forum) -> int:
    return session.scalar(select(func.count(Membership.id)).where(Membership.forum_id == forum.id))


CONVENORS_FIRST = (
    SortKey(Membership.role, newest_first=True),
    SortKey(User.display_name),
    SortKey(Membership.id),
)


def members(
    session: Session, viewer: Viewer, forum: Forum, cursor: str | None = None
) -> Page[Membership]:
    """A page of the forum's members: convenors first, then by name."""
    if not viewer.can_see_members(forum):
        raise NotAllowed(_l("Only the forum's convenors can see who belongs to it."))
    query = (
        select(Membership)
        .options(selectinload(Membership.user))
        .join(User, User.id == Membership.user_id)
        .where(Membership.forum_id == forum.id)
    )
    return paginate(session, query, CONVENORS_FIRST, cursor, per_page=50)


def pending_request(session: Session, forum: Forum, user_id: int) -> JoinRequest | None:
    return session.scalar(
        select(JoinRequest).where(
            JoinRequest.forum_id == forum.id,
            JoinRequest.user_id == user_id,
            JoinRequest.status == JoinStatus.WAITING,
        )
    )


def request_to_join(
    session: Session, viewer: Viewer, forum: Forum, *, message: str, site_url: str = ""
) -> JoinRequest:
    if not viewer.signed_in:
        raise NotAllowed(_l("Sign in to ask to join a forum."))
    if viewer.is_member(forum.id):
        raise DomainError(_l("You are already a member of this forum."))
    existing = pending_request(session, forum, viewer.user_id)
    if existing:
        return existing  # asking twice is a safe no-op
    join = JoinRequest(forum_id=forum.id, user_id=viewer.user_id, message=message.strip())
    session.add(join)
    session.flush()
    notify(
        session,
        NoticeKind.JOIN_REQUEST,
        convenors(session, forum),
        actor_id=viewer.user_id,
        forum_id=forum.id,
        join_request_id=join.id,
    )
    return join


def waiting_requests(session: Session, viewer: Viewer, forum: Forum) -> list[JoinRequest]:
    _require_convenor(viewer, forum)
    return list(
        session.scalars(
            select(JoinRequest)
            .options(selectinload(JoinRequest.user))
            .where(JoinRequest.forum_id == forum.id, JoinRequest.status == JoinStatus.WAITING)
            .order_by(JoinRequest.created_at)
        )
    )


def decide_join_request(
    session: Session,
    viewer: Viewer,
    forum: Forum,
    request_id: int,
    *,
    approve: bool,
    reply: str = "",
    site_url: str = "",
) -> JoinRequest:
    _require_convenor(viewer, forum)
    join = session.get(JoinRequest, request_id)
    if join is None or join.forum_id != forum.id:
        raise NotFound(_l("We could not find that request."))
    if join.status != JoinStatus.WAITING:
        return join  # already decided: a second click changes nothing
    join.status = JoinStatus.APPROVED if approve else JoinStatus.DECLINED
    join.decided_by_id = viewer.user_id
    join.decided_at = datetime.now(UTC)
    join.reply = reply.strip()
    if approve:
        session.add(Membership(forum_id=forum.id, user_id=join.user_id, role=Role.MEMBER))
    outcome = "You are now a member of" if approve else "Your request was not accepted for"
    body = f"{outcome} {forum.name}." + (
        f"\n\nMessage from the convenor: {join.reply}" if join.reply else ""
    )
    messages.send_message(
        session,
        [join.user],
        subject=f"{outcome} {forum.name}",
        body=body,
        link=f"/forums/{forum.slug}",
        kind="join-decision",
        site_url=site_url,
    )
    session.flush()
    return join


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(
    session: Session, viewer: Viewer, forum: Forum, *, email: str, site_url: str = ""
) -> Invitation:
    _require_convenor(viewer, forum)
    token = secrets.token_urlsafe(24)
    invitation = Invitation(
        forum_id=forum.id,
        email=email.strip().lower(),
        token_hash=_token_hash(token),
        invited_by_id=viewer.user_id,
    )
    session.add(invitation)
    messages.queue_email(
        session,
        to=invitation.email,
        subject=f"You are invited to join {forum.name}",
        body=f"{viewer.display_name} has invited you to join {forum.name} on forum-site.\n\n"
        f"To join, open this link: {site_url}/invitations/{token}\n\n"
        "If you do not have an account yet, the link helps you make one.",
    )
    session.flush()
    return invitation


def invitation_for_token(session: Session, token: str) -> Invitation:
    invitation = session.scalar(
        select(Invitation).where(Invitation.token_hash == _token_hash(token))
    )
    if invitation is None or invitation.accepted_at is not None:
        raise NotFound(_l("This invitation link does not work, or it has been used already."))
    return invitation


def accept_invitation(session: Session, viewer: Viewer, token: str) -> Forum:
    if not viewer.signed_in:
        raise NotAllowed(_l("Sign in or make an account to accept the invitation."))
    invitation = invitation_for_token(session, token)
    invitation.accepted_at = datetime.now(UTC)
    if not viewer.is_member(invitation.forum_id):
        session.add(Membership(forum_id=invitation.forum_id, user_id=viewer.user_id))
    session.flush()
    return invitation.forum


def change_role(
    session: Session, viewer: Viewer, forum: Forum, membership_id: int, role: Role
) -> None:
    _require_convenor(viewer, forum)
    membership = _membership(session, forum, membership_id)
    membership.role = role


def remove_member(session: Session, viewer: Viewer, forum: Forum, membership_id: int) -> None:
    _require_convenor(viewer, forum)
    membership = _membership(session, forum, membership_id)
    if membership.user_id == viewer.user_id:
        raise DomainError(_l("You cannot remove yourself. Ask another convenor or an admin."))
    session.delete(membership)


def _membership(session: Session, forum: Forum, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None or membership.forum_id != forum.id:
        raise NotFound(_l("We could not find that member."))
    return membership


def _require_convenor(viewer: Viewer, forum: Forum) -> None:
    if not viewer.convenes(forum.id):
        raise NotAllowed(_l("Only the forum's convenors can do this."))


@dataclass(frozen=True)
class ContactDetails:
    phone: str = ""
    email: str = ""
    address: str = ""

    @classmethod
    def of(cls, forum: Forum) -> ContactDetails:
        return cls(forum.contact_phone, forum.contact_email, forum.contact_address)


def set_contact(session: Session, viewer: Viewer, forum: Forum, details: ContactDetails) -> None:
    """How people reach the forum: on its page and in every PDF's "Who to contact".
    Its convenors and site admins set it; each part may be left empty."""
    if not viewer.convenes(forum.id):
        raise NotAllowed(_l("Only the forum's convenors can change how to contact it."))
    phone, email = details.phone.strip(), details.email.strip()
    address = "\n".join(
        line.strip() for line in details.address.strip().splitlines() if line.strip()
    )
    if phone and not contact_rules.is_phone_number(phone, CONTACT_PHONE_LENGTH):
        raise DomainError(contact_rules.PHONE_MESSAGE, field="phone")
    if email and (len(email) > CONTACT_EMAIL_LENGTH or not contact_rules.is_email_address(email)):
        raise DomainError(contact_rules.EMAIL_MESSAGE, field="email")
    if len(address) > CONTACT_ADDRESS_LENGTH:
        raise DomainError(
            _l("Keep the address to %(max)s characters or fewer.", max=CONTACT_ADDRESS_LENGTH),
            field="address",
        )
    forum.contact_phone, forum.contact_email, forum.contact_address = phone, email, address
    session.flush()
