"""Shared set-up for the tests of members who are not online."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import SupportedAccount
from forum_site.services.not_online import cards
from forum_site.services.viewer import load_viewer
from tests.factories import make_forum, make_user

PIN = "4821"


def make_supported(client, sign_in, forum, convenor, *, name="Sam Supported", **extra) -> int:
    """A supported account made through the page, as a convenor would; returns the user id."""
    sign_in(convenor)
    data = {
        "name": name,
        "reach_by": "convenor",
        "consent_from": "Sam themselves",
        "consent_how": "in_person",
        "consent_confirmed": "y",
        **extra,
    }
    response = client.post(f"/forums/{forum.slug}/not-online/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def forum_with_convenor(db):
    convenor = make_user(db, name="Cal Convenor")
    forum = make_forum(db, name="Riverside Voice", convenors=[convenor])
    return forum, convenor


def issue(db, convenor, user, pin: str = PIN):
    return cards.issue_card(db, load_viewer(db, convenor), user, pin)


def account_of(db, user_id: int) -> SupportedAccount:
    return db.scalar(select(SupportedAccount).where(SupportedAccount.user_id == user_id))
