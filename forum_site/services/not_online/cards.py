"""Sign-in cards: a short code printed on a card, and a PIN the person keeps in their head.

The code is read out and typed by hand, so it uses letters and numbers that do not look
or sound alike, in two groups of four. The card never shows the PIN, which is stored
hashed. A lost card is revoked and stops at once; five wrong PINs lock a card until a
convenor unlocks it. Every failed sign-in gives the same message, so nobody can find out
whether a code exists, was revoked, or is locked.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import User
from forum_site.models.base import utcnow
from forum_site.models.not_online import SignInCard
from forum_site.services.errors import DomainError
from forum_site.services.viewer import Viewer
from forum_site.words import _l

# No 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V, G/6: they look or sound alike.
CODE_ALPHABET = "ACEFHJKMNPRTWXY34679"
CODE_LENGTH = 8
WRONG_PINS_BEFORE_LOCK = 5
PIN_PATTERN = re.compile(r"\d{4,6}")

CARD_DID_NOT_WORK = (
    "We could not sign you in with that card code and PIN. Check the code on your card "
    "and your PIN, and try again. After 5 wrong PINs a card stops working until your "
    "convenor unlocks it. If you have lost your card, ask your convenor for a new one."
)

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("0000")


class CardSignInFailed(DomainError):
    """The one message for every card sign-in that did not work."""

    def __init__(self) -> None:
        super().__init__(CARD_DID_NOT_WORK, field="pin")


def normalise_code(typed: str | None) -> str:
    """Any case, with or without spaces and dashes; O typed for 0 and so on stays wrong."""
    return re.sub(r"[\s\-_.]", "", (typed or "").upper())[:32]


def looks_like_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def check_pin(pin: str | None) -> str:
    pin = (pin or "").strip()
    if not PIN_PATTERN.fullmatch(pin):
        raise DomainError(_l("A PIN is 4 to 6 numbers, like 4821."), field="pin")
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise DomainError(
            _l("Choose a PIN that is harder to guess than the same or next numbers."), field="pin"
        )
    return pin


def _new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(SignInCard.id).where(SignInCard.code == code)) is None:
            return code


def current_card(session: Session, user_id: int) -> SignInCard | None:
    """The card that works now (not revoked), if the person has one."""
    return session.scalar(
        select(SignInCard)
        .where(SignInCard.user_id == user_id, SignInCard.revoked_at.is_(None))
        .order_by(SignInCard.id.desc())
    )


def issue_card(session: Session, viewer: Viewer, user: User, pin: str) -> SignInCard:
    """A new card for ``user`` (checked by the caller to be someone the viewer supports);
    any earlier card stops working at once."""
    pin = check_pin(pin)
    now = utcnow()
    for card in session.scalars(
        select(SignInCard).where(SignInCard.user_id == user.id, SignInCard.revoked_at.is_(None))
    ):
        card.revoked_at = now
    card = SignInCard(
        user_id=user.id,
        code=_new_code(session),
        pin_hash=_hasher.hash(pin),
        issued_by_id=viewer.user_id,
    )
    session.add(card)
    session.flush()
    return card


def revoke_card(card: SignInCard) -> None:
    if card.revoked_at is None:
        card.revoked_at = utcnow()


def unlock_card(card: SignInCard) -> None:
    card.locked_at = None
    card.wrong_pins = 0


def sign_in_with_card(
    session: Session, typed_code: str, pin: str, now: datetime | None = None
) -> User:
    """The card's person, or CardSignInFailed. A wrong PIN is counted even though the
    request fails, so the caller commits either way."""
    code = normalise_code(typed_code)
    card = None
    if looks_like_code(code):
        card = session.scalar(select(SignInCard).where(SignInCard.code == code))
    if card is None or not card.works:
        _spend_the_same_time(pin)
        raise CardSignInFailed()
    if not _pin_matches(card, pin):
        card.wrong_pins += 1
        if card.wrong_pins >= WRONG_PINS_BEFORE_LOCK:
            card.locked_at = now or utcnow()
        raise CardSignInFailed()
    card.wrong_pins = 0
    card.last_used_at = now or utcnow()
    return card.user


def _pin_matches(card: SignInCard, pin: str) -> bool:
    try:
        return _hasher.verify(card.pin_hash, (pin or "").strip()[:20])
    except (VerificationError, InvalidHashError):
        return False


def _spend_the_same_time(pin: str) -> None:
    with contextlib.suppress(VerificationError, InvalidHashError):
        _hasher.verify(_DUMMY_HASH, (pin or "x")[:20])
