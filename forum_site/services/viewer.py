"""Who is looking: roles loaded once per request, so permission checks cost no queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import CommissionerLink, Membership, Role, User, forum_organisation


@dataclass(frozen=True)
class Viewer:
    user_id: int | None = None
    display_name: str = ""
    is_admin: bool = False
    forum_roles: dict[int, Role] = field(default_factory=dict)
    organisation_ids: frozenset[int] = frozenset()
    commissioned_forum_ids: frozenset[int] = frozenset()

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None

    @property
    def is_commissioner(self) -> bool:
        return bool(self.organisation_ids)

    def role_in(self, forum_id: int) -> Role | None:
        return self.forum_roles.get(forum_id)

    def is_member(self, forum_id: int) -> bool:
        return forum_id in self.forum_roles

    def convenes(self, forum_id: int) -> bool:
        return self.is_admin or self.forum_roles.get(forum_id) == Role.CONVENOR

    def commissions(self, forum_id: int) -> bool:
        return self.is_admin or forum_id in self.commissioned_forum_ids

    def works_for(self, organisation_id: int) -> bool:
        return self.is_admin or organisation_id in self.organisation_ids

    def can_see_forum(self, forum) -> bool:
        if not forum.is_private:
            return True
        return self.is_admin or self.is_member(forum.id) or forum.id in self.commissioned_forum_ids

    def can_see_members(self, forum) -> bool:
        """Names of members: convenors and admins always; members of public forums too."""
        if self.convenes(forum.id):
            return True
        return not forum.is_private and self.is_member(forum.id)


ANONYMOUS = Viewer()


def load_viewer(session: Session, user: User | None) -> Viewer:
    if user is None:
        return ANONYMOUS
    roles = dict(
        session.execute(
            select(Membership.forum_id, Membership.role).where(Membership.user_id == user.id)
        ).all()
    )
    # The organisations someone commissions for and those organisations' forums, in one
    # query (every page a commissioner opens pays for it).
    links = session.execute(
        select(CommissionerLink.organisation_id, forum_organisation.c.forum_id)
        .outerjoin(
            forum_organisation,
            forum_organisation.c.organisation_id == CommissionerLink.organisation_id,
        )
        .where(CommissionerLink.user_id == user.id)
    ).all()
    org_ids = frozenset(org_id for org_id, _ in links)
    forum_ids = frozenset(forum_id for _, forum_id in links if forum_id is not None)
    return Viewer(
        user_id=user.id,
        display_name=user.display_name,
        is_admin=user.is_admin,
        forum_roles=roles,
        organisation_ids=org_ids,
        commissioned_forum_ids=forum_ids,
    )
