"""Making accounts, signing in, and resetting passwords."""

from __future__ import annotations

import base64
import hashlib
import json
import time
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from forum_site.models import TextSize, User
from forum_site.services.errors import DomainError
from forum_site.words import _l

MIN_PASSWORD_LENGTH = 10
REGISTRATION_SALT = "register"
# What a sealed link is for, so one kind of link never works as another.
FOR_REGISTERING = "register"
FOR_ADDING_AN_EMAIL = "add-email"
PASSWORD_HASH_PROFILES = ("RFC_9106_LOW_MEMORY", "RFC_9106_HIGH_MEMORY", "CHEAPEST")
_hashing: dict[str, object] = {"profile": "RFC_9106_LOW_MEMORY"}


def use_password_profile(name: str) -> None:
    """Choose argon2's cost (the PASSWORD_HASH_PROFILE setting; tests use CHEAPEST)."""
    if name not in PASSWORD_HASH_PROFILES:
        raise ValueError(
            f"PASSWORD_HASH_PROFILE must be one of {', '.join(PASSWORD_HASH_PROFILES)}"
        )
    if _hashing["profile"] != name:
        _hashing.clear()
        _hashing["profile"] = name


def _hasher() -> PasswordHasher:
    if "hasher" not in _hashing:
        params = getattr(profiles, str(_hashing["profile"]))
        _hashing["hasher"] = PasswordHasher.from_parameters(params)
    return _hashing["hasher"]  # type: ignore[return-value]


def _dummy_hash() -> str:
    # Checked when the email is unknown, so timing does not reveal which accounts exist.
    if "dummy" not in _hashing:
        _hashing["dummy"] = _hasher().hash("not a real password")
    return _hashing["dummy"]  # type: ignore[return-value]


def normalise_email(email: str) -> str:
    return unicodedata.normalize("NFKC", email).strip().lower()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            _l(
                "Your password needs at least %(min_password_length)s characters.",
                min_password_length=MIN_PASSWORD_LENGTH,
            ),
            field="password",
        )


class AccountExists(DomainError):
    """The address has an account already (someone made it after the link was sent)."""


_ACCOUNT_EXISTS = _l(
    "There is already an account with this email address. Sign in, or reset your password."
)


@dataclass(frozen=True)
class Registration:
    """Someone asking to make an account, as the link in our email carries it.

    The link is encrypted and signed (Fernet: AES with an HMAC, keyed from SECRET_KEY),
    so it reads as noise: someone who sees only the link (a proxy's log, a browser's
    history) learns neither the address nor the name. The password is never in it; it
    is chosen when the link is used."""

    email: str
    display_name: str
    next_page: str = ""


