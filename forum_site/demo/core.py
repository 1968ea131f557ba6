"""Demo organisations, people and forums."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import (
    CommissionerLink,
    Forum,
    JoinRequest,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from forum_site.services.accounts import hash_password

DEMO_PASSWORD = "demo-password-1"
COUNCIL_NAME = "Northbridge Borough Council"


@dataclass
class DemoBase:
    council: Organisation
    nhs: Organisation
    users: dict[str, User] = field(default_factory=dict)
    forums: dict[str, Forum] = field(default_factory=dict)


PEOPLE = [
    # key, name, email, admin
    ("admin", "Sam Okafor", "admin@example.org", True),
    ("commissioner", "Priya Shah", "priya.shah@example.org", False),
    ("nhs_commissioner", "Tom Reilly", "tom.reilly@example.org", False),
    ("convenor", "Grace Mensah", "grace@example.org", False),
    ("hiv_convenor", "Daniel Costa", "daniel@example.org", False),
    ("member", "Ali Hassan", "ali@example.org", False),
    ("member2", "Bernadette Walsh", "bernie@example.org", False),
    ("member3", "Kofi Boateng", "kofi@example.org", False),
    ("newcomer", "Jess Marlow", "jess@example.org", False),
]

FORUMS = [
    {
        "key": "ld",
        "slug": "learning-disability-forum",
        "name": "Learning Disability Voice",
        "community": "Adults with learning disabilities in Northbridge, and their supporters",
        "description": (
            "We meet every month to tell the council what works in day services, housing "
            "and transport, and what needs to change."
        ),
        "convened_by": "Northbridge People First",
        "funded_by": "Northbridge Borough Council (a grant paid each year)",
        "private": False,
    },
    {
        "key": "older",
        "slug": "older-peoples-forum",
        "name": "Older People's Forum",
        "community": "People over 60 and carers across Northbridge",
        "description": (
            "A forum for older people to have a say on home care, falls prevention, "
            "lunch clubs and getting to hospital appointments."
        ),
        "convened_by": "Age Friendly Northbridge (a local charity)",
        "funded_by": "Northbridge Borough Council and the local NHS, half each",
        "private": False,
    },
    {
        "key": "hiv",
        "slug": "positive-voices",
        "name": "Positive Voices",
        "community": "People living with HIV",
        "description": (
            "A private group for people living with HIV to shape sexual health and "
            "support services. Members' names are never shown outside the group."
        ),
        "convened_by": "An independent peer support worker",
        "funded_by": "Northbridge and District NHS",
        "private": True,
    },
]

MEMBERSHIPS = [
    ("ld", "convenor", Role.CONVENOR),
    ("ld", "member", Role.MEMBER),
    ("ld", "member2", Role.MEMBER),
    ("older", "convenor", Role.CONVENOR),
    ("older", "member2", Role.MEMBER),
    ("older", "member3", Role.MEMBER),
    ("hiv", "hiv_convenor", Role.CONVENOR),
    ("hiv", "member3", Role.MEMBER),
]


def seed(session: Session) -> DemoBase | None:
    if session.scalar(select(Organisation.id).where(Organisation.name == COUNCIL_NAME)):
        return None
    council = Organisation(
        name=COUNCIL_NAME,
        kind=OrganisationKind.COUNCIL,
        description="The local council. It pays for social care and some community services.",
    )
    nhs = Organisation(
        name="Northbridge and District NHS",
        kind=OrganisationKind.NHS,
        description="The local NHS body that plans and pays for health services.",
    )
    session.add_all([council, nhs])
    base = DemoBase(council=council, nhs=nhs)
    password_hash = hash_password(DEMO_PASSWORD)
    for key, name, email, admin in PEOPLE:
        user = User(email=email, display_name=name, password_hash=password_hash, is_admin=admin)
        session.add(user)
        base.users[key] = user
    session.flush()
    session.add_all(
        [
            CommissionerLink(
                user_id=base.users["commissioner"].id,
                organisation_id=council.id,
                job_title="Commissioning manager, adult social care",
            ),
            CommissionerLink(
                user_id=base.users["nhs_commissioner"].id,
                organisation_id=nhs.id,
                job_title="Senior commissioner, community health",
            ),
        ]
    )
    _add_forums(session, base)
    return base


# How to reach each forum (phone numbers from Ofcom's range for drama, made-up addresses).
CONTACTS = {
    "ld": (
        "01632 960 411",
        "voice@northbridge-people-first.example.org",
        "Northbridge People First\n14 Mill Lane\nNorthbridge NB2 4QT",
    ),
    "older": (
        "01632 960 522",
        "olderpeople@northbridge-forums.example.org",
        "Older People's Forum\nThe Old Library, Market Street\nNorthbridge NB1 2AB",
    ),
    "hiv": ("01632 960 633", "", ""),
}


def _add_forums(session: Session, base: DemoBase) -> None:
    links = {"ld": [base.council], "older": [base.council, base.nhs], "hiv": [base.nhs]}
    for spec in FORUMS:
        phone, email, address = CONTACTS[spec["key"]]
        forum = Forum(
            contact_phone=phone,
            contact_email=email,
            contact_address=address,
            slug=spec["slug"],
            name=spec["name"],
            community=spec["community"],
            description=spec["description"],
            convened_by=spec["convened_by"],
            convenor_funded_by=spec["funded_by"],
            is_private=spec["private"],
            calendar_secret_salt=spec["slug"][:8],
            organisations=links[spec["key"]],
        )
        session.add(forum)
        base.forums[spec["key"]] = forum
    session.flush()
    for forum_key, user_key, role in MEMBERSHIPS:
        session.add(
            Membership(
                forum_id=base.forums[forum_key].id, user_id=base.users[user_key].id, role=role
            )
        )
    session.add(
        JoinRequest(
            forum_id=base.forums["ld"].id,
            user_id=base.users["newcomer"].id,
            message="I go to the day centre on Mill Lane and want to help make it better.",
        )
    )
    session.flush()
