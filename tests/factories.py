"""Make the records tests need, with sensible defaults. Nothing here commits."""

from __future__ import annotations

import itertools

from forum_site.models import (
    CommissionerLink,
    Forum,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from forum_site.services.accounts import hash_password

PASSWORD = "correct horse battery"
_counter = itertools.count(1)
_password_hash = None


def _hash() -> str:
    global _password_hash
    if _password_hash is None:
        _password_hash = hash_password(PASSWORD)
    return _password_hash


def make_user(
    session, *, name: str | None = None, email: str | None = None, admin: bool = False, **extra
) -> User:
    n = next(_counter)
    user = User(
        email=email or f"person{n}@example.org",
        display_name=name or f"Person {n}",
        password_hash=_hash(),
        is_admin=admin,
        **extra,
    )
    session.add(user)
    session.flush()
    return user


def make_organisation(
    session, *, name: str | None = None, kind=OrganisationKind.COUNCIL, **extra
) -> Organisation:
    organisation = Organisation(name=name or f"Council {next(_counter)}", kind=kind, **extra)
    session.add(organisation)
    session.flush()
    return organisation


def make_commissioner(session, organisation: Organisation, **user_args) -> User:
    user = make_user(session, **user_args)
    session.add(
        CommissionerLink(user_id=user.id, organisation_id=organisation.id, job_title="Commissioner")
    )
    session.flush()
    return user


def make_forum(
    session,
    *,
    name: str | None = None,
    private: bool = False,
    members: list[User] = (),
    convenors: list[User] = (),
    organisations: list[Organisation] = (),
    **extra,
) -> Forum:
    n = next(_counter)
    name = name or f"Forum {n}"
    forum = Forum(
        slug=f"forum-{n}",
        name=name,
        description=f"What {name} is for.",
        community="People who use services",
        is_private=private,
        calendar_secret_salt=f"salt{n}",
        organisations=list(organisations),
        **extra,
    )
    session.add(forum)
    session.flush()
    for user in members:
        session.add(Membership(forum_id=forum.id, user_id=user.id, role=Role.MEMBER))
    for user in convenors:
        session.add(Membership(forum_id=forum.id, user_id=user.id, role=Role.CONVENOR))
    session.flush()
    return forum
