"""Accounts a convenor makes for members with no email address.

The member's consent is recorded (who agreed, how, when, and who wrote it down). The
member is a full member of the forum. Later they can add an email address and a password
and take the account over; the record of how it started is kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Forum, Membership, Role, User
from forum_site.models.base import utcnow
from forum_site.models.not_online import ConsentHow, ReachBy, SupportedAccount
from forum_site.services import accounts
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.viewer import Viewer
from forum_site.words import _l

# Nobody can sign in with a password until the member chooses one (argon2 never matches).
NO_PASSWORD = "!supported-account-no-password"
NAME_LIMIT = 100


@dataclass
class NewSupportedMember:
    name: str
    reach_by: str
    consent_from: str
    consent_how: str
    consent_confirmed: bool
    postal_address: str = ""
    phone: str = ""
    consent_at: datetime | None = None
    easy_read: bool = False
    language: str | None = None


def require_convenor(viewer: Viewer, forum: Forum) -> None:
    if not viewer.convenes(forum.id):
        raise NotAllowed(_l("Only the forum's convenors can do this."))


def _clean(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _check(details: NewSupportedMember) -> None:
    if not _clean(details.name):
        raise DomainError(_l("Enter the person's name."), field="name")
    if len(_clean(details.name)) > NAME_LIMIT:
        raise DomainError(_l("A name can have up to 100 characters."), field="name")
    if details.reach_by not in set(ReachBy):
        raise DomainError(_l("Choose how we reach them."), field="reach_by")
    if details.reach_by == ReachBy.POST and not _clean(details.postal_address):
        raise DomainError(_l("Enter the address we post letters to."), field="postal_address")
    if details.reach_by == ReachBy.PHONE and not _clean(details.phone):
        raise DomainError(_l("Enter the phone number we ring."), field="phone")
    if len(_clean(details.phone)) > 40:
        raise DomainError(_l("A phone number can have up to 40 characters."), field="phone")
    if len(_clean(details.postal_address)) > 500:
        raise DomainError(_l("An address can have up to 500 characters."), field="postal_address")
    if not _clean(details.consent_from):
        raise DomainError(_l("Say who agreed, for example the person themselves."), "consent_from")
    if details.consent_how not in set(ConsentHow):
        raise DomainError(_l("Choose how they agreed."), field="consent_how")
    if not details.consent_confirmed:
        raise DomainError(
            _l("Tick the box to show the person agreed to having an account made for them."),
            field="consent_confirmed",
        )


def make_supported_account(
    session: Session, viewer: Viewer, forum: Forum, details: NewSupportedMember
) -> SupportedAccount:
    """A member of ``forum`` with no email address, and the record of their consent."""
    require_convenor(viewer, forum)
    _check(details)
    user = User(
        email=None,
        display_name=_clean(details.name),
        password_hash=NO_PASSWORD,
        easy_read=bool(details.easy_read),
        language=details.language or None,
    )
    session.add(user)
    session.flush()
    session.add(Membership(forum_id=forum.id, user_id=user.id, role=Role.MEMBER))
    supported = SupportedAccount(
        user_id=user.id,
        forum_id=forum.id,
        reach_by=ReachBy(details.reach_by),
        postal_address=_clean(details.postal_address),
        phone=_clean(details.phone),
        consent_from=_clean(details.consent_from)[:200],
        consent_how=ConsentHow(details.consent_how),
        consent_at=details.consent_at or utcnow(),
        recorded_by_id=viewer.user_id,
    )
    session.add(supported)
    session.flush()
    return supported


def supported_members(session: Session, viewer: Viewer, forum: Forum) -> list[SupportedAccount]:
    require_convenor(viewer, forum)
    return list(
        session.scalars(
            select(SupportedAccount)
            .options(selectinload(SupportedAccount.user))
            .join(User, User.id == SupportedAccount.user_id)
            .where(SupportedAccount.forum_id == forum.id)
            .order_by(User.display_name, User.id)
        )
    )


def get_supported(session: Session, viewer: Viewer, forum: Forum, user_id: int) -> SupportedAccount:
    require_convenor(viewer, forum)
    supported = session.scalar(
        select(SupportedAccount).where(
            SupportedAccount.forum_id == forum.id, SupportedAccount.user_id == user_id
        )
    )
    if supported is None:
        raise NotFound(_l("There is no supported member here with that number."))
    return supported


def supported_account_of(session: Session, user_id: int) -> SupportedAccount | None:
    return session.scalar(select(SupportedAccount).where(SupportedAccount.user_id == user_id))


class SignInFirst(DomainError):
    """The link to add an address works only for the account that asked for it."""


def may_add_email(session: Session, user: User) -> None:
    """Only a supported member with no address yet adds one (by a link we email to it)."""
    if supported_account_of(session, user.id) is None or user.email:
        raise DomainError(_l("This account already has an email address."))


def email_to_confirm(session: Session, user: User | None, added: accounts.AddedEmail) -> str:
    """The address our link adds, while it can still be added to this member's account.

    The link is used while signed in as the member who asked, so someone who gets the
    email by a typing mistake cannot take the account."""
    if user is None:
        raise SignInFirst(
            _l("Sign in with your card first, then open the link in the email again.")
        )
    if added.account_id != user.id:
        raise SignInFirst(
            _l(
                "This link is for another account. Sign in with that account's card, then open the link again."
            )
        )
    if user.email or supported_account_of(session, user.id) is None:
        raise DomainError(_l("This link has already been used. Your account has an email address."))
    if accounts.find_user_by_email(session, added.email) is not None:
        raise accounts.AccountExists(
            _l(
                "There is already an account with this email address. Sign in, or reset your password."
            )
        )
    return added.email


def take_over(session: Session, user: User, *, email: str, password: str) -> None:
    """The member adds an email address and a password: from now on they get email."""
    supported = supported_account_of(session, user.id)
    may_add_email(session, user)
    address = accounts.normalise_email(email)
    if accounts.find_user_by_email(session, address):
        raise DomainError(
            _l("There is already an account with this email address. Choose another one."),
            field="email",
        )
    accounts.check_new_password(password)
    user.email = address
    accounts.set_password(user, password)
    supported.taken_over_at = utcnow()