def _registration_box(secret_key: str) -> Fernet:
    key = hashlib.sha256(f"{REGISTRATION_SALT}\0{secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def make_registration_token(registration: Registration, secret_key: str) -> str:
    data = {
        "for": FOR_REGISTERING,
        "email": normalise_email(registration.email),
        "name": registration.display_name,
        "next": registration.next_page,
    }
    return _seal(data, secret_key)


def _seal(data: dict, secret_key: str) -> str:
    return _registration_box(secret_key).encrypt(json.dumps(data).encode()).decode("ascii")


def _open_registration_token(token: str, secret_key: str, max_age: int) -> dict:
    box = _registration_box(secret_key)
    try:
        made_at = box.extract_timestamp(token.encode("ascii"))
        data = json.loads(box.decrypt(token.encode("ascii")))
    except (InvalidToken, UnicodeError, ValueError):
        raise DomainError(_l("This link does not work. Start again to get a new one.")) from None
    if time.time() - made_at > max_age or not isinstance(data, dict):
        raise DomainError(_l("This link has run out. Start again to get a new one."))
    return data


def _open_link_for(purpose: str, token: str, secret_key: str, max_age: int) -> dict:
    data = _open_registration_token(token, secret_key, max_age)
    if data.get("for", FOR_REGISTERING) != purpose:  # links sent before "for" are registrations
        raise DomainError(_l("This link does not work. Start again to get a new one."))
    return data


def registration_for_token(
    session: Session, token: str, secret_key: str, max_age: int
) -> Registration:
    """The registration a link from our email carries, while the address has no account."""
    data = _open_link_for(FOR_REGISTERING, token, secret_key, max_age)
    registration = Registration(
        email=str(data.get("email", "")),
        display_name=str(data.get("name", "")),
        next_page=str(data.get("next", "")),
    )
    if find_user_by_email(session, registration.email) is not None:
        raise AccountExists(_ACCOUNT_EXISTS)
    return registration


@dataclass(frozen=True)
class AddedEmail:
    """An address a supported member asked to add to their account, as our link carries it
    (sealed like a registration link, so the address is not readable in it)."""

    account_id: int
    email: str


def make_added_email_token(account_id: int, email: str, secret_key: str) -> str:
    data = {"for": FOR_ADDING_AN_EMAIL, "account": account_id, "email": normalise_email(email)}
    return _seal(data, secret_key)


def added_email_for_token(token: str, secret_key: str, max_age: int) -> AddedEmail:
    data = _open_link_for(FOR_ADDING_AN_EMAIL, token, secret_key, max_age)
    account_id, email = data.get("account"), data.get("email")
    if not isinstance(account_id, int) or not isinstance(email, str) or not email:
        raise DomainError(_l("This link does not work. Start again to get a new one."))
    return AddedEmail(account_id=account_id, email=email)


def create_account(session: Session, *, email: str, display_name: str, password: str) -> User:
    """Make the account, once: a second try for the same address raises AccountExists."""
    email = normalise_email(email)
    if find_user_by_email(session, email):
        raise AccountExists(_ACCOUNT_EXISTS, field="email")
    check_new_password(password)
    user = User(
        email=email,
        display_name=unicodedata.normalize("NFKC", display_name).strip(),
        password_hash=hash_password(password),
    )
    try:
        with session.begin_nested():  # two tabs at once: the database keeps one
            session.add(user)
            session.flush()
    except IntegrityError:
        raise AccountExists(_ACCOUNT_EXISTS, field="email") from None
    return user


def authenticate(session: Session, *, email: str, password: str) -> User:
    """Return the user, or raise one message that does not say which part was wrong."""
    user = find_user_by_email(session, email)
    try:
        _hasher().verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        user = None
    if user is None:
        raise DomainError(
            _l("The email address or password is not right. Check them and try again.")
        )
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def change_password(user: User, *, current: str, new: str) -> None:
    try:
        _hasher().verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise DomainError(
            _l("Your current password is not right."), field="current_password"
        ) from None
    check_new_password(new)
    set_password(user, new)


def set_password(user: User, new: str) -> None:
    check_new_password(new)
    user.password_hash = hash_password(new)
    user.new_session_token()


def _fingerprint(user: User) -> str:
    # The token stops working once the password changes, which makes it single use.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def make_reset_token(user: User, secret_key: str) -> str:
    serializer = URLSafeTimedSerializer(secret_key, salt="password-reset")
    return serializer.dumps({"user": user.id, "fingerprint": _fingerprint(user)})


def user_for_reset_token(session: Session, token: str, secret_key: str, max_age: int) -> User:
    serializer = URLSafeTimedSerializer(secret_key, salt="password-reset")
    try:
        data = serializer.loads(token, max_age=max_age)
    except SignatureExpired:
        raise DomainError(_l("This link has run out. Ask for a new one.")) from None
    except BadSignature:
        raise DomainError(_l("This link does not work. Ask for a new one.")) from None
    user = session.get(User, data.get("user"))
    if user is None or data.get("fingerprint") != _fingerprint(user):
        raise DomainError(_l("This link has already been used. Ask for a new one."))
    return user


def update_preferences(
    user: User,
    *,
    easy_read: bool,
    hide_pictures: bool,
    text_size: str,
    high_contrast: bool,
    language: str | None,
) -> None:
    user.easy_read = easy_read
    user.hide_pictures = hide_pictures
    user.text_size = TextSize(text_size)
    user.high_contrast = high_contrast
    user.language = language or None
